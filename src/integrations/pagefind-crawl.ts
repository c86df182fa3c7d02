/**
 * Walks a running site by following its links, for indexing the dev server
 * (which has no output folder to read). Same-origin HTML pages under the base only.
 */

/** A fetched page. */
export interface CrawledPage {
  /** Path including the base, e.g. "/blog/welcome/". */
  path: string;
  html: string;
}

/** Paths never worth fetching: the CMS, the search bundle, Vite internals, files with extensions (feeds, images). */
const SKIP = /^\/(?:admin|pagefind|_astro|@|node_modules)|\.[a-z0-9]+$/i;

/** Site paths linked from a page (same origin, under `base`, without query or hash). */
export function linkedPaths(html: string, pageUrl: URL, base: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const raw = (match[1] ?? match[2] ?? "").replaceAll("&amp;", "&");
    let url: URL;
    try {
      url = new URL(raw, pageUrl);
    } catch {
      continue;
    }
    if (url.origin !== pageUrl.origin || !url.pathname.startsWith(base)) continue;
    if (SKIP.test(url.pathname.slice(base.length - 1))) continue;
    found.add(url.pathname);
  }
  return [...found];
}

/** Fetches every page reachable from the home page (and a few known entry points), a few at a time. */
export async function crawlSite(origin: string, base: string, limit = 20_000): Promise<CrawledPage[]> {
  const seen = new Set<string>([base, `${base}blog/`, `${base}about/`, `${base}program/`]);
  const queue = [...seen];
  const pages: CrawledPage[] = [];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const url = new URL(next, origin);
      const res = await fetch(url, { headers: { Accept: "text/html" } });
      if (!res.ok || !(res.headers.get("content-type") ?? "").includes("text/html")) continue;
      const html = await res.text();
      pages.push({ path: next, html });
      for (const p of linkedPaths(html, url, base)) {
        if (seen.has(p) || seen.size >= limit) continue;
        seen.add(p);
        queue.push(p);
      }
    }
  };
  // Workers end when the queue is momentarily empty; loop until no new pages were queued.
  while (queue.length > 0) await Promise.all(Array.from({ length: 4 }, worker));
  return pages;
}
