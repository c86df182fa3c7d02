/**
 * What GFM's autolink literals cost, and what the pipeline pays instead:
 * generated posts (bench/generate.ts, ~840 words each, no files written)
 * rendered in-process through Astro's `unified().createRenderer()`, as the
 * build does, by the chain with remark-gfm and by the site's pipeline (GFM
 * without the autolink-literal extension, plus remark-bare-links). CPU
 * milliseconds per post, median of the passes, round robin so load from
 * elsewhere hits both alike.
 *
 *   npx tsx bench/gfm-compare.ts [posts=150] [passes=5]
 */
import { unified } from "@astrojs/markdown-remark";
import remarkGfm from "remark-gfm";
import { astroProcessorOptions, remarkPlugins } from "../src/markdown/pipeline.ts";
import remarkBareLinks from "../src/markdown/remark-bare-links.ts";
import remarkGfmFast from "../src/markdown/remark-gfm-fast.ts";
import remarkReadingTime from "../src/markdown/remark-reading-time.ts";
import { generatePost } from "./generate.ts";

type Shared = Parameters<ReturnType<typeof unified>["createRenderer"]>[0];
const SHARED = { syntaxHighlight: false, gfm: false, smartypants: false } as unknown as Shared;

/** Renders each post once and returns the CPU milliseconds used. */
async function cpuMs(render: (doc: string) => Promise<unknown>, docs: string[]): Promise<number> {
  const start = process.cpuUsage();
  for (const doc of docs) await render(doc);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Prints ms/post for each configuration over `count` generated posts. */
export async function compareGfm(count: number, passes: number): Promise<Array<{ name: string; msPerPost: number }>> {
  const docs = Array.from({ length: count }, (_, i) => generatePost(i, count).text.replace(/^---\n[\s\S]*?\n---\n/, ""));
  const site = astroProcessorOptions({ siteUrl: "https://bench.example.org" });
  const configs = {
    "remark-parse only": { remarkPlugins: [] },
    "remark-gfm (before)": { remarkPlugins: [remarkGfm, remarkReadingTime], rehypePlugins: site.rehypePlugins },
    "GFM without autolink literals": { remarkPlugins: [remarkGfmFast] },
    "GFM without autolink literals + bare links": { remarkPlugins: [remarkGfmFast, remarkBareLinks] },
    "site pipeline (after)": { remarkPlugins: remarkPlugins(), rehypePlugins: site.rehypePlugins },
  };
  const renderers: Array<{ name: string; render: (doc: string) => Promise<unknown>; runs: number[] }> = [];
  for (const [name, opts] of Object.entries(configs)) {
    const renderer = await unified({ gfm: false, smartypants: false, ...opts } as Parameters<typeof unified>[0]).createRenderer(SHARED);
    const render = (doc: string) => renderer.render(doc, { frontmatter: {} });
    await cpuMs(render, docs.slice(0, 30)); // warm-up: JIT and lazy imports are not the steady state
    renderers.push({ name, render, runs: [] });
  }
  for (let p = 0; p < passes; p++) for (const r of renderers) r.runs.push(await cpuMs(r.render, docs));
  return renderers.map((r) => {
    const sorted = r.runs.sort((a, b) => a - b);
    return { name: r.name, msPerPost: sorted[Math.floor(sorted.length / 2)]! / docs.length };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 150);
  const passes = Number(process.argv[3] ?? 5);
  for (const row of await compareGfm(count, passes)) console.log(`${row.name.padEnd(45)} ${row.msPerPost.toFixed(2)} ms/post`);
}
