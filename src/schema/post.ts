/** The post: `content/posts/<slug>.md(x)`. */
import { boolean, date, image, IMAGE_FORMATS_TEXT, string, stringList, fields } from "./fields.ts";

/** Post front-matter fields, in the order the CMS shows them. */
export const postFields = fields(
  string("title", { hint: "The headline. Under 70 characters, so Google shows all of it." }),
  string("description", {
    max: 200,
    hint: "One or two sentences (at most 200 characters), shown in the list of posts, in search results and when the post is shared.",
  }),
  date("date", { label: "Publish date", hint: "The post appears on the site on this day: pick a later day to schedule it." }),
  date("updated", { label: "Last updated", required: false, hint: "Optional: the day you last changed something readers should know about." }),
  /** Who wrote it, when not the site's owner (kept from the old site by the importer). */
  string("author", { required: false, hint: "Leave empty when you wrote it; fill in a guest writer's name." }),
  /** Topics; "Networking" and "networking" are the same tag. */
  stringList("tags", { default: [], hint: "A few topics, e.g. networking, isolation. Each topic has a page listing its posts." }),
  boolean("draft", { label: "Draft", default: false, hint: "While this is on, the post stays off the site, even once published here." }),
  image("image", {
    label: "Hero image",
    required: false,
    hint: `Optional: the large picture at the top of the post, also shown when it is shared. ${IMAGE_FORMATS_TEXT}; big photos are made smaller for you.`,
  }),
  string("imageAlt", {
    label: "Hero image description (alt text)",
    required: false,
    hint: "Describe the picture in a sentence for readers who cannot see it; screen readers read it aloud.",
  }),
  boolean("cta", { label: "Show program callout", default: true, hint: "Ends the post with the short note inviting readers to the program." }),
);

/** Rules that span fields. */
export function checkPost(data: Record<string, unknown>): Array<{ path: string; message: string }> {
  const hasAlt = typeof data["imageAlt"] === "string" && data["imageAlt"].trim() !== "";
  return data["image"] && !hasAlt ? [{ path: "imageAlt", message: "is required when an image is set (describe the image)" }] : [];
}
