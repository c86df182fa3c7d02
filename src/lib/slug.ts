/** Slugs for file names and URLs: lower-case ASCII words joined by hyphens. */

/** "Café & Community: 5 ideas 🌿" -> "cafe-community-5-ideas". Empty when nothing usable remains. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/æ/gi, "ae")
    .replace(/ø/gi, "o")
    .replace(/['’]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

/**
 * The one rule for a web address taken from a file name, held by the build, the content check,
 * the CMS, `npm run new` and the importer: lower-case a–z, digits and single hyphens. Only ASCII
 * passes, so "Café.md" (NFC or NFD) and "Post.md" are refused: two files never share one address
 * on a case-insensitive disk or host.
 */
export const ADDRESS_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether a name (a file name without its extension) is a valid address. */
export function isAddress(name: string): boolean {
  return ADDRESS_PATTERN.test(name);
}

/**
 * The address a file name stands for, for spotting two names that would clash
 * once corrected ("Post", "post" and "p\u00f3st" all give "post"). Empty when nothing usable remains.
 */
export function addressKey(name: string): string {
  return slugify(name.normalize("NFC"));
}
