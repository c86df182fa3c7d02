/**
 * The redirects of a build: `content/settings/redirects.yaml` (the importer's
 * old URLs, renamed slugs, the owner's entries from the CMS), plus automatic
 * ones for every published post.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { collectionSchema, collections } from "../schema/index.ts";
import { addressKey, REDIRECT_FROM_PATTERN, RedirectError, type Redirect } from "./rules.ts";
import { isBlogPageName } from "../lib/urls.ts";

/** Path relative to the working directory, for messages. */
const shown = (file: string) => path.relative(process.cwd(), file) || file;

/** Reads and validates the redirects file; a missing file means no redirects. */
export function loadRedirects(file: string): Redirect[] {
  if (!fs.existsSync(file)) return [];
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(file, "utf8"), { schema: "core" });
  } catch (err) {
    throw new RedirectError(`${shown(file)}: cannot read redirects: ${(err as Error).message.split("\n")[0]}`);
  }
  const result = collectionSchema(collections.redirects, { timeZone: "UTC" }).safeParse(raw ?? {});
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${shown(file)}: ${describePath(i.path)}: ${i.message}`);
    throw new RedirectError(lines.join("\n"));
  }
  return result.data.redirects.map((r, i) => ({
    from: r.from,
    to: r.to,
    status: r.status === "302" ? 302 : 301,
    origin: `${shown(file)}, entry ${i + 1}`,
  }));
}

function describePath(p: PropertyKey[]): string {
  if (p[0] === "redirects" && typeof p[1] === "number") return [`entry ${p[1] + 1}`, ...p.slice(2).map(String)].join(" ");
  return p.map(String).join(".") || "(file)";
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
  const blog = path.join(dist, "blog");
  if (!fs.existsSync(blog)) return [];
  return fs
    .readdirSync(blog, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !isBlogPageName(d.name) && fs.existsSync(path.join(blog, d.name, "index.html")))
    .map((d) => d.name)
    .sort();
}

/** Explicit entries first; an automatic one is dropped when an entry already covers its address. */
export function mergeRedirects(explicit: Redirect[], automatic: Redirect[]): Redirect[] {
  const taken = new Set(explicit.map((r) => addressKey(r.from)));
  return [...explicit, ...automatic.filter((r) => !taken.has(addressKey(r.from)))];
}

/** Everything a build redirects: the file's entries, then the automatic ones for the posts built into `dist`. */
export function buildRedirects(redirectsFile: string, dist: string): Redirect[] {
  return mergeRedirects(loadRedirects(redirectsFile), automaticRedirects(builtPostSlugs(dist)));
}
