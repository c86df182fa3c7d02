/**
 * Internal links must lead somewhere: to a post, a tag, a page, a route of the
 * site, a file in public/, or an old address listed in redirects.yaml.
 */
import fs from "node:fs";
import path from "node:path";
import { tagSlug } from "../../lib/tags.ts";
import { decodePath } from "../../lib/urls.ts";
import type { Entry, Problem } from "../validate.ts";
import { bodyParts } from "./body.ts";
import { removesLinkAddress } from "../../markdown/removed-html.ts";
import { isDraft, lineOf, postDate, tagsOf, type CheckContext } from "./context.ts";

/** Routes the site always has (the architecture notes' URL map): some are no file in src/pages, so they are listed, not discovered. */
const URL_MAP = ["/", "/blog/", "/tags/", "/program/", "/search/", "/about/", "/rss.xml", "/sitemap-index.xml", "/robots.txt", "/admin/", "/404/"];

/** Static routes: the URL map plus every non-dynamic file in src/pages. */
function staticRoutes(projectRoot: string): Set<string> {
  const routes = new Set(URL_MAP);
  for (const rel of fs.globSync("**/*.{astro,md,mdx,ts,js}", { cwd: path.join(projectRoot, "src/pages") })) {
    if (rel.includes("[")) continue;
    const noExt = rel.replaceAll(path.sep, "/").replace(/\.\w+$/, "");
    if (/\.[a-z]+$/.test(noExt)) routes.add(`/${noExt}`);
    else routes.add(`/${noExt.replace(/(^|\/)index$/, "")}/`.replace(/\/+/g, "/"));
  }
  return routes;
}

/** The entries of a redirects file as written, `from` and `to` as text ("" when not). */
function redirectList(entry: Entry): Array<{ from: string; to: string }> {
  const list = Array.isArray(entry.data["redirects"]) ? (entry.data["redirects"] as Array<Record<string, unknown> | null>) : [];
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  return list.map((r) => ({ from: text(r?.["from"]), to: text(r?.["to"]) }));
}

/** The checks' context, with the paths that always lead somewhere: the site's routes and the old addresses in redirects.yaml. */
type LinkContext = CheckContext & { staticRoutes: Set<string>; redirectFroms: Set<string> };

/** Where a link leads, if it is internal. */
type Target =
  | { kind: "external" }
  | { kind: "ok" }
  | { kind: "draft"; post: Entry }
  | { kind: "scheduled"; post: Entry; date: Date }
  | { kind: "missing"; path: string; hint: string };

/** The site path of an entry, used to resolve relative links. */
function pageUrl(entry: Entry): string {
  if (entry.collection.name === "posts") return `/blog/${entry.slug}/`;
  if (entry.collection.format === "md") return `/${entry.slug}/`;
  return "/";
}

/** Resolves an href against the page it appears on; decides whether and where it leads. */
function resolveLink(href: string, from: Entry, ctx: LinkContext): Target {
  const raw = href.trim();
  if (!raw || raw.startsWith("#") || /^(mailto|tel|sms):/i.test(raw)) return { kind: "ok" };
  if (removesLinkAddress(raw)) return { kind: "ok" }; // reported by the unsafe-HTML check
  const url = URL.parse(raw, `https://internal.invalid${pageUrl(from)}`);
  if (!url) return { kind: "missing", path: raw, hint: "this is not a valid address" };
  const site = ctx.siteUrl ? new URL(ctx.siteUrl) : undefined;
  const internal = url.host === "internal.invalid" || (site !== undefined && url.host.replace(/^www\./, "") === site.host.replace(/^www\./, ""));
  if (!internal) return { kind: "external" };
  if (/\.mdx?$/.test(url.pathname))
    return { kind: "missing", path: raw, hint: "link to the page address, e.g. /blog/<file name>/, not to the .md file" };
  return resolvePath(decodePath(url.pathname), from, ctx);
}

