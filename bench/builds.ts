/**
 * The builds the benchmark times: the full site (all pages, feeds, social
 * images, search index), run as `npm run build` runs it (`astro build`, then
 * the search step), and the bare baseline blog in `bench/baseline`
 * (`astro build`). Each step is a real process with its own output and cache
 * folders under the benchmark's temporary folder.
 */
import fs from "node:fs";
import path from "node:path";
import { BENCH_NOW } from "./generate.ts";
import { parseBuildLog, socialImageMs, type BuildLog } from "./log.ts";
import { searchIndexStep } from "../src/search/pagefind-index.ts";
import { folderStats, measure, sequence, type RunResult } from "./measure.ts";

/** Project root. */
export const ROOT = path.resolve(import.meta.dirname, "..");
/** The bare Astro blog used as the baseline. */
export const BASELINE_DIR = path.join(ROOT, "bench/baseline");
const ASTRO = path.join(ROOT, "node_modules/astro/bin/astro.mjs");

/** Figures for one build. */
export interface BuildFigures {
  wallMs: number;
  /** CPU time of the build's process tree (null when not measurable). */
  cpuMs: number | null;
  /** HTML pages written. */
  pages: number;
  msPerPage: number;
  peakBytes: number;
  distBytes: number;
  distFiles: number;
  /** Time the build reported spending on social images, when it logs it (null: not logged). */
  socialMs: number | null;
  /** Social image files in the output. */
  socialFiles: number;
  /** Phases and per-route times read from the build log. */
  phases: BuildLog;
}

/** Where one build writes. */
export interface BuildDirs {
  content: string;
  out: string;
  /** Astro's cache, the social cards' included, so a cold build really renders every card. */
  cache: string;
}

/** Markdown processor for the baseline build (see bench/baseline/astro.config.mjs); `gfm` is the budget's baseline. */
export type BaselineMarkdown = "gfm" | "default" | "unified" | "pipeline";

const SOCIAL_FILE = /(^|\/)og\/.*\.(png|jpe?g|webp)$/;

/**
 * The build's working directory: the folder holding its output. Astro writes
 * its intermediate server build to `<cwd>/.astro/` when `outDir` is outside
 * the working directory (core/build/common.js getOutDirWithinCwd), so builds
 * run from the project root would share, and break, each other's files.
 * That server build imports packages, so a `node_modules` link to the
 * project's lets Node resolve them from the temporary folder.
 */
function workDir(dirs: BuildDirs): string {
  const dir = path.dirname(dirs.out);
  fs.mkdirSync(dir, { recursive: true });
  const link = path.join(dir, "node_modules");
  if (!fs.existsSync(link)) fs.symlinkSync(path.join(ROOT, "node_modules"), link, "dir");
  return dir;
}

function figures(run: RunResult, out: string): BuildFigures {
  const dist = folderStats(out);
  const pages = folderStats(out, (rel) => rel.endsWith(".html") && !rel.startsWith("pagefind/")).files;
  return {
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    pages,
    msPerPage: pages ? run.wallMs / pages : 0,
    peakBytes: run.peakBytes,
    distBytes: dist.bytes,
    distFiles: dist.files,
    socialMs: socialImageMs(run.log),
    socialFiles: folderStats(out, (rel) => SOCIAL_FILE.test(rel)).files,
    phases: parseBuildLog(run.log),
  };
}

