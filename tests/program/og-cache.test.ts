import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, FIXTURE_CONTENT, ROOT, TMP } from "../support/build.ts";
import { byAttr, parseHtml, pngSize } from "./html.ts";

const CACHE = path.join(TMP, "og-cache-test");
const SIGNUP = "https://signup.example.org/inner-circle";

/** Milliseconds Astro spent on each social-card route, from the build log's "(+N ms)" lines. */
function cardTimes(log: string): number[] {
  return [...log.matchAll(/\/og\/\S+\.png \(\+(\d+)ms\)/g)].map((m) => Number(m[1]));
}

const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
const cacheFiles = () => new Map(fs.readdirSync(CACHE).map((f) => [f, fs.statSync(path.join(CACHE, f)).mtimeMs]));

let content: string;
let cold: { dist: string; log: string; ms: number; files: Map<string, number> };
let warm: { dist: string; log: string; ms: number; files: Map<string, number> };

async function build(): Promise<{ dist: string; log: string; ms: number; files: Map<string, number> }> {
  const started = Date.now();
  const { dist, log } = await buildSite({ name: "program-og", content, env: { TZ: "UTC" } }, { P2P_OG_CACHE_DIR: CACHE });
  return { dist, log, ms: Date.now() - started, files: cacheFiles() };
}

beforeAll(async () => {
  fs.rmSync(CACHE, { recursive: true, force: true });
  // Astro's content cache of an earlier run remembers files of a copy that no longer exists.
  fs.rmSync(path.join(TMP, "sites/program-og"), { recursive: true, force: true });
  // Inside the project even when P2P_TEST_TMP points elsewhere: Astro resolves MDX and images only below its root.
  content = path.join(ROOT, "tests/.tmp/content", `program-og-${process.pid}`);
  fs.rmSync(content, { recursive: true, force: true });
  fs.cpSync(FIXTURE_CONTENT, content, { recursive: true });
  // A signup link in the settings, and no testimonials yet.
  const settingsFile = path.join(content, "settings/site.yaml");
  fs.writeFileSync(settingsFile, fs.readFileSync(settingsFile, "utf8").replace(/^signupUrl: .*$/m, `signupUrl: ${SIGNUP}`));
  const programFile = path.join(content, "pages/program.yaml");
  const program = YAML.parse(fs.readFileSync(programFile, "utf8")) as { testimonials: { items: unknown[] } };
  program.testimonials.items = [];
  fs.writeFileSync(programFile, YAML.stringify(program));
  cold = await build();
  // Second build: one post's title changes, everything else stays the same.
  const welcome = path.join(content, "posts/welcome.md");
  fs.writeFileSync(welcome, fs.readFileSync(welcome, "utf8").replace(/^title: .*$/m, "title: Welcome back to the studio blog"));
  warm = await build();
  const coldMs = sum(cardTimes(cold.log));
  const warmMs = sum(cardTimes(warm.log));
  console.log(
    `social cards: cold ${cardTimes(cold.log).length} cards in ${coldMs} ms, warm ${warmMs} ms (1 re-rendered); whole builds ${cold.ms} ms / ${warm.ms} ms`,
  );
}, 300_000);

afterAll(() => {
  fs.rmSync(content, { recursive: true, force: true });
});

describe("social cards on a second build", () => {
  it("renders each card once into the disk cache on a cold build", () => {
    const cards = cardTimes(cold.log).length;
    expect(cards).toBeGreaterThan(10);
    expect(cold.files.size).toBe(cards);
    for (const file of cold.files.keys()) expect(pngSize(fs.readFileSync(path.join(CACHE, file)))).toEqual({ width: 1200, height: 630 });
  });

  it("reuses every unchanged card and renders only the post whose title changed", () => {
    const added = [...warm.files.keys()].filter((f) => !cold.files.has(f));
    expect(added).toHaveLength(1);
    for (const [file, mtime] of cold.files) expect(warm.files.get(file), file).toBe(mtime);
    const published = fs.readFileSync(path.join(warm.dist, "og/posts/welcome.png"));
    expect(published.equals(fs.readFileSync(path.join(CACHE, added[0]!)))).toBe(true);
  });

  it("spends less time on cards when they come from the cache", () => {
    expect(sum(cardTimes(warm.log))).toBeLessThan(sum(cardTimes(cold.log)));
  });
});

describe("the program page with a signup link and no testimonials", () => {
  const page = () => parseHtml(fs.readFileSync(path.join(warm.dist, "program/index.html"), "utf8"));

  it("sends both join buttons to the signup link", () => {
    expect(byAttr(page(), "dataCta").map((b) => b.properties["href"])).toEqual([SIGNUP, SIGNUP]);
  });

  it("leaves the testimonials section out entirely", () => {
    expect(byAttr(page(), "dataSection", "testimonials")).toEqual([]);
    expect(fs.readFileSync(path.join(warm.dist, "program/index.html"), "utf8")).not.toContain("Fixture testimonials heading");
  });
});
