import { describe, expect, it } from "vitest";
import type { BuildFigures } from "../../bench/builds.ts";
import { parseBuildLog, routeGroup, socialImageMs } from "../../bench/log.ts";
import { checkBudgets, formatBytes, formatMs, formatReport, ratioLines, table, type BenchResult } from "../../bench/report.ts";
import { compressedSizes, KINDS, type PageWeight } from "../../bench/weight.ts";

const LOG = `19:15:00 [types] Generated 6.21s
19:15:01 [vite] ✓ built in 1.29s
19:15:15 [vite] ✓ built in 13.99s
 generating static routes
19:15:17   ├─ /og/posts/bench-post-00070.png (+120ms)
19:15:17   ├─ /og/posts/bench-post-00005.png (+80ms)
19:15:18   ├─ /blog/bench-post-00001/index.html (+12ms)
19:15:18   ├─ /blog/2/index.html (+30ms)
19:15:18   ├─ /tags/networking/index.html (+1.5s)
19:15:18   └─ /rss.xml (+200ms)
19:15:19 ✓ Completed in 3.43s.
 generating optimized images
19:15:19   ▶ /_astro/hero.webp (before: 12kB, after: 9kB) (+154ms) (1/4)
19:15:19 ✓ Completed in 301ms.
[search] indexed 151 pages for search in 561 ms (dist/pagefind)
`;

function build(over: Partial<BuildFigures> = {}): BuildFigures {
  return {
    wallMs: 10_000,
    cpuMs: 12_000,
    pages: 100,
    msPerPage: 100,
    peakBytes: 512 * 1024 * 1024,
    distBytes: 2_000_000,
    distFiles: 300,
    socialMs: null,
    socialFiles: 0,
    phases: parseBuildLog(""),
    ...over,
  };
}

