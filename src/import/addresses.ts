/**
 * The new address of each imported post, its old addresses (redirected to it
 * in content/settings/redirects.yaml, whose own entries and comments
 * src/redirects/redirects-yaml.ts keeps), and links between old posts
 * rewritten to the new ones.
 */
import fs from "node:fs";
import path from "node:path";
import type { z } from "astro/zod";
import type { Link, Root } from "mdast";
import { visit } from "unist-util-visit";
import { isoDay } from "../lib/dates.ts";
import { isAddress, slugify } from "../lib/slug.ts";
import { isBlogPageName } from "../lib/urls.ts";
import { addToRedirectsYaml } from "../redirects/redirects-yaml.ts";
import type { Redirect } from "../redirects/rules.ts";
import { shorten, unsafeScheme } from "./safety.ts";
import { SourceError, type ParsedSource, type SourcePost } from "./types.ts";

const OLD_ORIGIN = "https://old.invalid";

/** The last path segment of an old address, decoded. */
export function lastSegment(link: string): string {
  try {
    return decodeURIComponent(URL.parse(link, OLD_ORIGIN)?.pathname.split("/").findLast(Boolean) ?? "");
  } catch {
    return "";
  }
}

/** The post's calendar day in the site's time zone. */
export function postDay(post: SourcePost, timeZone: string): string {
  return typeof post.date === "string" ? post.date : isoDay(post.date, timeZone);
}

/** Old addresses of a post: its own link, and both address styles the builder used. */
function oldPaths(post: SourcePost, slug: string, day: string): string[] {
  const [y, m, d] = day.split("-");
  const out = new Set<string>();
  const own = post.link ? URL.parse(post.link, OLD_ORIGIN)?.pathname : undefined;
  if (own && own !== "/" && own !== `/blog/${slug}/`) out.add(own);
  const segment = post.link ? lastSegment(post.link) : "";
  for (const s of new Set([slug, segment && /^[\w-]+$/.test(segment) ? segment : slug])) {
    out.add(`/post/${s}`);
    out.add(`/single-post/${y}/${m}/${d}/${s}`);
  }
  return [...out];
}

/** Each post's slug (from its old address, else its title); throws a SourceError when one cannot be an address or two collide. */
export function postSlugs(posts: SourcePost[]): string[] {
  const slugs = posts.map((p) => {
    const fromLink = p.link && !unsafeScheme(p.link) ? slugify(lastSegment(p.link)) : "";
    return fromLink && !isBlogPageName(fromLink) ? fromLink : slugify(p.title);
  });
  const problems: string[] = [];
  const bySlug = new Map<string, string>();
  posts.forEach((p, i) => {
    const slug = slugs[i]!;
    if (!slug) problems.push(`${p.origin}: the title "${p.title}" has no letters or digits to build an address from`);
    else if (!isAddress(slug)) problems.push(`${p.origin}: "${slug}" cannot be a web address`);
    else if (bySlug.has(slug)) problems.push(`${p.origin}: would get the same address (/blog/${slug}/) as ${bySlug.get(slug)}`);
    else bySlug.set(slug, p.origin);
  });
  if (problems.length) throw new SourceError("import", problems);
  return slugs;
}

/** Rewrites links to the old site's posts (by every post's old addresses) into links to their new ones, when those will exist. */
export function oldLinkRewriter(source: ParsedSource, slugs: string[], existingSlugs: Iterable<string>, timeZone: string): (tree: Root) => void {
  const known = new Set([...existingSlugs, ...slugs]);
  const oldToNew = new Map<string, string>();
  source.posts.forEach((p, i) => {
    for (const old of oldPaths(p, slugs[i]!, postDay(p, timeZone))) oldToNew.set(old.toLowerCase(), slugs[i]!);
  });
  // The old site's origin: that of the first address on the web (links without one are relative to it).
  const siteLink = [...source.posts.map((p) => p.link), source.blogLink].find((l) => l && /^https?:\/\//i.test(l) && URL.canParse(l));
  const origin = siteLink ? new URL(siteLink).origin : OLD_ORIGIN;
  const bare = (o: string) => o.replace("://www.", "://");
  return (tree) =>
    visit(tree, "link", (node: Link) => {
      const target = URL.parse(node.url, origin);
      if (!target || bare(target.origin) !== bare(origin)) return;
      const to = oldToNew.get(target.pathname.replace(/\/$/, "").toLowerCase());
      if (to && known.has(to)) node.url = `/blog/${to}/${target.hash}`;
    });
}

/** Redirects from a post's old addresses to its new one; one the hand-written entries' schema refuses is noted in `dropped`. */
export function postRedirects(post: SourcePost, slug: string, day: string, redirectSchema: z.ZodType, dropped: string[]): Redirect[] {
  return oldPaths(post, slug, day)
    .map((from): Redirect => ({ from, to: `/blog/${slug}/`, status: 301, origin: post.origin }))
    .filter((r) => {
      const check = redirectSchema.safeParse({ redirects: [{ from: r.from, to: r.to, status: String(r.status) }] });
      if (!check.success) dropped.push(`redirect from ${shorten(r.from)}: left out, ${check.error.issues.map((x) => x.message).join("; ")}`);
      return check.success;
    });
}

/** The redirects file of the content folder with the new redirects added; throws a SourceError naming it when it cannot be read as one. */
export function planRedirectsFile(contentRoot: string, redirects: Redirect[]) {
  const file = path.join(contentRoot, "settings", "redirects.yaml");
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  try {
    return { ...addToRedirectsYaml(current, redirects), file };
  } catch (err) {
    throw new SourceError(path.relative(process.cwd(), file) || file, [(err as Error).message]);
  }
}
