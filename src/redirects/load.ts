/**
 * The redirects of a build: `content/settings/redirects.yaml` (the importer's
 * old URLs, renamed slugs, the owner's entries from the CMS), plus automatic
 * ones for every published post.
 */
import fs from "node:fs";
import path from "node:path";
import { loadDataFile } from "../content-check/read.ts";
import { collections } from "../schema/index.ts";
import { addressKey, REDIRECT_FROM_PATTERN, type Redirect } from "./rules.ts";
import { isBlogPageName } from "../lib/urls.ts";

/** Reads and validates the redirects file; a missing file means no redirects. */
export function loadRedirects(file: string): Redirect[] {
  if (!fs.existsSync(file)) return [];
  const shown = path.relative(process.cwd(), file) || file;
  return loadDataFile(file, collections.redirects, shown).redirects.map((r, i) => ({
    from: r.from,
    to: r.to,
    status: r.status === "302" ? 302 : 301,
    origin: `${shown}, entry ${i + 1}`,
  }));
}

/** The old Wix site's addresses of a post, and its old feed: sent to the new ones automatically. */
export function automaticRedirects(postSlugs: string[]): Redirect[] {
  return [
    // A slug that cannot be a clean address never was one on the old site either.
    ...postSlugs
      .filter((slug) => REDIRECT_FROM_PATTERN.test(`/post/${slug}`))
      .map((slug): Redirect => ({ from: `/post/${slug}`, to: `/blog/${slug}/`, status: 301, origin: `automatic: post ${slug}` })),
    { from: "/blog-feed.xml", to: "/rss.xml", status: 301, origin: "automatic: the old site's feed" },
  ];
}

/** Post slugs of a build: the folders of `blog/` that are not list pages. */
export function builtPostSlugs(dist: string): string[] {
  return fs
    .globSync("blog/*/index.html", { cwd: dist })
    .map((file) => file.split(path.sep)[1]!)
    .filter((slug) => !isBlogPageName(slug))
    .sort();
}

/** Explicit entries first; an automatic one is dropped when an entry already covers its address. */
export function mergeRedirects(explicit: Redirect[], automatic: Redirect[]): Redirect[] {
  const taken = new Set(explicit.map((r) => addressKey(r.from)));
  return [...explicit, ...automatic.filter((r) => !taken.has(addressKey(r.from)))];
}
