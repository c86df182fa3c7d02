/**
 * The benchmark's result, its budgets and its readable report. Pure: no
 * builds, no files; `run.ts` fills a `BenchResult` and prints `formatReport`.
 * Budgets are targets printed as PASS/FAIL lines, not tests.
 */
import type { BaselineMarkdown, BuildFigures, PagefindFigures } from "./builds.ts";
import type { CmsFigures } from "./cms.ts";
import type { LighthouseScores } from "./lighthouse.ts";
import { ROUTE_GROUPS } from "./log.ts";
import type { ProfileRow } from "./profile.ts";
import type { SourceSize } from "./source.ts";
import { KINDS, type Bytes, type PageWeight, type SearchBytes } from "./weight.ts";

/** Figures for one corpus size. */
export interface SizeResult {
  posts: number;
  cold: BuildFigures;
  warm: BuildFigures | null;
  /** Warm rebuild after one changed post. */
  incremental: BuildFigures | null;
  /** Warm, and after another changed post, with Astro's incremental build turned off: what the flag saves. */
  withoutIncremental?: { warm: BuildFigures; changed: BuildFigures } | null;
  /** The budget's baseline: the bare blog with the site's processor and GFM (unified + remark-gfm), cold. */
  baseline: BuildFigures;
  /** The bare blog with Astro's default processor (Sätteri), cold. */
  baselineDefault: BuildFigures;
  /** Baseline builds with other Markdown processors (the pipeline's cost inside a real build). */
  baselineVariants: Array<{ markdown: BaselineMarkdown; figures: BuildFigures }>;
  pagefind: PagefindFigures | null;
  search: SearchBytes | null;
}

/** Everything one run measured. */
export interface BenchResult {
  date: string;
  quick: boolean;
  machine: { cpus: number; node: string };
  sizes: SizeResult[];
  weights: PageWeight[];
  lighthouse: LighthouseScores[];
  profile: { docs: number; rows: ProfileRow[] } | null;
  /** The site's own code (src/ + admin/). */
  source: SourceSize | null;
  /** The CMS's script bytes and its login time on `npm start`. */
  cms: CmsFigures | null;
}

/** What the report calls each baseline. */
export const BASELINE_LABELS: Record<BaselineMarkdown, string> = {
  gfm: "unified + remark-gfm",
  default: "Astro default (Sätteri)",
  unified: "unified, Astro defaults",
  pipeline: "unified + site plugins",
};

/** Corpus sizes with a build-time budget. */
export const BUDGET_SIZES = [100, 1000, 4000];
/** Cold build without social cards over the unified + remark-gfm baseline. */
export const RATIO_LIMIT = 1.5;
/** The CMS's login screen must load less script than Decap's own prebuilt bundle (decap-cms.js, 1.48 MB gzip). */
export const CMS_GZIP_LIMIT = 1.48 * 1024 * 1024;
/** /admin/ on `npm start` shows its login within this, cold and warm. */
export const CMS_LOGIN_LIMIT_MS = 3000;
/** A post saved in the CMS on `npm start` shows on its page within this. */
export const CMS_SAVE_LIMIT_MS = 1500;
/** Lines of src/ + admin/ must stay under this. */
export const SOURCE_LINES_LIMIT = 11_150;

/** One budget line. */
export interface Budget {
  name: string;
  /** null: not measured in this run. */
  pass: boolean | null;
  detail: string;
}

const KB = 1024;

/** "12.3 KB", "1.20 MB", "512 B". */
export function formatBytes(n: number): string {
  if (n < KB) return `${n} B`;
  if (n < KB * KB) return `${(n / KB).toFixed(1)} KB`;
  if (n < KB * KB * KB) return `${(n / KB / KB).toFixed(2)} MB`;
  return `${(n / KB / KB / KB).toFixed(2)} GiB`;
}

