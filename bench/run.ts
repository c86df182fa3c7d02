/**
 * `npm run bench`: generates seeded sites in a temporary folder, builds each
 * with the full site and with the bare baseline (unified + remark-gfm, and
 * Astro's default processor), and prints build times, social cards on their
 * own line, the `ratio` lines, page weights, search bytes, Lighthouse scores,
 * where the Markdown time goes, the size of the site's code, the CMS's script
 * bytes and its login time on `npm start` (bench/cms.ts), and the budgets
 * as PASS/FAIL lines.
 *
 *   npm run bench                 100, 1,000 and 4,000 posts (12-15 minutes on 2 shared cores)
 *   npm run bench -- --quick      100 posts, one Lighthouse page (about a minute on an idle machine)
 *   npm run -s bench -- --json    the same figures as JSON on stdout (-s keeps npm's banner out; table and progress go to stderr)
 *   options: --sizes=100,1000  --no-lighthouse  --no-profile  --profile  --no-variants  --warm-all  --keep  --nice=10  --seed=1
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  buildBaseline,
  buildSite,
  NO_INCREMENTAL_CONFIG,
  ROOT,
  timePagefind,
  touchOnePost,
  type BaselineMarkdown,
  type BuildFigures,
} from "./builds.ts";
import { cmsDevTimes, cmsScriptBytes } from "./cms.ts";
import { writeSite } from "./generate.ts";
import { runLighthouse } from "./lighthouse.ts";
import { profileMarkdown, readBodies } from "./profile.ts";
import { BASELINE_LABELS, formatMs, formatReport, jsonReport, type BenchResult, type SizeResult } from "./report.ts";
import { sourceSize } from "./source.ts";
import { measureSearch, measureWeights, templatePaths } from "./weight.ts";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    sizes: { type: "string" },
    lighthouse: { type: "boolean" },
    "no-lighthouse": { type: "boolean", default: false },
    profile: { type: "boolean" },
    "no-profile": { type: "boolean", default: false },
    "no-variants": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    "warm-all": { type: "boolean", default: false },
    nice: { type: "string", default: "0" },
    seed: { type: "string", default: "1" },
  },
});

const quick = args.quick;
const sizes = args.sizes ? args.sizes.split(",").map((s) => Number(s.replace(/[_,]/g, ""))) : quick ? [100] : [100, 1000, 4000];
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes: expected comma-separated post counts, got "${args.sizes}"`);
const lighthouseOn = !args["no-lighthouse"] && (args.lighthouse ?? true);
const profileOn = !args["no-profile"] && (args.profile ?? !quick);
const variantsOn = !args["no-variants"] && !quick;
const niceness = Number(args.nice);
const seed = Number(args.seed);
const template = path.join(ROOT, "tests/fixtures/site/content");

const log = (msg: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
const short = (f: BuildFigures) => `${formatMs(f.wallMs)} (cpu ${formatMs(f.cpuMs)}, ${f.pages} pages)`;

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "p2p-bench-"));
  log(`working in ${tmp}; sizes ${sizes.join(", ")}`);
  const result: BenchResult = {
    date: new Date().toISOString(),
    quick,
    machine: { cpus: os.availableParallelism(), node: process.version },
    sizes: [],
    weights: [],
    lighthouse: [],
    profile: null,
    source: sourceSize(ROOT),
    cms: null,
  };
  log(`source: ${result.source!.lines} lines in ${result.source!.files} files`);
  try {
    for (const [i, posts] of sizes.entries()) {
      const dir = path.join(tmp, `site-${posts}`);
      const content = path.join(dir, "content");
      const site = writeSite(content, { posts, seed, template });
      log(`${posts} posts generated (${site.drafts} drafts, ${site.words} words per post on average)`);
      const ours = { content, out: path.join(dir, "dist"), cache: path.join(dir, "cache") };
      const base = { content, out: path.join(dir, "baseline-dist"), cache: path.join(dir, "baseline-cache") };

      // Baselines and site cold builds back to back, so load from elsewhere on the machine hits them alike.
      const baseline = await buildBaseline(base, { cold: true, markdown: "gfm", niceness });
      log(`${posts} baseline ${BASELINE_LABELS.gfm} cold: ${short(baseline)}`);
      const baselineDefault = await buildBaseline(base, { cold: true, markdown: "default", niceness });
      log(`${posts} baseline ${BASELINE_LABELS.default} cold: ${short(baselineDefault)}`);
      const cold = await buildSite(ours, { cold: true, niceness, logFile: path.join(dir, "cold.log") });
      log(`${posts} site cold: ${short(cold)}; social cards ${formatMs(cold.socialMs)}`);
      const pagefind = await timePagefind(ours.out, path.join(dir, "pagefind-scratch"), cold.phases.pagefindMs);
      log(`${posts} Pagefind: ${formatMs(pagefind.ms)}, ${pagefind.files} files`);
      const search = await measureSearch(ours.out);
      log(`${posts} search: ${search ? `first query ${search.first.gzip} B gzip, ${search.results[0]} and ${search.results[1]} results` : "n/a"}`);
      if (i === 0) {
        const script = await cmsScriptBytes(ours.out);
        log(`CMS script: ${script ? `${script.gzip} B gzip` : "n/a"}`);
        const dev = await cmsDevTimes(dir, niceness);
        log(
          `CMS login on npm start: cold ${formatMs(dev.coldMs)}, warm ${formatMs(dev.warmMs)}; saved post on its page ${dev.saveMs === undefined ? "n/a" : formatMs(dev.saveMs)}`,
        );
        result.cms = { script, dev };
        result.weights = await measureWeights(ours.out);
        log(`page weights: ${result.weights.map((w) => w.template).join(", ")}`);
        if (lighthouseOn) {
          const wanted = templatePaths(ours.out).filter((t) => (quick ? ["post"] : ["home", "post", "program"]).includes(t.template));
          result.lighthouse = await runLighthouse(
            ours.out,
            wanted.map((t) => ({ page: t.template, path: t.path })),
          );
          log(`Lighthouse: ${result.lighthouse.map((l) => `${l.page} ${l.performance}/${l.accessibility}/${l.bestPractices}/${l.seo}`).join(", ")}`);
        }
      }
      // Warm and one-change rebuilds up to 1,000 posts (the budget's size); at 4,000 they would not fit the 15-minute run.
      let warm: BuildFigures | null = null;
      let incremental: BuildFigures | null = null;
      let withoutIncremental: SizeResult["withoutIncremental"] = null;
      if (posts <= 1000 || args["warm-all"]) {
        warm = strip(await buildSite(ours, { cold: false, niceness, logFile: path.join(dir, "warm.log") }));
        log(`${posts} site warm: ${short(warm)}`);
        touchOnePost(content);
        incremental = strip(await buildSite(ours, { cold: false, niceness, logFile: path.join(dir, "incremental.log") }));
        log(`${posts} site after one changed post: ${short(incremental)}`);
        // The same two builds without Astro's incremental build: what the flag saves.
        const off = { cold: false, niceness, config: NO_INCREMENTAL_CONFIG };
        const offWarm = strip(await buildSite(ours, { ...off, logFile: path.join(dir, "warm-no-incremental.log") }));
        log(`${posts} site warm without incremental build: ${short(offWarm)}`);
        touchOnePost(content, "bench-post-00003.md");
        const offChanged = strip(await buildSite(ours, { ...off, logFile: path.join(dir, "changed-no-incremental.log") }));
        log(`${posts} site after one changed post without incremental build: ${short(offChanged)}`);
        withoutIncremental = { warm: offWarm, changed: offChanged };
      }
      const baselineVariants: SizeResult["baselineVariants"] = [];
      if (variantsOn && posts <= 1000)
        for (const markdown of ["unified", "pipeline"] as BaselineMarkdown[]) {
          const figures = await buildBaseline(base, { cold: true, markdown, niceness });
          log(`${posts} baseline ${BASELINE_LABELS[markdown]} cold: ${short(figures)}`);
          baselineVariants.push({ markdown, figures: strip(figures) });
        }
      result.sizes.push({
        posts,
        cold: strip(cold),
        warm,
        incremental,
        withoutIncremental,
        baseline: strip(baseline),
        baselineDefault: strip(baselineDefault),
        baselineVariants,
        pagefind,
        search,
      });
      if (profileOn && (posts === 1000 || i === sizes.length - 1) && !result.profile) {
        const docs = readBodies(content, quick ? 50 : 150);
        log(`profiling Markdown over ${docs.length} posts`);
        result.profile = { docs: docs.length, rows: await profileMarkdown(docs, 3) };
      }
      // Free the disk before the next, bigger size.
      if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    if (!args.keep) fs.rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }
  if (args.json) {
    process.stderr.write(formatReport(result));
    process.stdout.write(`${JSON.stringify(jsonReport(result), null, 2)}\n`);
  } else process.stdout.write(formatReport(result));
}

function strip<T extends { log: string }>(f: T): Omit<T, "log"> {
  const { log: _log, ...rest } = f;
  return rest;
}

await main();
