/**
 * Full-text search with Pagefind's Node API (https://pagefind.app/docs/node-api/).
 *
 * - `astro build`: after Astro writes the site, index the output folder and write the
 *   bundle to `<outDir>/pagefind/`. Every step's `errors` is checked, and an index with
 *   no pages fails the build too (it means `data-pagefind-body` went missing).
 * - `astro dev`: there is no output folder, so the first request for `/pagefind/*`
 *   crawls the running dev server, indexes the pages it renders, and serves the bundle
 *   from memory. A change to content or source marks the index stale; the next search
 *   rebuilds it. (astro-pagefind serves the last build instead, which goes stale silently.)
 *
 * Only elements marked `data-pagefind-body` are indexed (post article, about, program),
 * so navigation, footers, lists and tag pages never reach the index.
 */
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import { crawlSite } from "./pagefind-crawl.ts";

/** Options shared by build and dev indexing. */
const INDEX_CONFIG: pagefind.PagefindServiceConfig = {
  // The site is written in English; one language keeps a single index (no per-language split).
  forceLanguage: "en",
};

/** Throws when a Pagefind step reported errors. */
export function assertNoErrors(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.map((e) => `  - ${e}`).join("\n")}`);
}

/** Result of indexing a built site. */
export interface BuildIndexResult {
  pageCount: number;
  outputPath: string;
}

/** Indexes the HTML files in `siteDir` and writes the bundle to `siteDir/pagefind`. Throws on any Pagefind error. */
export async function indexBuiltSite(siteDir: string): Promise<BuildIndexResult> {
  try {
    const { index, errors } = await pagefind.createIndex(INDEX_CONFIG);
    assertNoErrors("createIndex", errors);
    if (!index) throw new Error("Pagefind createIndex returned no index");
    const added = await index.addDirectory({ path: siteDir });
    assertNoErrors("addDirectory", added.errors);
    if (added.page_count === 0) throw new Error(`Pagefind indexed no pages in ${siteDir}: no page carries data-pagefind-body`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
    assertNoErrors("writeFiles", written.errors);
    return { pageCount: added.page_count, outputPath: written.outputPath };
  } finally {
    await pagefind.close();
  }
}

/** Crawls a running dev server from `origin + base` and returns the Pagefind bundle as in-memory files keyed by path ("pagefind.js"). */
export async function indexDevSite(origin: string, base: string, logger?: AstroIntegrationLogger): Promise<Map<string, Uint8Array>> {
  const { index, errors } = await pagefind.createIndex(INDEX_CONFIG);
  assertNoErrors("createIndex", errors);
  if (!index) throw new Error("Pagefind createIndex returned no index");
  try {
    const pages = await crawlSite(origin, base);
    for (const page of pages) {
      // Pagefind computes result URLs relative to the site root; the base is added back by the client.
      const added = await index.addHTMLFile({ url: page.path.slice(base.length - 1), content: page.html });
      assertNoErrors(`addHTMLFile(${page.path})`, added.errors);
    }
    const { files, errors: fileErrors } = await index.getFiles();
    assertNoErrors("getFiles", fileErrors);
    logger?.info(`search index rebuilt from ${pages.length} dev pages`);
    return new Map(files.map((f) => [f.path.replace(/^\/+/, ""), f.content]));
  } finally {
    await index.deleteIndex();
  }
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
};

/** The Astro integration: index after `astro build`, serve a fresh index in `astro dev`. */
export default function pagefindSearch(): AstroIntegration {
  let base = "/";
  return {
    name: "path2practice:pagefind",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:server:setup": ({ server, logger }) => {
        let bundle: Promise<Map<string, Uint8Array>> | undefined;
        // Any change to content or source may change pages: rebuild on the next search.
        const invalidate = () => (bundle = undefined);
        server.watcher.on("change", invalidate);
        server.watcher.on("add", invalidate);
        server.watcher.on("unlink", invalidate);
        const prefix = `${base}pagefind/`;
        server.middlewares.use((req, res, next) => {
          const url = new URL(req.url ?? "/", "http://localhost");
          if (!url.pathname.startsWith(prefix)) return next();
          const address = server.httpServer?.address() as AddressInfo | null;
          if (!address) return next();
          const origin = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
          bundle ??= indexDevSite(origin, base, logger);
          const current = bundle;
          current
            .then((files) => {
              const file = files.get(url.pathname.slice(prefix.length));
              if (!file) {
                res.statusCode = 404;
                res.end("not in the search bundle");
                return;
              }
              res.setHeader("Content-Type", TYPES[path.extname(url.pathname)] ?? "application/octet-stream");
              res.setHeader("Cache-Control", "no-store");
              res.end(Buffer.from(file));
            })
            .catch((err: unknown) => {
              if (bundle === current) bundle = undefined;
              logger.error(`search index failed: ${err instanceof Error ? err.message : String(err)}`);
              res.statusCode = 500;
              res.end("search index failed; see the dev server log");
            });
        });
      },
      "astro:build:done": async ({ dir, logger }) => {
        const siteDir = fileURLToPath(dir);
        const started = Date.now();
        const { pageCount } = await indexBuiltSite(siteDir);
        logger.info(`indexed ${pageCount} pages for search in ${Date.now() - started} ms`);
      },
    },
  };
}
