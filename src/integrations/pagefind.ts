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
import { transform } from "esbuild";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import type { Plugin } from "vite";
import { crawlSite } from "./pagefind-crawl.ts";

/** Options shared by build and dev indexing. */
const INDEX_CONFIG: pagefind.PagefindServiceConfig = {
  // The site is written in English; one language keeps a single index (no per-language split).
  forceLanguage: "en",
  // The "#" link the Markdown pipeline adds to each heading is not words of the post:
  // indexed, it showed in result excerpts as "First section#".
  excludeSelectors: [".heading-anchor"],
};

/** Throws when a Pagefind step reported errors. */
export function assertNoErrors(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${errors.map((e) => `  - ${e}`).join("\n")}`);
}

/**
 * Pagefind also writes its ready-made UIs, a search worker and a WebAssembly build for pages
 * without a language. The site uses its own UI, searches on the main thread (`noWorker` in
 * src/scripts/search-ui.ts) and forces one language, so these only add deploy weight (~470 KB).
 */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight|worker)\.(js|css)$|^wasm\.unknown\.pagefind$/;

/** Deletes the parts of a written Pagefind bundle the site never loads. */
export function pruneBundle(bundleDir: string): void {
  for (const file of fs.readdirSync(bundleDir)) if (UNUSED.test(file)) fs.rmSync(path.join(bundleDir, file));
}

/**
 * Minifies Pagefind's own script (pagefind.js) in place. Pagefind writes it
 * without renaming its internals; minified it costs a reader's first search
 * about 1.8 KB less (13.2 -> 11.4 KB gzip).
 */
export async function minifyPagefindScript(bundleDir: string): Promise<void> {
  const file = path.join(bundleDir, "pagefind.js");
  const { code } = await transform(fs.readFileSync(file, "utf8"), { minify: true, format: "esm", legalComments: "none" });
  fs.writeFileSync(file, code);
}

/** Number of pages in a written Pagefind bundle, from its `pagefind-entry.json`. */
export function indexedPageCount(bundleDir: string): number {
  const entry = JSON.parse(fs.readFileSync(path.join(bundleDir, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/** Result of indexing a built site. */
export interface BuildIndexResult {
  pageCount: number;
  outputPath: string;
}

/**
 * The built pages that can carry `data-pagefind-body`: posts (the pattern also
 * reads the blog's numbered list pages, which are small), about and program.
 * Tag pages, the largest files of a big site, and the other lists are never
 * indexed, so Pagefind need not parse them. A new indexed template must be
 * added here; tests/search/index.test.ts fails if a marked page is missed.
 */
export const INDEXED_PAGES = "{blog/*/index.html,about/index.html,program/index.html}";

/** Indexes the HTML files in `siteDir` and writes the bundle to `siteDir/pagefind`. Throws on any Pagefind error. */
export async function indexBuiltSite(siteDir: string): Promise<BuildIndexResult> {
  try {
    const { index, errors } = await pagefind.createIndex(INDEX_CONFIG);
    assertNoErrors("createIndex", errors);
    if (!index) throw new Error("Pagefind createIndex returned no index");
    const added = await index.addDirectory({ path: siteDir, glob: INDEXED_PAGES });
    assertNoErrors("addDirectory", added.errors);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
    assertNoErrors("writeFiles", written.errors);
    pruneBundle(written.outputPath);
    await minifyPagefindScript(written.outputPath);
    // addDirectory counts every HTML file it read; the entry file counts the pages that made it into the index.
    const pageCount = indexedPageCount(written.outputPath);
    if (pageCount === 0)
      throw new Error(`Pagefind indexed no pages in ${siteDir}: is the site built, and do content pages carry data-pagefind-body?`);
    return { pageCount, outputPath: written.outputPath };
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

/** Connect-style middleware serving a fresh in-memory index in `astro dev` under `<base>pagefind/`. */
function devSearchPlugin(base: string, logger: AstroIntegrationLogger): Plugin {
  return {
    name: "path2practice:pagefind-dev",
    // Registered in configureServer (before Vite's and Astro's own handlers), so Astro never answers 404 first.
    configureServer(server) {
      let bundle: Promise<Map<string, Uint8Array>> | undefined;
      let stale = false;
      // Any change to content or source may change pages: the next search rebuilds the index.
      const invalidate = () => (stale = true);
      server.watcher.on("change", invalidate);
      server.watcher.on("add", invalidate);
      server.watcher.on("unlink", invalidate);
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
            res.setHeader("Content-Type", TYPES[path.extname(file)] ?? "application/octet-stream");
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

/** The Astro integration: index after `astro build`, serve a fresh index in `astro dev`. */
export default function pagefindSearch(): AstroIntegration {
  return {
    name: "path2practice:pagefind",
    hooks: {
      "astro:config:setup": ({ command, config, updateConfig, logger }) => {
        if (command !== "dev") return;
        const base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        updateConfig({ vite: { plugins: [devSearchPlugin(base, logger)] } });
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
