/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`,
 * https://docs.astro.build/en/reference/experimental-flags/incremental-build/).
 * A page returned with a `cacheKey` from `getStaticPaths()` is copied from the
 * previous build instead of rendered when its key and its code (Astro hashes the
 * page's module graph, client scripts included) are unchanged. So a key must
 * change with every piece of data the page shows: a missed one leaves a stale page.
 * Only post pages have one: they are most of a site's pages, and an edit to one
 * post changes few of the others.
 */
import { createHash } from "node:crypto";
import { metaCspForTarget } from "../deploy/github-pages.ts";
import { policyOptions } from "../deploy/policy.ts";
import { tagSlug } from "../lib/tags.ts";
import { getProgram } from "./program.ts";
import { getSettings, getTags, type Post } from "./site.ts";

/** A short, stable key for any JSON-like values (Dates as ISO strings; Maps and Sets as arrays, which JSON.stringify would write as `{}`). */
const pageKey = (...parts: unknown[]) =>
  createHash("sha256")
    .update(JSON.stringify(parts, (_key, value: unknown) => (value instanceof Map ? [...value] : value instanceof Set ? [...value] : value)))
    .digest("base64url");

/**
 * A post's front matter for a key. Reading the hero image's fields through Astro's
 * image proxy marks its original file as used, and Astro then publishes that
 * original (any size) beside the resized copies; the proxy's `clone` reads them unmarked.
 */
const keyData = (data: Post["data"]) => {
  const image = data.image as (typeof data.image & { clone?: unknown }) | undefined;
  return image ? { ...data, image: image.clone ?? image } : data;
};

/** A post as another post's page shows it (navigation, related posts). */
const shown = (p: Post | undefined) => (p ? { id: p.id, digest: p.digest ?? null, data: keyData(p.data) } : null);

/** The pages a post page links to. */
interface PostLinks {
  newer?: Post | undefined;
  older?: Post | undefined;
  related: readonly Post[];
}

/**
 * Returns the key function of post pages: a key covers the post (its file's digest,
 * front matter and rendered body), the posts its page links to (newer, older, related),
 * the names its tags go by across the site (search filters use one spelling per tag),
 * and the shared key. In dev, where nothing is cached, it returns no key.
 */
export async function postPageKeys(): Promise<(post: Post, links: PostLinks) => string | undefined> {
  if (import.meta.env.DEV) return () => undefined;
  // What every page shows besides its own content: settings (header, footer, dates' time zone), the program callout, the policy meta tag, the base path.
  const settings = await getSettings();
  const policyMeta = metaCspForTarget("public", policyOptions(process.env, settings)) ?? null;
  const shared = pageKey(settings, await getProgram(), policyMeta, import.meta.env.BASE_URL);
  const names = new Map((await getTags()).map((t) => [t.slug, t.name]));
  return (post, links) =>
    pageKey(
      shared,
      { ...shown(post), rendered: post.rendered ?? null },
      post.data.tags.map((t) => names.get(tagSlug(t)) ?? t),
      [links.newer, links.older, ...links.related].map(shown),
    );
}
