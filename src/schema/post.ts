/** The post: `content/posts/<slug>.md(x)`. */
import { boolean, date, image, string, stringList, fields } from "./fields.ts";

/** Post front-matter fields, in the order the CMS shows them. */
export const postFields = fields(
  /** Headline, shown on the page, in lists and in search results. */
  string("title", { hint: "Keep it under 70 characters so search engines show all of it." }),
  /** Summary for lists, search results, feeds and social cards. */
  string("description", { max: 200, hint: "One or two sentences, at most 200 characters." }),
  /** Publication date; a future date schedules the post. */
  date("date", { label: "Publish date", hint: "A date in the future schedules the post for that day." }),
  /** Date of the last meaningful revision. */
  date("updated", { label: "Updated", required: false }),
  /** Who wrote it, when not the site's owner (kept from the old site by the importer). */
  string("author", { required: false, hint: "Leave empty for posts by the site's owner." }),
  /** Topics; "Networking" and "networking" are the same tag. */
  stringList("tags", { default: [], hint: "A few topics, e.g. networking, isolation." }),
  /** Drafts are never published. */
  boolean("draft", { default: false, hint: "Drafts are kept out of the published site." }),
  /** Hero image, optimised at build time. */
  image("image", { label: "Hero image", required: false, hint: "JPEG, PNG, WebP or AVIF. Not SVG." }),
  /** Text alternative for the hero image; required with an image. */
  string("imageAlt", { label: "Hero image description (alt text)", required: false, hint: "Describe the image for readers who cannot see it." }),
  /** Show the program callout at the end of the post. */
  boolean("cta", { label: "Show program callout", default: true }),
);

/** Rules that span fields. */
export function checkPost(data: Record<string, unknown>): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  if (data["image"] && !(typeof data["imageAlt"] === "string" && data["imageAlt"].trim()))
    issues.push({ path: "imageAlt", message: "is required when an image is set (describe the image)" });
  return issues;
}
