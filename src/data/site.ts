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

/** Site settings from `content/settings/site.yaml` (asked for several times by every page). */
export async function getSettings(): Promise<SiteSettings> {
  const entry = await getEntry("settings", "site");
  if (!entry) throw new Error("content/settings/site.yaml is missing");
  return finishSettings(entry.data, "content/settings/site.yaml");
}

/** Every post readers may see, newest first. */
export async function getPosts(): Promise<Post[]> {
  return visiblePosts(await getCollection("posts"), visibility());
}

/** Every tag of the visible posts. */
export async function getTags(): Promise<Tag[]> {
  return collectTags((await getPosts()).map((p) => p.data.tags));
}

/** Visible posts with a tag. */
export async function getPostsWithTag(slug: string): Promise<Post[]> {
  return (await getPosts()).filter((p) => hasTag(p.data.tags, slug));
}

/** A site path with the deployment base prepended. */
export function href(path: string): string {
  return withBase(path, import.meta.env.BASE_URL);
}
