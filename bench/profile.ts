/**
 * Where the Markdown time goes: the same generated posts rendered in-process
 * by the renderers Astro itself creates (`satteri().createRenderer()` and
 * `unified().createRenderer()`, the calls Astro makes per Markdown file),
 * with the site's plugins added one by one, and with syntax highlighting on.
 * In-process timing leaves out Astro's own per-page work, so the rows compare
 * Markdown processors, not whole builds (the baseline builds do that).
 */
import fs from "node:fs";
import path from "node:path";
import { satteri } from "@astrojs/markdown-satteri";
import { unified, type UnifiedProcessorOptions } from "@astrojs/markdown-remark";
import rehypeRaw from "rehype-raw";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified as processor } from "unified";
import { astroProcessorOptions, renderMarkdown } from "../src/markdown/pipeline.ts";
import remarkReadingTime from "../src/markdown/remark-reading-time.ts";

/** One measured renderer. */
export interface ProfileRow {
  name: string;
  /** CPU time for all documents, median of the timed passes (CPU, not wall: the machine is shared). */
  ms: number;
  msPerDoc: number;
}

interface Renderer {
  render(content: string, opts?: { frontmatter?: Record<string, unknown> }): Promise<unknown>;
}

type Shared = Parameters<ReturnType<typeof unified>["createRenderer"]>[0];

const SHARED = { syntaxHighlight: false, gfm: true, smartypants: false } as unknown as Shared;

/** Reads the Markdown bodies (front matter removed) of a generated content folder. */
export function readBodies(content: string, limit = Infinity): string[] {
  const dir = path.join(content, "posts");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .slice(0, limit)
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8").replace(/^---\n[\s\S]*?\n---\n/, ""));
}

async function cpuMs(render: (doc: string) => Promise<unknown>, docs: string[]): Promise<number> {
  const start = process.cpuUsage();
  for (const doc of docs) await render(doc);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function unifiedRenderer(opts: UnifiedProcessorOptions, shared: Partial<Shared> = {}): Promise<Renderer> {
  return unified(opts).createRenderer({ ...SHARED, ...shared });
}

/** Renders `docs` through each configuration and returns one row per configuration. */
export async function profileMarkdown(docs: string[], passes = 1, onRow?: (row: ProfileRow) => void): Promise<ProfileRow[]> {
  const site = astroProcessorOptions({ siteUrl: "https://bench.example.org" });
  const configs: Array<{ name: string; make: () => Renderer | Promise<Renderer> }> = [
    { name: "Sätteri (Astro default, GFM)", make: () => satteri().createRenderer(SHARED) },
    {
      name: "Sätteri + Shiki highlighting",
      make: () => satteri().createRenderer({ ...SHARED, syntaxHighlight: "shiki" } as never),
    },
    // Phases of the unified chain, each row adding one step, so differences give each step's cost.
    { name: "phase: remark-parse (Markdown -> mdast)", make: () => phase(false, false, false) },
    { name: "phase: + remark-rehype (mdast -> hast)", make: () => phase(true, false, false) },
    { name: "phase: + rehype-raw (re-parse for raw HTML)", make: () => phase(true, true, false) },
    { name: "phase: + rehype-stringify (hast -> HTML)", make: () => phase(true, true, true) },
    { name: "unified, no plugins, no GFM", make: () => unifiedRenderer({ gfm: false, smartypants: false }) },
    { name: "unified + GFM", make: () => unifiedRenderer({ remarkPlugins: [remarkGfm], gfm: false, smartypants: false }) },
    {
      name: "unified + GFM + reading time",
      make: () => unifiedRenderer({ remarkPlugins: [remarkGfm, remarkReadingTime], gfm: false, smartypants: false }),
    },
    { name: "site pipeline without our rehype plugins", make: () => unifiedRenderer({ ...site, rehypePlugins: [] }) },
    { name: "site pipeline (build: unified + our plugins)", make: () => unifiedRenderer(site) },
    { name: "site pipeline + Shiki highlighting", make: () => unifiedRenderer(site, { syntaxHighlight: "shiki" }) },
    {
      name: "renderMarkdown (CMS preview path)",
      make: () => ({ render: (doc: string) => renderMarkdown(doc, { siteUrl: "https://bench.example.org" }) }),
    },
  ];
  const renderers: Array<{ name: string; render: (doc: string) => Promise<unknown> }> = [];
  for (const config of configs) {
    const renderer = await config.make();
    const render = (doc: string) => renderer.render(doc, { frontmatter: {} });
    // Untimed warm-up: JIT and lazy imports (Shiki grammars) are not the steady state.
    await cpuMs(render, docs.slice(0, 30));
    renderers.push({ name: config.name, render });
  }
  // Round robin over the configurations, so a burst of load from elsewhere hits them all alike; median per configuration.
  const runs = new Map<string, number[]>(renderers.map((r) => [r.name, []]));
  for (let p = 0; p < passes; p++) for (const r of renderers) runs.get(r.name)!.push(await cpuMs(r.render, docs));
  const rows: ProfileRow[] = [];
  for (const r of renderers) {
    const sorted = runs.get(r.name)!.sort((a, b) => a - b);
    const ms = sorted[Math.floor(sorted.length / 2)]!;
    const row = { name: r.name, ms, msPerDoc: ms / docs.length };
    rows.push(row);
    onRow?.(row);
  }
  return rows;
}

/** A bare unified chain up to a given step, run synchronously (no Astro wrappers). */
function phase(toHast: boolean, raw: boolean, stringify: boolean): Renderer {
  const parser = processor().use(remarkParse);
  const transform = processor().use(remarkRehype, { allowDangerousHtml: true });
  if (raw) transform.use(rehypeRaw);
  const out = processor().use(rehypeStringify, { allowDangerousHtml: true });
  return {
    render: async (doc) => {
      const mdast = parser.parse(doc);
      if (!toHast) return mdast;
      const hast = await transform.run(mdast);
      return stringify ? out.stringify(hast) : hast;
    },
  };
}