function resolvePath(p: string, from: Entry, ctx: LinkContext): Target {
  const withSlash = /\.[a-z0-9]+$/i.test(p) || p.endsWith("/") ? p : `${p}/`;
  if (ctx.staticRoutes.has(withSlash) || ctx.redirectFroms.has(p) || ctx.redirectFroms.has(withSlash.replace(/\/$/, ""))) return { kind: "ok" };
  if (/^\/(_astro|pagefind|admin)\//.test(p)) return { kind: "ok" };
  if (/^\/blog\/\d+\/$/.test(withSlash)) return { kind: "ok" };
  const post = /^\/blog\/([^/]+)\/$/.exec(withSlash);
  if (post) {
    const target = ctx.posts.get(post[1]!);
    if (!target) return { kind: "missing", path: p, hint: `no post file is called ${post[1]}.md; posts live at /blog/<file name>/` };
    if (isDraft(target) && !isDraft(from)) return { kind: "draft", post: target };
    const date = postDate(target, ctx.timeZone);
    if (date && date > ctx.now && !isDraft(from)) return { kind: "scheduled", post: target, date };
    return { kind: "ok" };
  }
  const tag = /^\/tags\/([^/]+)\/$/.exec(withSlash);
  if (tag) {
    const published = [...ctx.posts.values()].filter((e) => !isDraft(e));
    if (published.some((e) => tagsOf(e.data).some((t) => tagSlug(t) === tag[1]))) return { kind: "ok" };
    return { kind: "missing", path: p, hint: `no published post has a tag whose address is /tags/${tag[1]}/` };
  }
  const page = /^\/([^/]+)\/$/.exec(withSlash);
  if (page && ctx.pages.has(page[1]!)) return { kind: "ok" };
  if (fs.existsSync(path.join(ctx.projectRoot, "public", p)) && !p.endsWith("/")) return { kind: "ok" };
  return { kind: "missing", path: p, hint: "no page of the site has this address" };
}

function problemFor(target: Target, at: { file: string; line: number; field?: string }, what: string): Problem[] {
  if (target.kind === "missing") return [{ severity: "error", ...at, message: `${what} "${target.path}" leads nowhere`, hint: target.hint }];
  if (target.kind === "draft") {
    const message = `${what} "/blog/${target.post.slug}/" leads to a draft, which readers cannot see`;
    return [{ severity: "error", ...at, message, hint: "publish that post first (draft: false) or remove the link" }];
  }
  if (target.kind === "scheduled") {
    const message = `${what} "/blog/${target.post.slug}/" leads to a post scheduled for ${target.date.toISOString().slice(0, 10)}`;
    return [{ severity: "warning", ...at, message, hint: "the link shows a page-not-found until that day" }];
  }
  return [];
}

/** Site paths ("/program/") anywhere in front matter or a data file, with their dotted field names. */
function pathValues(data: unknown, prefix = ""): Array<{ field: string; value: string }> {
  if (typeof data === "string") return /^\/(?!\/)\S*$/.test(data) ? [{ field: prefix, value: data }] : [];
  if (Array.isArray(data)) return data.flatMap((v, i) => pathValues(v, `${prefix}.${i}`));
  if (data && typeof data === "object") return Object.entries(data).flatMap(([k, v]) => pathValues(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

/** Checks every internal link: in Markdown bodies, in URL fields, and the targets of redirects. */
export function checkLinks(checkContext: CheckContext): Problem[] {
  const redirects = checkContext.entries.filter((e) => e.collection.name === "redirects");
  const redirectFroms = new Set(redirects.flatMap((e) => redirectList(e).map((r) => r.from)).filter(Boolean));
  const ctx: LinkContext = { ...checkContext, staticRoutes: staticRoutes(checkContext.projectRoot), redirectFroms };
  const problems: Problem[] = [];
  for (const entry of ctx.entries) {
    for (const { href, line } of bodyParts(entry).links)
      problems.push(...problemFor(resolveLink(href, entry, ctx), { file: entry.file, line }, "link"));
    if (entry.collection.name === "redirects") continue;
    for (const { field, value } of pathValues(entry.data)) {
      const line = lineOf(entry.file, value, entry.keyLines[field.split(".")[0]!] ?? 1);
      problems.push(...problemFor(resolveLink(value, entry, ctx), { file: entry.file, line, field }, "link"));
    }
  }
  problems.push(...checkRedirects(redirects, ctx));
  return problems;
}

/** Redirect targets must exist; two redirects from one address are ambiguous. */
function checkRedirects(redirectFiles: Entry[], ctx: LinkContext): Problem[] {
  const problems: Problem[] = [];
  for (const entry of redirectFiles) {
    const seen = new Map<string, number>();
    redirectList(entry).forEach(({ from, to }, i) => {
      const error = (field: string, line: number, message: string, hint: string) =>
        problems.push({ severity: "error", file: entry.file, line, field: `redirects.${i}.${field}`, message, hint });
      const times = seen.get(from) ?? 0;
      seen.set(from, times + 1);
      if (from && times > 0)
        error("from", lineOf(entry.file, `from: ${from}`, 1, times), `"${from}" is redirected twice`, "keep one entry per old address");
      if (!to) return;
      const target = resolveLink(to, entry, ctx);
      const fromLine = from ? lineOf(entry.file, `from: ${from}`, 0) : 0;
      const line = fromLine ? fromLine + 1 : lineOf(entry.file, `to: ${to}`);
      if (target.kind === "missing") error("to", line, `redirect from "${from}" leads nowhere: "${target.path}"`, target.hint);
      else if (target.kind === "draft") {
        const message = `redirect from "${from}" leads to a draft ("/blog/${target.post.slug}/"), which is not published`;
        error("to", line, message, "publish the post (draft: false) or remove the redirect for now");
      }
    });
  }
  return problems;
}
