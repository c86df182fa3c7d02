/** Which posts are public, in which order, and how they relate. Pure: no Astro globals. */
import { tagSlug } from "./tags.ts";

/** The part of a post these helpers need. */
export interface PostLike {
  id: string;
  data: { date: Date; draft: boolean; tags: string[] };
}

/** Whether drafts and scheduled posts are shown (dev) or hidden (production). */
export interface Visibility {
  /** Show drafts and future posts (the authoring server). */
  preview: boolean;
  /** The moment of the build; posts dated after it are scheduled. */
  now: Date;
}

/** Whether a post is published at `now`: not a draft and not dated in the future. */
export const isPublished = (post: PostLike, now: Date) => unpublished(post, now) === undefined;

/** Why readers cannot see a post yet, for the marks the authoring server shows: a draft, or scheduled (dated after `now`). */
export function unpublished(post: PostLike, now: Date): "Draft" | "Scheduled" | undefined {
  if (post.data.draft) return "Draft";
  return post.data.date.getTime() > now.getTime() ? "Scheduled" : undefined;
}

/** Posts readers may see, newest first (ties broken by slug, for stable pages). */
export function visiblePosts<T extends PostLike>(posts: readonly T[], vis: Visibility): T[] {
  return posts.filter((p) => vis.preview || isPublished(p, vis.now)).sort(byNewest);
}

/** Sort order: newest first, then by slug. */
export function byNewest(a: PostLike, b: PostLike): number {
  return b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id);
}

/** The newer and older neighbours of a post in a newest-first list. */
export function neighbours<T extends PostLike>(sorted: readonly T[], id: string): { newer?: T | undefined; older?: T | undefined } {
  const i = sorted.findIndex((p) => p.id === id);
  return i < 0 ? {} : { newer: sorted[i - 1], older: sorted[i + 1] };
}

/**
 * Up to `limit` posts sharing the most tags with a post; newer first among
 * equals; posts sharing none are left out. Indexes posts by tag once, so
 * finding every post's related posts costs about
 * (posts x posts-per-tag) instead of posts squared: at 4,000 posts the plain
 * pairwise version took 40 s of a build.
 */
export function relatedFinder<T extends PostLike>(candidates: readonly T[], limit = 3): (post: T) => T[] {
  const slugsOf = new Map<T, Set<string>>();
  const byTag = new Map<string, T[]>();
  for (const p of candidates) {
    const slugs = new Set(p.data.tags.map(tagSlug));
    slugsOf.set(p, slugs);
    for (const slug of slugs) {
      const list = byTag.get(slug) ?? [];
      list.push(p);
      byTag.set(slug, list);
    }
  }
  return (post) => {
    const shared = new Map<T, number>();
    for (const slug of slugsOf.get(post) ?? new Set(post.data.tags.map(tagSlug))) {
      for (const p of byTag.get(slug) ?? []) if (p.id !== post.id) shared.set(p, (shared.get(p) ?? 0) + 1);
    }
    return [...shared]
      .sort(([a, na], [b, nb]) => nb - na || byNewest(a, b))
      .slice(0, limit)
      .map(([p]) => p);
  };
}

/** Posts per blog list page. */
export const POSTS_PER_PAGE = 10;

/** Posts grouped by the year they were published in the site's time zone, newest year first, order kept within a year. */
export function postsByYear<T extends PostLike>(sorted: readonly T[], yearOf: (date: Date) => number): Array<{ year: number; posts: T[] }> {
  return [...Map.groupBy(sorted, (post) => yearOf(post.data.date))].sort(([a], [b]) => b - a).map(([year, posts]) => ({ year, posts }));
}
