/** What every content check can see: all entries, the site's routes and "now". */
import fs from "node:fs";
import path from "node:path";
import { parseContentDate } from "../../lib/dates.ts";
import type { Entry, Problem } from "../validate.ts";

/** Shared, precomputed view of the content for the checks. */
export interface CheckContext {
  /** Content folder. */
  root: string;
  /** Project folder (for src/pages and public/). */
  projectRoot: string;
  timeZone: string;
  /** The site's public URL (links to it count as internal). */
  siteUrl: string;
  now: Date;
  entries: Entry[];
  /** Posts by slug. */
  posts: Map<string, Entry>;
  /** Pages collection entries by slug. */
  pages: Map<string, Entry>;
  /** Paths that always exist: static routes and the URL map. */
  staticRoutes: Set<string>;
  /** Old paths listed in redirects.yaml (they lead somewhere). */
  redirectFroms: Set<string>;
}

/** A check reads the context and reports problems. */
export type Check = (ctx: CheckContext) => Problem[];

/**
 * Routes the site always has, from the URL map in the architecture notes:
 * some come from pages other parts of the site add, so they are listed here
 * rather than discovered.
 */
const URL_MAP = ["/", "/blog/", "/tags/", "/program/", "/search/", "/about/", "/rss.xml", "/sitemap-index.xml", "/robots.txt", "/admin/", "/404/"];

/** Static routes: the URL map plus every non-dynamic file in src/pages. */
export function staticRoutes(projectRoot: string): Set<string> {
  const routes = new Set(URL_MAP);
  const dir = path.join(projectRoot, "src/pages");
  if (!fs.existsSync(dir)) return routes;
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    if (rel.includes("[") || !/\.(astro|md|mdx|ts|js)$/.test(rel)) continue;
    const noExt = rel
      .split(path.sep)
      .join("/")
      .replace(/\.(astro|md|mdx|ts|js)$/, "");
    if (/\.[a-z]+$/.test(noExt)) routes.add(`/${noExt}`);
    else routes.add(`/${noExt.replace(/(^|\/)index$/, "")}/`.replace(/\/+/g, "/"));
  }
  return routes;
}

/** Whether a post is a draft (front matter as written). */
export function isDraft(entry: Entry): boolean {
  return entry.data["draft"] === true;
}

/** The post's publication date, when it parses. */
export function postDate(entry: Entry, timeZone: string): Date | undefined {
  const d = parseContentDate(entry.data["date"], timeZone);
  return typeof d === "string" ? undefined : d;
}

/** The entries of a redirects file as written, `from` and `to` as text ("" when not). */
export function redirectList(entry: Entry): Array<{ from: string; to: string }> {
  const list: unknown[] = Array.isArray(entry.data["redirects"]) ? entry.data["redirects"] : [];
  const text = (r: unknown, key: string) =>
    r && typeof r === "object" && typeof (r as Record<string, unknown>)[key] === "string" ? (r as Record<string, string>)[key]! : "";
  return list.map((r) => ({ from: text(r, "from"), to: text(r, "to") }));
}

/** The 1-based line of the `nth` (0-based) line of a file containing `needle`, or the fallback. */
export function lineOf(file: string, needle: string, fallback = 1, nth = 0): number {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  return hits[nth] ?? hits[0] ?? fallback;
}
