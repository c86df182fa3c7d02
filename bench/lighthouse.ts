/**
 * Lighthouse (the installed CLI, default mobile settings: simulated slow 4G
 * and a mid-range phone) on pages of a built site served locally, with
 * Debian's Chromium through CHROME_PATH.
 * https://github.com/GoogleChrome/lighthouse/blob/main/docs/readme.md#using-the-node-cli
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { chromePath } from "../tests/support/browser.ts";
import { serveDist } from "../tests/support/serve.ts";
import { ROOT } from "./builds.ts";

const run = promisify(execFile);

/** The four category scores (0-100) and the measured layout shift of one page. */
export interface LighthouseScores {
  page: string;
  path: string;
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  cls: number | null;
  /** Audits that failed in the non-performance categories, to say why a score is not 100. */
  failed: string[];
}

const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

interface LhReport {
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode: string }>;
}

/** Reads the scores out of a Lighthouse JSON report. */
export function scoresFromReport(page: string, p: string, report: LhReport): LighthouseScores {
  const score = (id: string) => {
    const s = report.categories[id]?.score;
    return s === null || s === undefined ? null : Math.round(s * 100);
  };
  const failed: string[] = [];
  for (const cat of ["accessibility", "best-practices", "seo", "performance"]) {
    for (const ref of report.categories[cat]?.auditRefs ?? []) {
      const audit = report.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== "informative")
        failed.push(`${cat}:${ref.id}`);
    }
  }
  return {
    page,
    path: p,
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    cls: report.audits["cumulative-layout-shift"]?.numericValue ?? null,
    failed,
  };
}

/** Runs Lighthouse on each path of a built site, one after the other (never in parallel on a shared CPU). */
export async function runLighthouse(dist: string, pages: Array<{ page: string; path: string }>): Promise<LighthouseScores[]> {
  const server = await serveDist(dist);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "p2p-lighthouse-"));
  try {
    const rows: LighthouseScores[] = [];
    for (const { page, path: p } of pages) {
      if (!fs.existsSync(path.join(dist, p, "index.html"))) continue;
      const file = path.join(out, `${page.replace(/\W+/g, "-")}.json`);
      await run(
        process.execPath,
        [
          path.join(ROOT, "node_modules/lighthouse/cli/index.js"),
          new URL(p.slice(1), server.url).href,
          "--output=json",
          `--output-path=${file}`,
          "--quiet",
          "--only-categories=performance,accessibility,best-practices,seo",
          `--chrome-flags=${FLAGS.join(" ")}`,
        ],
        { env: { ...process.env, CHROME_PATH: chromePath(true) }, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
      );
      rows.push(scoresFromReport(page, p, JSON.parse(fs.readFileSync(file, "utf8")) as LhReport));
    }
    return rows;
  } finally {
    await server.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
}
