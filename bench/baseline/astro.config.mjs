// @ts-check
/**
 * The benchmark's baseline: a bare Astro blog (one collection, an index and a
 * post page). `npm run bench` builds the same generated content with it and
 * with the real site, and prints the ratio.
 *
 * BENCH_MARKDOWN picks the Markdown processor:
 *   gfm (the budget's baseline): unified + remark-gfm, the processor and GFM the site builds on, with no other plugin,
 *     so the ratio prices the site's features rather than its choice of processor
 *   default: Astro's default processor (Sätteri)
 *   unified: unified with Astro's defaults (GFM, SmartyPants)
 *   pipeline: unified with the site's own plugins
 * https://docs.astro.build/en/reference/markdown-processors/unified/
 */
import { unified } from "@astrojs/markdown-remark";
import { defineConfig } from "astro/config";
import { astroProcessorOptions } from "../../src/markdown/pipeline.ts";

const mode = process.env.BENCH_MARKDOWN || "gfm";
/** @type {Record<string, import("astro").AstroUserConfig["markdown"]>} */
const markdown = {
  gfm: { processor: unified({ gfm: true, smartypants: false }), syntaxHighlight: false },
  default: {},
  unified: { processor: unified({}), syntaxHighlight: false },
  pipeline: { processor: unified(astroProcessorOptions({ siteUrl: "https://bench.example.org" })), syntaxHighlight: false },
};
if (!(mode in markdown)) throw new Error(`BENCH_MARKDOWN: unknown value "${mode}" (gfm, default, unified or pipeline)`);

export default defineConfig({
  site: "https://bench.example.org",
  outDir: process.env.BENCH_OUT_DIR || "./dist",
  cacheDir: process.env.BENCH_CACHE_DIR || "./node_modules/.astro",
  markdown: markdown[mode] ?? {},
});