/** Builds the full site from `dirs.content`; `cold` empties the output and cache folders first. */
export async function buildSite(
  dirs: BuildDirs,
  options: { cold: boolean; niceness?: number; logFile?: string; config?: string },
): Promise<BuildFigures & { log: string }> {
  if (options.cold) for (const d of [dirs.out, dirs.cache]) fs.rmSync(d, { recursive: true, force: true });
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: "1",
    P2P_CONTENT_DIR: dirs.content,
    P2P_OUT_DIR: dirs.out,
    P2P_CACHE_DIR: dirs.cache,
    P2P_NOW: BENCH_NOW,
    TZ: "UTC",
  };
  // `npm run build`'s two steps, Astro then the search index, each in its own process as there.
  const step = { cwd: workDir(dirs), env, niceness: options.niceness ?? 0 };
  const config = options.config ? ["--config", path.relative(ROOT, options.config)] : [];
  const astro = await measure(process.execPath, [ASTRO, "build", "--root", ROOT, ...config], step);
  const run = sequence(astro, await measure(process.execPath, searchIndexStep(ROOT), step));
  if (options.logFile) fs.writeFileSync(options.logFile, run.log);
  return { ...figures(run, dirs.out), log: run.log };
}

/** Builds the baseline blog from the same content folder (unified + remark-gfm unless `markdown` says otherwise). */
export async function buildBaseline(
  dirs: BuildDirs,
  options: { cold: boolean; markdown?: BaselineMarkdown; niceness?: number },
): Promise<BuildFigures & { log: string }> {
  if (options.cold) for (const d of [dirs.out, dirs.cache]) fs.rmSync(d, { recursive: true, force: true });
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: "1",
    BENCH_CONTENT_DIR: dirs.content,
    BENCH_OUT_DIR: dirs.out,
    BENCH_CACHE_DIR: dirs.cache,
    BENCH_MARKDOWN: options.markdown ?? "gfm",
    P2P_NOW: BENCH_NOW,
    TZ: "UTC",
  };
  const run = await measure(process.execPath, [ASTRO, "build", "--root", BASELINE_DIR], { cwd: workDir(dirs), env, niceness: options.niceness ?? 0 });
  return { ...figures(run, dirs.out), log: run.log };
}

/** Figures for the search index. */
export interface PagefindFigures {
  /** Time of a separate Pagefind run over the built pages (the build's own run is inside its wall time). */
  ms: number;
  pages: number;
  /** The index the build wrote (dist/pagefind). */
  bytes: number;
  files: number;
}

/**
 * Pagefind's time over a built site: the build's own log line when its
 * search step writes one, else a second indexing run into a scratch folder,
 * with the same Node API the build's search step uses
 * (https://pagefind.app/docs/node-api/), and measures the build's own index.
 */
export async function timePagefind(dist: string, scratch: string, loggedMs: number | null = null): Promise<PagefindFigures> {
  const own = folderStats(path.join(dist, "pagefind"));
  // The build's search step logs its own time: no need to index twice.
  if (loggedMs !== null && own.files) return { ms: loggedMs, pages: folderStats(dist, (rel) => rel.endsWith(".html")).files, ...own };
  const pagefind = await import("pagefind");
  const start = performance.now();
  let pages = 0;
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
    if (!index || errors.length) throw new Error(`Pagefind createIndex failed: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: dist, glob: "**/*.html" });
    if (added.errors.length) throw new Error(`Pagefind addDirectory failed: ${added.errors.join("; ")}`);
    pages = added.page_count;
    const written = await index.writeFiles({ outputPath: scratch });
    if (written.errors.length) throw new Error(`Pagefind writeFiles failed: ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close();
  }
  const ms = performance.now() - start;
  const index = own.files ? own : folderStats(scratch);
  fs.rmSync(scratch, { recursive: true, force: true });
  return { ms, pages, ...index };
}

/** The site's configuration without Astro's incremental build, to measure what the flag saves. */
export const NO_INCREMENTAL_CONFIG = path.join(ROOT, "bench/variants/no-incremental.config.mjs");

/** Changes one post the way an author would (a new closing paragraph), for the incremental rebuild. */
export function touchOnePost(content: string, file = "bench-post-00002.md"): string {
  const target = path.join(content, "posts", file);
  fs.appendFileSync(target, `\nAn added closing paragraph, written ${new Date().toISOString()}, to measure a rebuild after one change.\n`);
  return target;
}
