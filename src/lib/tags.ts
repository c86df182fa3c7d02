/** Tags: "Professional Isolation" and "professional  isolation" are one tag. */
import { slugify } from "./slug.ts";

/** A tag as listed on the site. */
export interface Tag {
  /** URL slug: /tags/<slug>/. */
  slug: string;
  /** Display name: the spelling used most often (on a tie, the one with more capitals, then the first seen). */
  name: string;
  /** Number of posts with the tag. */
  count: number;
}

/** Slugs by tag name: a build asks for the same few dozen names hundreds of thousands of times (tag pages, cards, filters). */
const slugs = new Map<string, string>();

/** The URL slug of a tag name. */
export function tagSlug(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = slugify(name.trim().replace(/\s+/g, " "));
    slugs.set(name, slug);
  }
  return slug;
}

/** Collects tags from posts' tag lists, merging spellings, sorted by count then name. */
export function collectTags(tagLists: readonly (readonly string[])[]): Tag[] {
  const bySlug = new Map<string, { spellings: Map<string, number>; count: number }>();
  for (const tags of tagLists) {
    const seen = new Set<string>();
    for (const raw of tags) {
      const name = raw.trim().replace(/\s+/g, " ");
      const slug = tagSlug(name);
      if (!slug || seen.has(slug)) continue;
      seen.add(slug);
      const entry = bySlug.get(slug) ?? { spellings: new Map(), count: 0 };
      entry.count += 1;
      entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
      bySlug.set(slug, entry);
    }
  }
  return [...bySlug.entries()]
    .map(([slug, { spellings, count }]) => {
      let name = "";
      let best = 0;
      // On a tie, the spelling with more capitals looks intended ("Professional Isolation" over "professional isolation").
      for (const [spelling, n] of spellings) if (n > best || (n === best && capitals(spelling) > capitals(name))) [name, best] = [spelling, n];
      return { slug, name, count };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function capitals(text: string): number {
  return (text.match(/\p{Lu}/gu) ?? []).length;
}

/** Whether a post's tag list contains the tag with this slug. */
export function hasTag(tags: readonly string[], slug: string): boolean {
  return tags.some((t) => tagSlug(t) === slug);
}
