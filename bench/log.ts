/**
 * Reads a build log (`npm run build`: astro build, then the search index) for where the time went: Astro prints each
 * generated file with its own time ("├─ /blog/x/index.html (+12ms)"), the
 * phase totals ("[types] Generated 6.2s", "[vite] ✓ built in 14s", "✓ Completed
 * in 3.4s" after "generating static routes"), and our integrations log their
 * own steps; the search index step prints "[search] indexed 151 pages for search in 561 ms".
 */

/** Route families whose per-file times are summed. */
export const ROUTE_GROUPS = ["post pages", "blog list pages", "tag pages", "social images", "feeds", "home", "search", "program", "other"] as const;
export type RouteGroup = (typeof ROUTE_GROUPS)[number];

/** What a build log tells. */
export interface BuildLog {
  /** Content sync and type generation. */
  syncMs: number | null;
  /** Vite bundling (server and client builds, the CMS bundle among them). */
  bundleMs: number | null;
  /** Rendering every route ("generating static routes"). */
  routesMs: number | null;
  /** Pagefind, as the search integration logs it. */
  pagefindMs: number | null;
  /** Sum of per-file times, by route family, and how many files. */
  routes: Record<RouteGroup, { ms: number; files: number }>;
}

function toMs(value: string, unit: string): number {
  return Number(value) * (unit === "s" ? 1000 : 1);
}

/** A duration as Astro prints it: "850ms", "12.34s", or "2m 5s" past a minute (core/build/util.js getTimeStat). */
const DURATION = String.raw`(?:(\d+)m\s+(\d+)s|(\d+(?:\.\d+)?)(ms|s))\b`;

function durationMs(m: RegExpExecArray, at = 1): number {
  return m[at] !== undefined ? Number(m[at]) * 60_000 + Number(m[at + 1]) * 1000 : toMs(m[at + 2]!, m[at + 3]!);
}

/** Which family a generated file belongs to. */
export function routeGroup(file: string): RouteGroup {
  if (file.startsWith("/og/")) return "social images";
  if (/^\/blog\/(\d+\/)?index\.html$/.test(file)) return "blog list pages";
  if (file.startsWith("/blog/")) return "post pages";
  if (file.startsWith("/tags/")) return "tag pages";
  if (/\.(xml|ics)$/.test(file) || file.startsWith("/rss")) return "feeds";
  if (file === "/index.html") return "home";
  if (file.startsWith("/search/")) return "search";
  if (file.startsWith("/program/")) return "program";
  return "other";
}

/** Parses an `astro build` log (ANSI colours allowed). */
export function parseBuildLog(text: string): BuildLog {
  const log = text.replace(/\u001b\[[0-9;]*m/g, "");
  const routes = Object.fromEntries(ROUTE_GROUPS.map((g) => [g, { ms: 0, files: 0 }])) as BuildLog["routes"];
  let syncMs: number | null = null;
  let bundleMs: number | null = null;
  let routesMs: number | null = null;
  let pagefindMs: number | null = null;
  let inRoutes = false;
  for (const line of log.split("\n")) {
    const file = /[├└]─\s+(\S+)\s+\(\+(\d+(?:\.\d+)?)(ms|s)\)/.exec(line);
    if (file) {
      const group = routes[routeGroup(file[1]!)];
      group.ms += toMs(file[2]!, file[3]!);
      group.files++;
      continue;
    }
    if (/generating static routes/.test(line)) inRoutes = true;
    else if (/generating optimized images/.test(line)) inRoutes = false;
    let m = new RegExp(`\\[types\\] Generated ${DURATION}`).exec(line);
    if (m) syncMs = durationMs(m);
    m = new RegExp(`\\[vite\\] ✓ built in ${DURATION}`).exec(line);
    if (m) bundleMs = (bundleMs ?? 0) + durationMs(m);
    m = new RegExp(`^\\S*\\s*✓ Completed in ${DURATION}`).exec(line.replace(/^\d\d:\d\d:\d\d\s+/, ""));
    if (m && inRoutes) {
      routesMs = durationMs(m);
      inRoutes = false;
    }
    m = /\[search\] indexed .*\bin (\d+(?:\.\d+)?)\s*(ms|s)\b/.exec(line);
    if (m) pagefindMs = toMs(m[1]!, m[2]!);
  }
  return { syncMs, bundleMs, routesMs, pagefindMs, routes };
}

/**
 * Time spent on social images: the card step's own log line when it writes
 * one (any line naming social images or cards with "in <n> ms|s"), else the
 * sum of Astro's per-file times for /og/ files. Null when neither is there.
 * The card pages print their line while Astro lists the files it writes, so
 * it may follow a file's name on the same line.
 */
export function socialImageMs(text: string): number | null {
  const log = text.replace(/\u001b\[[0-9;]*m/g, "");
  const own = /social cards: [^\n]*?\bin (\d+(?:\.\d+)?)\s*(ms|s)\b/i.exec(log);
  if (own) return toMs(own[1]!, own[2]!);
  for (const line of log.split("\n")) {
    if (/[├└]─/.test(line) || !/social|card/i.test(line)) continue;
    const m = /\bin (\d+(?:\.\d+)?)\s*(ms|s)\b/i.exec(line);
    if (m) return toMs(m[1]!, m[2]!);
  }
  const og = parseBuildLog(log).routes["social images"];
  return og.files ? og.ms : null;
}
