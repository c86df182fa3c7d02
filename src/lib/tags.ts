/**
 * Tags, one rule for the site, the content check and the importer:
 * - Identity: two names are one tag when their slugs match (`tagSlug`), so case,
 *   spacing and punctuation do not count: "Professional Isolation",
 *   "professional  isolation" and "Professional-Isolation" are one tag, shown
 *   at /tags/professional-isolation/. ("SelfCare" and "Self Care" are two.)
 * - Spelling: a tag is shown as the spelling the most posts use; when two
 *   spellings are used equally often, the one with more capital letters wins
 *   ("Self Care" over "self care"), then the one seen first. Spellings are
 *   compared tidied: trimmed, inner whitespace collapsed (`tagName`).
 */
import { slugify } from "./slug.ts";

/** A tag as listed on the site: its slug (/tags/<slug>/), its preferred spelling and how many posts have it. */
export type Tag = ReturnType<typeof collectTags>[number];

/** A tag name as written, tidied: trimmed, inner whitespace collapsed. */
export function tagName(raw: string): string {
  return raw.trim().replace(/\s+/g, " ");
}

/** Slugs by tag name: a build asks for the same few dozen names hundreds of thousands of times (tag pages, cards, filters). */
const slugs = new Map<string, string>();

/** The URL slug of a tag name: what makes two names one tag. */
export function tagSlug(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = slugify(tagName(name));
    slugs.set(name, slug);
  }
  return slug;
}

/** The spelling to show among a tag's spellings and how many posts use each (in the order first seen). */
export function preferredSpelling(counts: ReadonlyMap<string, number>): string {
  let name = "";
  let best = 0;
  for (const [spelling, n] of counts) if (n > best || (n === best && capitals(spelling) > capitals(name))) [name, best] = [spelling, n];
  return name;
}

function capitals(text: string): number {
  return (text.match(/\p{Lu}/gu) ?? []).length;
}

/**
 * Each tag's spellings and how many posts use each, by slug. A post counts
 * once per tag, with the first spelling it uses; names without a usable slug are skipped.
 */
export function tagSpellings(tagLists: Iterable<readonly string[]>): Map<string, Map<string, number>> {
  const bySlug = new Map<string, Map<string, number>>();
  for (const tags of tagLists) {
    const seen = new Set<string>();
    for (const raw of tags) {
      const name = tagName(raw);
      const slug = tagSlug(name);
      if (!slug || seen.has(slug)) continue;
      seen.add(slug);
      const spellings = bySlug.get(slug) ?? new Map<string, number>();
      spellings.set(name, (spellings.get(name) ?? 0) + 1);
      bySlug.set(slug, spellings);
    }
  }
  return bySlug;
}

/** Collects tags from posts' tag lists, merging spellings, sorted by count then name. */
export function collectTags(tagLists: readonly (readonly string[])[]) {
  return [...tagSpellings(tagLists)]
    .map(([slug, spellings]) => ({ slug, name: preferredSpelling(spellings), count: [...spellings.values()].reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Whether a post's tag list contains the tag with this slug. */
export function hasTag(tags: readonly string[], slug: string): boolean {
  return tags.some((t) => tagSlug(t) === slug);
}
