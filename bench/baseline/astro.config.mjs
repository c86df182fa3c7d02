// @ts-check
/**
 * The benchmark's baseline: a bare Astro blog (one collection, an index and a
 * post page, Astro's default Markdown processor). `npm run bench` builds the
 * same generated content with it and with the real site, and prints the ratio.
 *
 * BENCH_MARKDOWN switches the processor so the Markdown pipeline's cost can be
 * measured inside a real Astro build:
 *   default (Sätteri) | unified (remark/rehype with Astro's defaults: GFM, SmartyPants) | pipeline (unified + the site's plugins)
 * https://docs.astro.build/en/reference/markdown-processors/unified/
 */
import { unified } from "@astrojs/markdown-remark";
import { defineConfig } from "astro/config";
import { astroProcessorOptions } from "../../src/markdown/pipeline.ts";

const mode = process.env.BENCH_MARKDOWN || "default";
/** @type {Record<string, import("astro").AstroUserConfig["markdown"]>} */
const markdown = {
  default: {},
  unified: { processor: unified({}), syntaxHighlight: false },
  pipeline: { processor: unified(astroProcessorOptions({ siteUrl: "https://bench.example.org" })), syntaxHighlight: false },
};
if (!(mode in markdown)) throw new Error(`BENCH_MARKDOWN: unknown value "${mode}" (default, unified or pipeline)`);

export default defineConfig({
  site: "https://bench.example.org",
  outDir: process.env.BENCH_OUT_DIR || "./dist",
  cacheDir: process.env.BENCH_CACHE_DIR || "./node_modules/.astro",
  markdown: markdown[mode] ?? {},
});
