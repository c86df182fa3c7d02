import { describe, expect, it } from "vitest";
import type { BuildFigures } from "../../bench/builds.ts";
import { parseBuildLog, routeGroup, socialImageMs } from "../../bench/log.ts";
import {
  checkBudgets,
  formatBytes,
  formatMs,
  formatReport,
  incrementalLines,
  jsonReport,
  ratioLines,
  table,
  type BenchResult,
} from "../../bench/report.ts";
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
        baselineDefault: build({ wallMs: 8_000 }),
        baselineVariants: [],
        pagefind: { ms: 2400, pages: 1000, bytes: 3_000_000, files: 900 },
        search: null,
      },
      {
        posts: 4000,
        cold: build({ wallMs: 90_000, socialMs: 10_000, socialFiles: 3990 }),
        warm: null,
        incremental: null,
        baseline: build({ wallMs: 50_000 }),
        baselineDefault: build({ wallMs: 40_000 }),
        baselineVariants: [{ markdown: "pipeline", figures: build({ wallMs: 70_000 }) }],
        pagefind: null,
        search: null,
      },
    ],
    weights: [weight("post", { html: 6000, css: 4000 }), weight("blog list", { html: 3000, css: 4000, fonts: 40_000 })],
    lighthouse: [{ page: "post", path: "/blog/a/", performance: 100, accessibility: 100, bestPractices: 100, seo: 100, cls: 0, failed: [] }],
    profile: null,
    source: { dirs: ["src", "admin"], files: 150, lines: 11_200 },
    cms: null,
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
    expect(socialImageMs(`${LOG}12:00:01   ├─ /og/posts/a.png social cards: 987 needed, 3 rendered, 984 reused in 412 ms\n (+420ms)\n`)).toBe(412);
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

  it("prints per size the site without social cards, the cards on their own line, and its ratios over both baselines", () => {
    expect(ratioLines(result())).toEqual([
      "site cold 1,000 posts without social cards: 20.0 s",
      "social cards cold 1,000 posts: not in the build log (0 files)",
      "ratio cold 1,000 posts without social cards: 2.00 (site 20.0 s / baseline unified + remark-gfm 10.0 s)",
      "ratio cold 1,000 posts without social cards, over Astro's default processor: 2.50 (baseline Astro default (Sätteri) 8.0 s)",
      "ratio cold 1,000 posts with social cards: 2.00 (site 20.0 s)",
      "ratio cold 1,000 posts, CPU time with social cards: 1.50 (site 12.0 s / baseline 8.0 s)",
      "site cold 4,000 posts without social cards: 80.0 s",
      "social cards cold 4,000 posts: 10.0 s (3990 files)",
      "ratio cold 4,000 posts without social cards: 1.60 (site 80.0 s / baseline unified + remark-gfm 50.0 s)",
      "ratio cold 4,000 posts without social cards, over Astro's default processor: 2.00 (baseline Astro default (Sätteri) 40.0 s)",
      "ratio cold 4,000 posts with social cards: 1.80 (site 90.0 s)",
      "ratio cold 4,000 posts, CPU time with social cards: 1.00 (site 12.0 s / baseline 12.0 s)",
      "source of src/ + admin/: 11,200 lines in 150 files (as wc -l counts them: blank and comment lines included; binary files left out)",
    ]);
  });

  it("says what Astro's incremental build saves, from the same builds without it", () => {
    const r = result();
    r.sizes[0]!.warm = build({ wallMs: 15_000, cpuMs: 9_000 });
    r.sizes[0]!.incremental = build({ wallMs: 4_000, cpuMs: 10_000 });
    r.sizes[0]!.withoutIncremental = { warm: build({ wallMs: 16_000, cpuMs: 12_000 }), changed: build({ wallMs: 5_000, cpuMs: 10_000 }) };
    expect(incrementalLines(r)).toEqual([
      "incremental build saves at 1,000 posts: warm 25% (cpu 9.0 s instead of 12.0 s), one changed post 0% (cpu 10.0 s instead of 10.0 s)",
    ]);
    expect(ratioLines(r)).toContain(incrementalLines(r)[0]);
    expect(formatReport(r)).toContain("1,000 site warm, no incremental build");
  });

  it("checks the budgets, leaving social images out of the baseline ratio, and says N/A for what was not measured", () => {
    const budgets = Object.fromEntries(checkBudgets(result()).map((b) => [b.name, `${b.pass} ${b.detail}`]));
    expect(budgets["100 posts cold without social cards <= 1.5x baseline (unified + remark-gfm)"]).toBe("null not measured");
    expect(budgets["1,000 posts cold without social cards <= 1.5x baseline (unified + remark-gfm)"]).toBe(
      "false 2.00x (limit 1.50x); in CPU time 1.50x with social cards",
    );
    expect(budgets["4,000 posts cold without social cards <= 1.5x baseline (unified + remark-gfm)"]).toBe(
      "false 1.60x (limit 1.50x); in CPU time 1.00x with social cards",
    );
    expect(budgets["growth 1,000 -> 4,000 posts <= 4.4"]).toBe("true 4.00x (limit 4.40x)");
    expect(budgets["warm rebuild after one change at 1,000 posts <= 25% of cold"]).toBe("true 20% (limit 25%); in CPU time 100%");
    expect(budgets["post page HTML + CSS <= 14 KB compressed (brotli)"]).toBe("true 9.8 KB (limit 14.0 KB)");
    expect(budgets["blog list <= 30 KB compressed (brotli, all requests)"]).toBe("false 45.9 KB (limit 30.0 KB); without fonts 6.8 KB");
    expect(budgets["peak build memory at 4,000 posts <= 2 GiB"]).toBe("true 512.00 MB (limit 2.00 GiB)");
    expect(budgets["search first query <= 120 KB at 1,000 posts (gzip)"]).toBe("null not measured");
    expect(budgets["Lighthouse 100 x4 on post"]).toBe("true 100 / 100 / 100 / 100");
    expect(budgets["Lighthouse 100 x4 on home"]).toBe("null not measured");
    expect(budgets["source lines of src/ + admin/ < 11,150"]).toMatch(/^false 11,200 lines in 150 files \(as wc -l counts them/);
  });

  it("passes a cold build at exactly 1.5x the baseline and source lines just under the limit", () => {
    const r = result({ source: { dirs: ["src", "admin"], files: 140, lines: 11_149 } });
    r.sizes[0]!.cold = build({ wallMs: 16_000, socialMs: 1_000 });
    const budgets = Object.fromEntries(checkBudgets(r).map((b) => [b.name, b.pass]));
    expect(budgets["1,000 posts cold without social cards <= 1.5x baseline (unified + remark-gfm)"]).toBe(true);
    expect(budgets["source lines of src/ + admin/ < 11,150"]).toBe(true);
    expect(checkBudgets(result({ source: null })).find((b) => b.name.startsWith("source lines"))?.pass).toBeNull();
  });

  it("gives --json the same ratios and budgets the table prints", () => {
    const r = result();
    const json = JSON.parse(JSON.stringify(jsonReport(r))) as ReturnType<typeof jsonReport>;
    expect(json.sizes[1]!.baselineDefault.wallMs).toBe(40_000);
    expect(json.source).toEqual({ dirs: ["src", "admin"], files: 150, lines: 11_200 });
    expect(json.ratios[1]).toMatchObject({ posts: 4000, siteMs: 80_000, cardsMs: 10_000, baselineMs: 50_000, baselineDefaultMs: 40_000 });
    expect(json.ratios[1]!.ratio).toBeCloseTo(1.6);
    expect(json.ratios[1]!.ratioDefault).toBeCloseTo(2);
    const text = formatReport(r);
    for (const b of json.budgets) expect(text).toContain(`${b.pass === null ? "N/A " : b.pass ? "PASS" : "FAIL"} ${b.name}: ${b.detail}`);
    for (const q of json.ratios)
      expect(text).toContain(`ratio cold ${q.posts.toLocaleString("en-US")} posts without social cards: ${q.ratio.toFixed(2)}`);
  });

  it("prints the CMS's script bytes and login times, and checks them against Decap's prebuilt bundle and 3 s", () => {
    const cms = { script: { files: 5, raw: 3_500_000, gzip: 1_000_000 }, dev: { coldMs: 3_400, warmMs: 1_200, saveMs: 900 } };
    const text = formatReport(result({ cms }));
    expect(text).toContain("script for the login screen: 3.34 MB raw, 976.6 KB gzip in 5 files");
    expect(text).toContain("page opened to Login visible: cold 3.4 s, warm 1.2 s");
    expect(text).toMatch(/^PASS CMS script for the login screen < 1\.48 MB gzip: 976\.6 KB \(limit 1\.48 MB\)$/m);
    expect(text).toMatch(/^FAIL CMS login on npm start < 3 s, cold and warm: cold 3\.4 s, warm 1\.2 s \(limit 3\.0 s\)$/m);
    expect(text).toContain("post saved through the local CMS server, until its page shows it: 900 ms");
    expect(text).toMatch(/^PASS saved post on its page on npm start < 1\.5 s: 900 ms \(limit 1\.5 s\)$/m);
    const none = Object.fromEntries(checkBudgets(result()).map((b) => [b.name, b.pass]));
    expect(none["CMS script for the login screen < 1.48 MB gzip"]).toBeNull();
    expect(none["CMS login on npm start < 3 s, cold and warm"]).toBeNull();
    expect(none["saved post on its page on npm start < 1.5 s"]).toBeNull();
  });

  it("prints the budgets as PASS, FAIL and N/A lines after the tables", () => {
    const text = formatReport(result());
    expect(text).toMatch(/^PASS growth 1,000 -> 4,000 posts <= 4\.4: 4\.00x/m);
    expect(text).toMatch(/^FAIL 4,000 posts cold without social cards <= 1\.5x baseline \(unified \+ remark-gfm\)/m);
    expect(text).toMatch(/^FAIL source lines of src\/ \+ admin\/ < 11,150: 11,200 lines in 150 files/m);
    expect(text).toMatch(/^N\/A {2}Lighthouse 100 x4 on program: not measured$/m);
    expect(text).toMatch(/^1,000 site cold +20\.0 s +12\.0 s +100 +100\.0 +512\.00 MB/m);
    expect(text).toMatch(/^4,000 baseline unified \+ remark-gfm +50\.0 s/m);
    expect(text).toMatch(/^4,000 baseline Astro default \(Sätteri\) +40\.0 s/m);
    expect(text).toMatch(/^4,000 baseline unified \+ site plugins +70\.0 s/m);
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
