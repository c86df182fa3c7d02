/**
 * The search index of a built site, with Pagefind's Node API (https://pagefind.app/docs/node-api/).
 * `npm run build` runs it as its own step once `astro build` has exited (src/cli/search-index.ts):
 * inside Astro's build, Pagefind's indexer (0.8 GB at 4,000 posts) came on top of everything the
 * finished build still held (1.1-1.3 GB), the build's memory peak.
 *
 * Only elements marked `data-pagefind-body` are indexed (post article, about,
 * program), so navigation, footers, lists and tag pages never reach the index.
 */
import { transform } from "esbuild";
import fs from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { RUN_TS } from "../lib/node-ts.ts";

/**
 * The search step of `npm run build` as Node arguments, for tools that run the build
 * step by step (the tests' fixture builds, the benchmark). package.json's `build`
 * script runs the same file with the same flags; tests/unit/search-index.test.ts
 * checks they agree.
 */
export function searchIndexStep(root: string): string[] {
  return [...RUN_TS, path.join(root, "src/cli/search-index.ts")];
}

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

/** A new Pagefind index with the site's options (build and dev alike). */
export async function createIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex(INDEX_CONFIG);
  assertNoErrors("createIndex", errors);
  if (!index) throw new Error("Pagefind createIndex returned no index");
  return index;
}

/**
 * Pagefind also writes its ready-made UIs, a search worker and a WebAssembly build for pages
 * without a language. The site uses its own UI, searches on the main thread (`noWorker` in
 * src/search/ui/pagefind.ts) and forces one language, so these only add deploy weight (~470 KB).
 */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight|worker)\.(js|css)$|^wasm\.unknown\.pagefind$/;

/** Number of pages in a written Pagefind bundle, from its `pagefind-entry.json`. */
export function indexedPageCount(bundleDir: string): number {
  const entry = JSON.parse(fs.readFileSync(path.join(bundleDir, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/**
 * The built pages that can carry `data-pagefind-body`: posts (the pattern also
 * reads the blog's numbered list pages, which are small), about and program.
 * Tag pages, the largest files of a big site, and the other lists are never
 * indexed, so Pagefind need not parse them. A new indexed template must be
 * added here; tests/search/index.test.ts fails if a marked page is missed.
 */
export const INDEXED_PAGES = "{blog/*/index.html,about/index.html,program/index.html}";

/**
 * Indexes the HTML files in `siteDir` and writes the bundle to `siteDir/pagefind`
 * (replacing an older one); returns the number of pages indexed. Throws on any
 * Pagefind error and when no page was indexed.
 */
export async function indexBuiltSite(siteDir: string): Promise<number> {
  if (!fs.existsSync(path.join(siteDir, "index.html"))) throw new Error(`${siteDir} holds no built site (no index.html): run astro build first.`);
  const outputPath = path.join(siteDir, "pagefind");
  // A bundle left by an earlier run would otherwise keep its old index and fragment files beside the new ones.
  fs.rmSync(outputPath, { recursive: true, force: true });
  try {
    const index = await createIndex();
    assertNoErrors("addDirectory", (await index.addDirectory({ path: siteDir, glob: INDEXED_PAGES })).errors);
    assertNoErrors("writeFiles", (await index.writeFiles({ outputPath })).errors);
    for (const file of fs.readdirSync(outputPath)) if (UNUSED.test(file)) fs.rmSync(path.join(outputPath, file));
    // Pagefind writes its script without renaming its internals; minified, a reader's first search costs 1.8 KB less (13.2 -> 11.4 KB gzip).
    const script = path.join(outputPath, "pagefind.js");
    fs.writeFileSync(script, (await transform(fs.readFileSync(script, "utf8"), { minify: true, format: "esm", legalComments: "none" })).code);
    // addDirectory counts every HTML file it read; the entry file counts the pages that made it into the index.
    const pageCount = indexedPageCount(outputPath);
    if (pageCount === 0)
      throw new Error(`Pagefind indexed no pages in ${siteDir}: is the site built, and do content pages carry data-pagefind-body?`);
    return pageCount;
  } finally {
    await pagefind.close();
  }
}
