/** Site-relative and absolute URLs that respect a deployment sub-path (Astro `base`). */

/** Joins `base` ("/" or "/sub/") and a site path ("/blog/"). Leaves absolute URLs, mailto: and #anchors alone. */
export function withBase(path: string, base: string): string {
  if (/^([a-z]+:|#|\/\/)/i.test(path)) return path;
  const b = base.endsWith("/") ? base : `${base}/`;
  return `${b}${path.replace(/^\/+/, "")}`;
}

/** A %-escaped path decoded, or as written when an escape in it is broken. */
export function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** An absolute URL on the site: `siteUrl` + base + path. */
export function absoluteUrl(path: string, siteUrl: string, base = "/"): string {
  if (/^[a-z]+:/i.test(path)) return path;
  return new URL(withBase(path, base), siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`).href;
}

/** Path of a post page. */
export const postPath = (slug: string) => `/blog/${slug}/`;
/** Path of a tag page. */
export const tagPath = (slug: string) => `/tags/${slug}/`;
/** Path of a tag's feed. */
export const tagFeedPath = (slug: string) => `/tags/${slug}/rss.xml`;
/** Path of the archive: every post by year. */
export const archivePath = "/blog/archive/";
/** Names under /blog/ that are the blog's own pages (list pages, the archive), never a post's. */
export const isBlogPageName = (name: string) => /^\d+$/.test(name) || name === "archive";