function weight(template: string, over: Partial<Record<(typeof KINDS)[number], number>> = {}): PageWeight {
  const byKind = Object.fromEntries(
    KINDS.map((k) => [k, { raw: (over[k] ?? 0) * 3, gzip: (over[k] ?? 0) * 1.2, brotli: over[k] ?? 0 }]),
  ) as PageWeight["byKind"];
  const sum = (key: "raw" | "gzip" | "brotli") => KINDS.reduce((n, k) => n + byKind[k][key], 0);
  return { template, path: "/x/", requests: 3, byKind, total: { raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") }, cls: 0 };
}

function result(over: Partial<BenchResult> = {}): BenchResult {
  return {
    date: "2026-11-26T00:00:00.000Z",
    quick: false,
    machine: { cpus: 2, node: "v24.0.0" },
    sizes: [
      {
        posts: 1000,
        cold: build({ wallMs: 20_000 }),
        warm: build({ wallMs: 15_000, socialMs: 300 }),
        incremental: build({ wallMs: 4_000 }),
        baseline: build({ wallMs: 10_000, cpuMs: 8_000 }),
        baselineVariants: [],
        pagefind: { ms: 2400, pages: 1000, bytes: 3_000_000, files: 900 },
        search: null,
      },
      {
        posts: 4000,
        cold: build({ wallMs: 90_000, socialMs: 10_000 }),
        warm: null,
        incremental: null,
        baseline: build({ wallMs: 50_000 }),
        baselineVariants: [],
        pagefind: null,
        search: null,
      },
    ],
    weights: [weight("post", { html: 6000, css: 4000 }), weight("blog list", { html: 3000, css: 4000, fonts: 40_000 })],
    lighthouse: [{ page: "post", path: "/blog/a/", performance: 100, accessibility: 100, bestPractices: 100, seo: 100, cls: 0, failed: [] }],
    profile: null,
    ...over,
  };
}

describe("the benchmark's build-log reader", () => {
  it("sums per-file times by route family and reads the phase totals", () => {
    const log = parseBuildLog(LOG);
    expect(log).toMatchObject({ syncMs: 6210, bundleMs: 15_280, routesMs: 3430, pagefindMs: 561 });
    expect(log.routes["social images"]).toEqual({ ms: 200, files: 2 });
    expect(log.routes["tag pages"]).toEqual({ ms: 1500, files: 1 });
    expect(log.routes["post pages"]).toEqual({ ms: 12, files: 1 });
    expect(log.routes["blog list pages"]).toEqual({ ms: 30, files: 1 });
    expect(log.routes.feeds).toEqual({ ms: 200, files: 1 });
  });

  it("reads durations past a minute, which Astro prints as minutes and seconds", () => {
    expect(parseBuildLog(LOG.replace("✓ Completed in 3.43s.", "✓ Completed in 2m 5s.")).routesMs).toBe(125_000);
  });

  it("takes the social-image time from the card step's own line when it logs one, else from the /og/ files", () => {
    expect(socialImageMs(LOG)).toBe(200);
    expect(socialImageMs(`${LOG}12:00:00 [path2practice:og] social cards: 3 rendered, 997 cached in 1.25s\n`)).toBe(1250);
    expect(socialImageMs("no cards here")).toBeNull();
  });

  it("files each generated path under its template", () => {
    expect(
      ["/blog/index.html", "/blog/12/index.html", "/blog/a-post/index.html", "/tags/x/index.html", "/index.html", "/rss.xml"].map(routeGroup),
    ).toEqual(["blog list pages", "blog list pages", "post pages", "tag pages", "home", "feeds"]);
  });
});

describe("the benchmark report", () => {
  it("formats sizes and durations for people", () => {
    expect([formatBytes(512), formatBytes(14 * 1024), formatBytes(3 * 1024 * 1024), formatBytes(2.5 * 1024 ** 3)]).toEqual([
      "512 B",
      "14.0 KB",
      "3.00 MB",
      "2.50 GiB",
    ]);
    expect([formatMs(850.4), formatMs(12_345), formatMs(null)]).toEqual(["850 ms", "12.3 s", "n/a"]);
  });

  it("aligns tables: names left, figures right", () => {
    expect(
      table(
        ["build", "wall"],
        [
          ["a", "1 s"],
          ["longer", "10 s"],
        ],
      ),
    ).toBe("build   wall\n------  ----\na        1 s\nlonger  10 s");
  });

  it("prints one ratio line per size, our time over the baseline's, and a CPU-time ratio", () => {
    expect(ratioLines(result())).toEqual([
      "ratio cold 1,000 posts: 2.00 (ours 20.0 s / baseline 10.0 s)",
      "ratio cold 1,000 posts, CPU time: 1.50 (ours 12.0 s / baseline 8.0 s)",
      "ratio cold 4,000 posts: 1.80 (ours 90.0 s / baseline 50.0 s)",
      "ratio cold 4,000 posts without social images: 1.60",
      "ratio cold 4,000 posts, CPU time: 1.00 (ours 12.0 s / baseline 12.0 s)",
    ]);
  });

  it("checks the budgets, leaving social images out of the baseline ratio, and says N/A for what was not measured", () => {
    const budgets = Object.fromEntries(checkBudgets(result()).map((b) => [b.name, `${b.pass} ${b.detail}`]));
    expect(budgets["4,000 posts cold <= 1.5x baseline (social images left out)"]).toBe(
      "false 1.60x (limit 1.50x); in CPU time 1.00x with social images",
    );
    expect(budgets["growth 1,000 -> 4,000 posts <= 4.4"]).toBe("true 4.00x (limit 4.40x)");
    expect(budgets["warm rebuild after one change at 1,000 posts <= 25% of cold"]).toBe("true 20% (limit 25%); in CPU time 100%");
    expect(budgets["post page HTML + CSS <= 14 KB compressed (brotli)"]).toBe("true 9.8 KB (limit 14.0 KB)");
    expect(budgets["blog list <= 30 KB compressed (brotli, all requests)"]).toBe("false 45.9 KB (limit 30.0 KB); without fonts 6.8 KB");
    expect(budgets["peak build memory at 4,000 posts <= 2 GiB"]).toBe("true 512.00 MB (limit 2.00 GiB)");
    expect(budgets["search first query <= 120 KB at 1,000 posts (gzip)"]).toBe("null not measured");
    expect(budgets["Lighthouse 100 x4 on post"]).toBe("true 100 / 100 / 100 / 100");
    expect(budgets["Lighthouse 100 x4 on home"]).toBe("null not measured");
  });

  it("prints the budgets as PASS, FAIL and N/A lines after the tables", () => {
    const text = formatReport(result());
    expect(text).toMatch(/^PASS growth 1,000 -> 4,000 posts <= 4\.4: 4\.00x/m);
    expect(text).toMatch(/^FAIL 4,000 posts cold <= 1\.5x baseline/m);
    expect(text).toMatch(/^N\/A {2}Lighthouse 100 x4 on program: not measured$/m);
    expect(text).toMatch(/^1,000 site cold +20\.0 s +12\.0 s +100 +100\.0 +512\.00 MB/m);
    expect(text.indexOf("ratio cold")).toBeLessThan(text.indexOf("PASS"));
  });
});

describe("compressed sizes", () => {
  it("compresses text with gzip and brotli and counts images and fonts as they are", () => {
    const text = Buffer.from("<p>hello</p>".repeat(500));
    const sizes = compressedSizes(text, "text/html");
    expect(sizes.raw).toBe(text.length);
    expect(sizes.gzip).toBeLessThan(sizes.raw / 10);
    expect(sizes.brotli).toBeLessThan(sizes.gzip);
    expect(compressedSizes(text, "font/woff2")).toEqual({ raw: text.length, gzip: text.length, brotli: text.length });
  });
});
