/**
 * A new entry's file name comes from its title, through Decap's slug functions and the site's slug settings, which
 * keep characters the address rule refuses ("_", "~") and give an empty name for a title without letters or digits:
 * so the title is checked before saving, and the author fixes it instead of the build failing later.
 */
import { sanitizeSlug } from "decap-cms-core/dist/esm/lib/urlHelper.js";
import { SLUG_SETTINGS } from "../src/schema/decap.ts";
import { isAddress, slugify } from "../src/lib/slug.ts";

/**
 * The file name (without extension) Decap makes from a title for a `{{slug}}` collection: the steps of its
 * `prepareSlug` (decap-cms-core/src/lib/formatters.ts, whose module pulls in the whole CMS), then `sanitizeSlug`.
 */
export function cmsSlug(title: string): string {
  return sanitizeSlug(title.trim().toLocaleLowerCase().replace(/'/g, "").replace(/\./g, "-"), SLUG_SETTINGS);
}

/** Why a new entry with this title cannot be saved under the address rule, or undefined when it can. */
export function titleAddressProblem(title: string): string | undefined {
  const slug = cmsSlug(title);
  if (isAddress(slug)) return undefined;
  if (!slug) return `Title: "${title}" has no letters or digits to make the post's web address from; add at least one word`;
  const better = slugify(title);
  return `Title: it would give the address "${slug}", but addresses may only hold a-z, digits and hyphens${better ? ` (write the title so it reads like "${better}")` : ""}`;
}
