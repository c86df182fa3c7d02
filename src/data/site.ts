/**
 * The Astro-facing data layer: reads collections and settings, applies the
 * publishing rules, and hands pages ready-made data. Pure logic lives in src/lib.
 */
import { getCollection, getEntry, type CollectionEntry } from "astro:content";
import { visiblePosts, type Visibility } from "../lib/posts.ts";
import { finishSettings, type SiteSettings } from "../lib/settings.ts";
import { collectTags, hasTag, type Tag } from "../lib/tags.ts";
import { withBase } from "../lib/urls.ts";

export type Post = CollectionEntry<"posts">;

/** Drafts and scheduled posts show in `astro dev` only. `P2P_NOW` pins "now" for reproducible builds and tests. */
export function visibility(): Visibility {
  return { preview: import.meta.env.DEV, now: process.env["P2P_NOW"] ? new Date(process.env["P2P_NOW"]) : new Date() };
}

/**
 * `read` once per build and key: a build's content cannot change while it runs, and Astro's
 * `getCollection` resolves every entry again on each call, which every page makes several
 * times (at 4,000 posts, tens of millions of entries per build). `astro dev` reads afresh on
 * every request, so an edit shows at once. Callers must not change what they get.
 */
export function oncePerBuild<T, K = void>(read: (key: K) => Promise<T>): (key: K) => Promise<T> {
  const values = new Map<K, Promise<T>>();
  return (key) => {
    if (import.meta.env.DEV) return read(key);
    if (!values.has(key)) values.set(key, read(key));
    return values.get(key)!;
  };
}

/** Site settings from `content/settings/site.yaml`. */
export const getSettings = oncePerBuild(async (): Promise<SiteSettings> => {
  const entry = await getEntry("settings", "site");
  if (!entry) throw new Error("content/settings/site.yaml is missing");
  return finishSettings(entry.data, "content/settings/site.yaml");
});

/** Every post readers may see, newest first. */
export const getPosts = oncePerBuild(async (): Promise<Post[]> => visiblePosts(await getCollection("posts"), visibility()));

/** Every tag of the visible posts. */
export const getTags = oncePerBuild(async (): Promise<Tag[]> => collectTags((await getPosts()).map((p) => p.data.tags)));

/** Visible posts with a tag. */
export async function getPostsWithTag(slug: string): Promise<Post[]> {
  return (await getPosts()).filter((p) => hasTag(p.data.tags, slug));
}

/** A site path with the deployment base prepended. */
export function href(path: string): string {
  return withBase(path, import.meta.env.BASE_URL);
}
