/**
 * Redirects from one source, `content/settings/redirects.yaml` (the importer's
 * old URLs, renamed slugs, the owner's entries from the CMS), plus automatic
 * ones for every published post; checked against the built site; written in
 * each host's format.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { collectionSchema, collections } from "../../schema/index.ts";
import { REDIRECT_FROM_PATTERN, REDIRECT_TO_PATTERN } from "../../schema/redirects.ts";

/** One redirect, with where it came from (for error messages). */
export interface Redirect {
  from: string;
  to: string;
  status: 301 | 302;
  /** "content/settings/redirects.yaml, entry 2" or "automatic: post welcome". */
  origin: string;
}

/** A problem with a redirect, naming the file and entry. */
export class RedirectError extends Error {}

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
    .filter((d) => d.isDirectory() && !/^\d+$/.test(d.name) && fs.existsSync(path.join(blog, d.name, "index.html")))
    .map((d) => d.name)
    .sort();
}

/** "/x" and "/x/" are the same address to every host. */
const key = (p: string) => p.replace(/\/+$/, "") || "/";

/** Explicit entries first; an automatic one is dropped when an entry already covers its address. */
export function mergeRedirects(explicit: Redirect[], automatic: Redirect[]): Redirect[] {
  const taken = new Set(explicit.map((r) => key(r.from)));
  return [...explicit, ...automatic.filter((r) => !taken.has(key(r.from)))];
}

/**
 * Why a redirect cannot be written safely, or undefined. The schema refuses
 * these already; every host writer asks again, so an entry that reached it
 * another way (an old file, a future code path) still cannot steer a write.
 */
export function unsafeRedirect(r: Pick<Redirect, "from" | "to">): string | undefined {
  if (!REDIRECT_FROM_PATTERN.test(r.from))
    return `the old address ${JSON.stringify(r.from)} is not a plain path (no .., //, *, :, ?, #, \\, spaces or %-escaped dots and slashes)`;
  if (!REDIRECT_TO_PATTERN.test(r.to)) return `the target ${JSON.stringify(r.to)} is not a path on this site or a full http(s) URL`;
  return undefined;
}

/** The file a site path resolves to in a build, if any (never one outside `dist`). */
export function builtFile(dist: string, sitePath: string): string | undefined {
  let clean: string;
  try {
    clean = decodeURI(sitePath.split(/[?#]/)[0]!);
  } catch {
    return undefined;
  }
  const candidates = clean.endsWith("/") ? [path.join(dist, clean, "index.html")] : [path.join(dist, clean), path.join(dist, clean, "index.html")];
  const inside = (f: string) => !path.relative(dist, f).startsWith("..") && !path.isAbsolute(path.relative(dist, f));
  return candidates.find((f) => inside(f) && fs.existsSync(f) && fs.statSync(f).isFile());
}

/**
 * Problems that must stop the build: a target that is not a page of this build,
 * an old address that is a live page (the redirect would hide it), the same old
 * address twice, and chains (a target that is itself redirected).
 */
export function checkRedirects(redirects: Redirect[], dist: string): string[] {
  const problems: string[] = [];
  const byFrom = new Map<string, Redirect>();
  for (const r of redirects) {
    const label = `${r.origin} (${r.from} -> ${r.to})`;
    const unsafe = unsafeRedirect(r);
    if (unsafe) {
      problems.push(`${r.origin}: ${unsafe}`);
      continue;
    }
    const first = byFrom.get(key(r.from));
    if (first) problems.push(`${label}: ${r.from} is already redirected by ${first.origin}`);
    else byFrom.set(key(r.from), r);
    if (key(r.from) === "/" || builtFile(dist, r.from)) problems.push(`${label}: ${r.from} is a page of the site; a redirect would hide it`);
    if (/^https?:/.test(r.to)) continue;
    if (!builtFile(dist, r.to)) problems.push(`${label}: the target ${r.to} is not a page of this build`);
  }
  for (const r of redirects) {
    const next = byFrom.get(key(r.to));
    if (next && !/^https?:/.test(r.to))
      problems.push(`${r.origin} (${r.from} -> ${r.to}): ${r.to} is itself redirected by ${next.origin}; point it at ${next.to}`);
  }
  return problems;
}

/** Prefixes a site path with the deployment base; full URLs stay as they are. */
export function withBasePath(sitePath: string, base: string): string {
  return /^https?:/.test(sitePath) ? sitePath : `${base}${sitePath.replace(/^\/+/, "")}`;
}

/**
 * A `_redirects` file (same syntax on Netlify and Cloudflare Pages:
 * https://developers.cloudflare.com/pages/configuration/redirects/,
 * https://docs.netlify.com/routing/redirects/). An old address without a
 * trailing slash also gets its slash form, so both answer with the redirect.
 */
export function formatRedirects(redirects: Redirect[], base: string): string {
  const lines = ["# Redirects, generated at build time from content/settings/redirects.yaml and the published posts. Do not edit: rebuild."];
  for (const r of redirects) {
    // One redirect is one line: whitespace or a line break in it would write rules nobody asked for.
    const unsafe = unsafeRedirect(r);
    if (unsafe) throw new RedirectError(`${r.origin}: ${unsafe}`);
    const to = withBasePath(r.to, base);
    const froms = [r.from];
    if (!r.from.endsWith("/") && !path.posix.extname(r.from)) froms.push(`${r.from}/`);
    for (const from of froms) lines.push(`${withBasePath(from, base)} ${to} ${r.status}`);
  }
  return `${lines.join("\n")}\n`;
}

/** One line of a `_redirects` file. */
export interface RedirectRule {
  from: string;
  to: string;
  status: number;
}

/** Reads a `_redirects` file (`from to [status]` per line); throws naming the line it cannot read. */
export function parseRedirects(text: string, file = "_redirects"): RedirectRule[] {
  const rules: RedirectRule[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const words = line.replace(/#.*/, "").trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return;
    const [from, to, status = "301"] = words;
    if (!from || !to || words.length > 3 || !/^\d{3}!?$/.test(status))
      throw new Error(`${file}:${i + 1}: expected "from to [status]", got "${line.trim()}"`);
    rules.push({ from, to, status: Number(status.replace("!", "")) });
  });
  return rules;
}
