/**
 * Full-text search in `astro dev`, with Pagefind's Node API (https://pagefind.app/docs/node-api/). There is no output
 * folder, so the first request for `/pagefind/*` crawls the running dev server, indexes the pages it renders, and
 * serves the bundle from memory; a change to content or source makes the next search rebuild it (astro-pagefind
 * serves the last build instead, which goes stale silently). A production build is indexed by `npm run build`'s own
 * step after `astro build` (src/cli/search-index.ts, src/search/pagefind-index.ts), with the same options.
 */
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import type { AddressInfo } from "node:net";
import { lookup } from "mrmime";
import type { Plugin } from "vite";
import { assertNoErrors, createIndex } from "../search/pagefind-index.ts";

/** Paths never worth fetching: the CMS, the search bundle, Vite internals, files with extensions (feeds, images). */
const SKIP = /^\/(?:admin|pagefind|_astro|@|node_modules)|\.[a-z0-9]+$/i;

/** Site paths linked from a page (same origin, under `base`, without query or hash). */
export function linkedPaths(html: string, pageUrl: URL, base: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const raw = (match[1] ?? match[2] ?? "").replaceAll("&amp;", "&");
    const url = URL.parse(raw, pageUrl);
    if (!url || url.origin !== pageUrl.origin || !url.pathname.startsWith(base)) continue;
    if (SKIP.test(url.pathname.slice(base.length - 1))) continue;
    found.add(url.pathname);
  }
  return [...found];
}

/**
 * Indexes every HTML page reachable from the home page (and a few known entry points, up to 20,000 pages) of a
 * running dev server, fetched a few at a time, and returns Pagefind's bundle as in-memory files keyed by path ("pagefind.js").
 */
async function indexDevSite(origin: string, base: string, logger: AstroIntegrationLogger): Promise<Map<string, Uint8Array>> {
  const index = await createIndex();
  const seen = new Set<string>([base, `${base}blog/`, `${base}about/`, `${base}program/`]);
  const queue = [...seen];
  let pages = 0;
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const url = new URL(next, origin);
      const res = await fetch(url, { headers: { Accept: "text/html" } });
      if (!res.ok || !(res.headers.get("content-type") ?? "").includes("text/html")) continue;
      const html = await res.text();
      // Pagefind computes result URLs relative to the site root; the base is added back by the client.
      assertNoErrors(`addHTMLFile(${next})`, (await index.addHTMLFile({ url: next.slice(base.length - 1), content: html })).errors);
      pages++;
      for (const p of linkedPaths(html, url, base)) {
        if (seen.has(p) || seen.size >= 20_000) continue;
        seen.add(p);
        queue.push(p);
      }
    }
  };
  try {
    // Workers end when the queue is momentarily empty; loop until no new pages were queued.
    while (queue.length > 0) await Promise.all(Array.from({ length: 4 }, worker));
    const { files, errors } = await index.getFiles();
    assertNoErrors("getFiles", errors);
    logger.info(`search index rebuilt from ${pages} dev pages`);
    return new Map(files.map((f) => [f.path.replace(/^\/+/, ""), f.content]));
  } finally {
    await index.deleteIndex();
  }
}

/** Connect-style middleware serving a fresh in-memory index in `astro dev` under `<base>pagefind/`. */
function devSearchPlugin(base: string, logger: AstroIntegrationLogger): Plugin {
  return {
    name: "path2practice:pagefind-dev",
    // Registered in configureServer (before Vite's and Astro's own handlers), so Astro never answers 404 first.
    configureServer(server) {
      let bundle: Promise<Map<string, Uint8Array>> | undefined;
      let stale = false;
      // Any change to content or source may change pages: the next search rebuilds the index.
      server.watcher.on("all", () => (stale = true));
      server.middlewares.use((req, res, next) => {
        // Astro's dev server may already have stripped the base from the URL: accept both forms.
        const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
        const prefix = [`${base}pagefind/`, "/pagefind/"].find((p) => pathname.startsWith(p));
        const address = server.httpServer?.address() as AddressInfo | null;
        if (!prefix || !address) return next();
        const file = pathname.slice(prefix.length);
        // Rebuild only when a search starts (entry script or entry file), so one search never mixes two indexes.
        if (!bundle || (stale && (file === "pagefind.js" || file === "pagefind-entry.json"))) {
          stale = false;
          const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
          bundle = indexDevSite(`http://${host}:${address.port}`, base, logger);
        }
        const current = bundle;
        current
          .then((files) => {
            const body = files.get(file);
            if (!body) {
              res.statusCode = 404;
              res.end("not in the search bundle");
              return;
            }
            res.setHeader("Content-Type", lookup(file) ?? "application/octet-stream");
            res.setHeader("Cache-Control", "no-store");
            res.end(Buffer.from(body));
          })
          .catch((err: unknown) => {
            if (bundle === current) bundle = undefined;
            logger.error(`search index failed: ${err instanceof Error ? err.message : String(err)}`);
            res.statusCode = 500;
            res.end("search index failed; see the dev server log");
          });
      });
    },
  };
}

export default function pagefindSearch(): AstroIntegration {
  return {
    name: "path2practice:pagefind",
    hooks: {
      "astro:config:setup": ({ command, config, updateConfig, logger }) => {
        if (command !== "dev") return;
        const base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        updateConfig({ vite: { plugins: [devSearchPlugin(base, logger)] } });
      },
    },
  };
}