/** "850 ms", "12.4 s". */
export function formatMs(ms: number | null): string {
  if (ms === null) return "n/a";
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Build time without the social-image step (the budgets leave it out). */
export function withoutSocial(f: BuildFigures): number {
  return f.wallMs - (f.socialMs ?? 0);
}

/** One size's cold build set against the baselines. */
export interface SizeRatios {
  posts: number;
  /** The site's cold build without the social-card step. */
  siteMs: number;
  /** The social-card step (null: the build did not log it). */
  cardsMs: number | null;
  cardFiles: number;
  baselineMs: number;
  baselineDefaultMs: number;
  /** siteMs / baselineMs: the budget's figure. */
  ratio: number;
  /** With the social cards. */
  ratioWithCards: number;
  /** siteMs / baselineDefaultMs. */
  ratioDefault: number;
  /** CPU time, social cards included (their CPU share is not logged); null when not measured. */
  cpuRatio: number | null;
}

export function sizeRatios(s: SizeResult): SizeRatios {
  const siteMs = withoutSocial(s.cold);
  return {
    posts: s.posts,
    siteMs,
    cardsMs: s.cold.socialMs,
    cardFiles: s.cold.socialFiles,
    baselineMs: s.baseline.wallMs,
    baselineDefaultMs: s.baselineDefault.wallMs,
    ratio: siteMs / s.baseline.wallMs,
    ratioWithCards: s.cold.wallMs / s.baseline.wallMs,
    ratioDefault: siteMs / s.baselineDefault.wallMs,
    cpuRatio: s.cold.cpuMs !== null && s.baseline.cpuMs !== null ? s.cold.cpuMs / s.baseline.cpuMs : null,
  };
}

/** Left-aligns the first column and right-aligns the others. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function budget(name: string, value: number | null | undefined, limit: number, show: (v: number) => string): Budget {
  if (value === null || value === undefined || Number.isNaN(value)) return { name, pass: null, detail: "not measured" };
  return { name, pass: value <= limit, detail: `${show(value)} (limit ${show(limit)})` };
}

/** Adds the same figure in CPU time to a wall-time budget's detail (wall time swings on a shared machine). */
function withCpu(b: Budget, cpu: string | null): Budget {
  return cpu && b.pass !== null ? { ...b, detail: `${b.detail}; in CPU time ${cpu}` } : b;
}

/** The budgets, checked against a result. */
export function checkBudgets(r: BenchResult): Budget[] {
  const at = (n: number) => r.sizes.find((s) => s.posts === n);
  const big = at(4000);
  const mid = at(1000);
  const incrementalSize = mid ?? r.sizes[r.sizes.length - 1];
  const times = (v: number) => `${v.toFixed(2)}x`;
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const kb = (v: number) => formatBytes(v);
  const post = r.weights.find((w) => w.template === "post");
  const list = r.weights.find((w) => w.template === "blog list");
  const out: Budget[] = BUDGET_SIZES.map((n) => {
    const s = at(n);
    const q = s ? sizeRatios(s) : null;
    const b = budget(
      `${n.toLocaleString("en-US")} posts cold without social cards <= 1.5x baseline (${BASELINE_LABELS.gfm})`,
      q?.ratio,
      RATIO_LIMIT,
      times,
    );
    return withCpu(b, q?.cpuRatio ? `${times(q.cpuRatio)} with social cards` : null);
  });
  out.push(
    budget("growth 1,000 -> 4,000 posts <= 4.4", big && mid ? withoutSocial(big.cold) / withoutSocial(mid.cold) : null, 4.4, times),
    withCpu(
      budget(
        `warm rebuild after one change at ${incrementalSize?.posts.toLocaleString("en-US") ?? "?"} posts <= 25% of cold`,
        incrementalSize?.incremental ? incrementalSize.incremental.wallMs / incrementalSize.cold.wallMs : null,
        0.25,
        pct,
      ),
      incrementalSize?.incremental?.cpuMs && incrementalSize.cold.cpuMs ? pct(incrementalSize.incremental.cpuMs / incrementalSize.cold.cpuMs) : null,
    ),
    {
      name: "social images cached: warm build with no change spends < 1 s on them",
      pass: r.sizes.some((s) => s.warm?.socialMs !== null && s.warm?.socialMs !== undefined)
        ? r.sizes.every((s) => !s.warm || s.warm.socialMs === null || s.warm.socialMs < 1000)
        : null,
      detail: r.sizes
        .filter((s) => s.warm)
        .map((s) => `${s.posts.toLocaleString("en-US")} posts: ${formatMs(s.warm!.socialMs)}`)
        .join(", "),
    },
    budget("post page HTML + CSS <= 14 KB compressed (brotli)", post ? post.byKind.html.brotli + post.byKind.css.brotli : null, 14 * KB, kb),
    budget("post page: zero JS before interaction", post ? post.byKind.js.raw : null, 0, kb),
    budget("post page: no layout shift (CLS)", r.lighthouse.find((l) => l.page === "post")?.cls ?? post?.cls ?? null, 0, (v) => v.toFixed(3)),
    {
      ...budget("blog list <= 30 KB compressed (brotli, all requests)", list ? list.total.brotli : null, 30 * KB, kb),
      ...(list ? { detail: `${kb(list.total.brotli)} (limit 30.0 KB); without fonts ${kb(list.total.brotli - list.byKind.fonts.brotli)}` } : {}),
    },
    budget("search first query <= 120 KB at 1,000 posts (gzip)", mid?.search?.first.gzip, 120 * KB, kb),
    budget("search first query <= 160 KB at 4,000 posts (gzip)", big?.search?.first.gzip, 160 * KB, kb),
    budget("search UI JS <= 10 KB compressed (gzip)", r.sizes.find((s) => s.search)?.search?.uiJs.gzip, 10 * KB, kb),
    budget("peak build memory at 4,000 posts <= 2 GiB", big?.cold.peakBytes, 2 * KB * KB * KB, kb),
    r.source
      ? {
          name: `source lines of ${r.source.dirs.map((d) => `${d}/`).join(" + ")} < ${SOURCE_LINES_LIMIT.toLocaleString("en-US")}`,
          pass: r.source.lines < SOURCE_LINES_LIMIT,
          detail: sourceDetail(r.source),
        }
      : { name: `source lines of src/ + admin/ < ${SOURCE_LINES_LIMIT.toLocaleString("en-US")}`, pass: null, detail: "not measured" },
  );
  const cms = r.cms;
  out.push(
    budget("CMS script for the login screen < 1.48 MB gzip", cms?.script?.gzip, CMS_GZIP_LIMIT, kb),
    {
      ...budget(
        "CMS login on npm start < 3 s, cold and warm",
        cms?.dev ? Math.max(cms.dev.coldMs, cms.dev.warmMs) : null,
        CMS_LOGIN_LIMIT_MS,
        formatMs,
      ),
      ...(cms?.dev ? { detail: `cold ${formatMs(cms.dev.coldMs)}, warm ${formatMs(cms.dev.warmMs)} (limit ${formatMs(CMS_LOGIN_LIMIT_MS)})` } : {}),
    },
    budget("saved post on its page on npm start < 1.5 s", cms?.dev?.saveMs, CMS_SAVE_LIMIT_MS, formatMs),
  );
  for (const page of ["home", "post", "program"]) {
    const lh = r.lighthouse.find((l) => l.page === page);
    const scores = lh ? [lh.performance, lh.accessibility, lh.bestPractices, lh.seo] : null;
    out.push({
      name: `Lighthouse 100 x4 on ${page}`,
      pass: scores ? scores.every((s) => s === 100) : null,
      detail: scores
        ? `${scores.map((s) => s ?? "n/a").join(" / ")}${lh!.failed.length ? `; below 0.9: ${lh!.failed.join(", ")}` : ""}`
        : "not measured",
    });
  }
  return out;
}

/** The `--json` output: the measured figures, and the ratios and budgets the report prints from them. */
export function jsonReport(r: BenchResult): BenchResult & { ratios: SizeRatios[]; budgets: Budget[] } {
  return { ...r, ratios: r.sizes.map(sizeRatios), budgets: checkBudgets(r) };
}

function bytesCell(b: Bytes): string {
  return `${formatBytes(b.raw)} / ${formatBytes(b.gzip)} / ${formatBytes(b.brotli)}`;
}

function sourceDetail(s: SourceSize): string {
  return `${s.lines.toLocaleString("en-US")} lines in ${s.files} files (as wc -l counts them: blank and comment lines included; binary files left out)`;
}

/** What Astro's incremental build saves of the warm build and of the build after one changed post, per size (CPU time, steadier on a shared machine). */
export function incrementalLines(r: BenchResult): string[] {
  const saved = (on: BuildFigures | null, off: BuildFigures) => {
    if (!on) return "n/a";
    const [a, b, kind] = on.cpuMs && off.cpuMs ? [on.cpuMs, off.cpuMs, "cpu"] : [on.wallMs, off.wallMs, "wall"];
    return `${Math.round((1 - a / b) * 100)}% (${kind} ${formatMs(a)} instead of ${formatMs(b)})`;
  };
  return r.sizes
    .filter((s) => s.withoutIncremental)
    .map(
      (s) =>
        `incremental build saves at ${s.posts.toLocaleString("en-US")} posts: warm ${saved(s.warm, s.withoutIncremental!.warm)}, one changed post ${saved(s.incremental, s.withoutIncremental!.changed)}`,
    );
}

/**
 * Per size: the site's cold build without social cards, the cards on their
 * own line, and the `ratio` lines, our build time over the baselines', the
 * figure that holds on a noisy machine.
 */
export function ratioLines(r: BenchResult): string[] {
  const lines: string[] = [];
  for (const s of r.sizes) {
    const n = s.posts.toLocaleString("en-US");
    const q = sizeRatios(s);
    lines.push(
      `site cold ${n} posts without social cards: ${formatMs(q.siteMs)}`,
      `social cards cold ${n} posts: ${q.cardsMs === null ? "not in the build log" : formatMs(q.cardsMs)} (${q.cardFiles} files)`,
      `ratio cold ${n} posts without social cards: ${q.ratio.toFixed(2)} (site ${formatMs(q.siteMs)} / baseline ${BASELINE_LABELS.gfm} ${formatMs(q.baselineMs)})`,
      `ratio cold ${n} posts without social cards, over Astro's default processor: ${q.ratioDefault.toFixed(2)} (baseline ${BASELINE_LABELS.default} ${formatMs(q.baselineDefaultMs)})`,
      `ratio cold ${n} posts with social cards: ${q.ratioWithCards.toFixed(2)} (site ${formatMs(s.cold.wallMs)})`,
    );
    if (q.cpuRatio !== null)
      lines.push(
        `ratio cold ${n} posts, CPU time with social cards: ${q.cpuRatio.toFixed(2)} (site ${formatMs(s.cold.cpuMs)} / baseline ${formatMs(s.baseline.cpuMs)})`,
      );
  }
  lines.push(...incrementalLines(r));
  if (r.source) lines.push(`source of ${r.source.dirs.map((d) => `${d}/`).join(" + ")}: ${sourceDetail(r.source)}`);
  return lines;
}

/** The readable report: build table, ratios, pipeline cost, page weights, search, Lighthouse, profile, budgets. */
export function formatReport(r: BenchResult): string {
  const parts: string[] = [];
  parts.push(`Path2Practice benchmark ${r.date}${r.quick ? " (--quick)" : ""}: ${r.machine.cpus} CPUs, Node ${r.machine.node}`);
  const buildRows: string[][] = [];
  for (const s of r.sizes) {
    const n = s.posts.toLocaleString("en-US");
    const row = (label: string, f: BuildFigures | null) => {
      if (!f) return;
      buildRows.push([
        `${n} ${label}`,
        formatMs(f.wallMs),
        formatMs(f.cpuMs),
        String(f.pages),
        f.msPerPage.toFixed(1),
        formatBytes(f.peakBytes),
        `${formatBytes(f.distBytes)} / ${f.distFiles}`,
        f.socialMs === null ? (f.socialFiles ? `${f.socialFiles} files` : "n/a") : `${formatMs(f.socialMs)} (${f.socialFiles})`,
      ]);
    };
    row("site cold", s.cold);
    row("site warm", s.warm);
    row("site 1 post changed", s.incremental);
    row("site warm, no incremental build", s.withoutIncremental?.warm ?? null);
    row("site 1 post changed, no incremental build", s.withoutIncremental?.changed ?? null);
    row(`baseline ${BASELINE_LABELS.gfm}`, s.baseline);
    row(`baseline ${BASELINE_LABELS.default}`, s.baselineDefault);
    for (const v of s.baselineVariants) row(`baseline ${BASELINE_LABELS[v.markdown]}`, v.figures);
  }
  parts.push(table(["build", "wall", "cpu", "pages", "ms/page", "peak mem", "dist size / files", "social cards"], buildRows));

  const phaseRows: string[][] = [];
  for (const s of r.sizes)
    for (const [label, f] of [
      ["cold", s.cold],
      ["warm", s.warm],
    ] as const) {
      if (!f) continue;
      const p = f.phases;
      phaseRows.push([
        `${s.posts.toLocaleString("en-US")} ${label}`,
        formatMs(p.syncMs),
        formatMs(p.bundleMs),
        formatMs(p.routesMs),
        formatMs(p.pagefindMs),
        ...ROUTE_GROUPS.map((g) => (p.routes[g].files ? `${formatMs(p.routes[g].ms)} /${p.routes[g].files}` : "-")),
      ]);
    }
  if (phaseRows.length)
    parts.push(
      `where the site build's time goes (per-file times as Astro logs them: total / files; pages render four at a time, so these overlap and add up to more than routes)\n${table(["site build", "sync", "bundle", "routes", "Pagefind", ...ROUTE_GROUPS], phaseRows)}`,
    );

  const pf = r.sizes.filter((s) => s.pagefind);
  if (pf.length)
    parts.push(
      table(
        ["Pagefind", "time", "pages", "index size", "files"],
        pf.map((s) => [
          `${s.posts.toLocaleString("en-US")} posts`,
          formatMs(s.pagefind!.ms),
          String(s.pagefind!.pages),
          formatBytes(s.pagefind!.bytes),
          String(s.pagefind!.files),
        ]),
      ),
    );
  parts.push(ratioLines(r).join("\n"));

  if (r.weights.length)
    parts.push(
      table(
        ["page weight (raw / gzip / brotli)", "requests", ...KINDS, "total", "CLS"],
        r.weights.map((w) => [
          `${w.template} ${w.path}`,
          String(w.requests),
          ...KINDS.map((k) => (w.byKind[k].raw ? bytesCell(w.byKind[k]) : "-")),
          bytesCell(w.total),
          w.cls === null ? "n/a" : w.cls.toFixed(3),
        ]),
      ),
    );

  const searched = r.sizes.filter((s) => s.search);
  if (searched.length)
    parts.push(
      table(
        ["search bytes (raw / gzip / brotli)", "first query", "req", "second query", "req", "UI JS"],
        searched.map((s) => [
          `${s.posts.toLocaleString("en-US")} posts`,
          bytesCell(s.search!.first),
          String(s.search!.firstRequests),
          bytesCell(s.search!.second),
          String(s.search!.secondRequests),
          bytesCell(s.search!.uiJs),
        ]),
      ),
    );
  else parts.push("search bytes: n/a (no /search/ page with a search input in the build)");

  if (r.lighthouse.length)
    parts.push(
      table(
        ["Lighthouse (mobile)", "perf", "a11y", "best pr.", "SEO", "CLS"],
        r.lighthouse.map((l) => [
          `${l.page} ${l.path}`,
          String(l.performance ?? "n/a"),
          String(l.accessibility ?? "n/a"),
          String(l.bestPractices ?? "n/a"),
          String(l.seo ?? "n/a"),
          l.cls === null ? "n/a" : l.cls.toFixed(3),
        ]),
      ),
    );

  if (r.profile)
    parts.push(
      table(
        [`Markdown, in-process CPU time over ${r.profile.docs} posts`, "total", "ms/post"],
        r.profile.rows.map((p) => [p.name, formatMs(p.ms), p.msPerDoc.toFixed(2)]),
      ),
    );

  if (r.cms) {
    const { script, dev } = r.cms;
    parts.push(
      [
        "CMS",
        `script for the login screen: ${script ? `${formatBytes(script.raw)} raw, ${formatBytes(script.gzip)} gzip in ${script.files} files (the preview loads on demand)` : "n/a"}`,
        `/admin/ on npm start, page opened to Login visible: ${dev ? `cold ${formatMs(dev.coldMs)}, warm ${formatMs(dev.warmMs)}` : "n/a"}`,
        `post saved through the local CMS server, until its page shows it: ${dev?.saveMs === undefined ? "n/a" : formatMs(dev.saveMs)}`,
      ].join("\n"),
    );
  }

  parts.push(
    checkBudgets(r)
      .map((b) => `${b.pass === null ? "N/A " : b.pass ? "PASS" : "FAIL"} ${b.name}: ${b.detail}`)
      .join("\n"),
  );
  return `${parts.join("\n\n")}\n`;
}
