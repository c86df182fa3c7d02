import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isBlogPageName } from "../../src/lib/urls.ts";
import { buildSite, FIXTURE_CONTENT, ROOT, TMP } from "../support/build.ts";
import { byAttr, parseHtml, pngSize } from "./html.ts";

/** The social cards' folder in the build's Astro cache (tests/support/build.ts gives each site its own). */
const CACHE = path.join(TMP, "sites", "program-og", "cache", "social-cards");
const SIGNUP = "https://signup.example.org/inner-circle";

/** The build's one line about social cards: "social cards: N needed, R rendered, U reused in M ms". */
function cardLine(log: string): { needed: number; rendered: number; reused: number; ms: number } {
  const m = /social cards: (\d+) needed, (\d+) rendered, (\d+) reused in (\d+) ms/.exec(log);
  if (!m) throw new Error(`no social cards line in the build log:\n${log}`);
  const [needed, rendered, reused, ms] = m.slice(1).map(Number) as [number, number, number, number];
  return { needed, rendered, reused, ms };
}

const cacheFiles = () => new Map(fs.readdirSync(CACHE).map((f) => [f, fs.statSync(path.join(CACHE, f)).mtimeMs]));

let content: string;
let cold: { dist: string; log: string; ms: number; files: Map<string, number> };
let warm: { dist: string; log: string; ms: number; files: Map<string, number> };

async function build(): Promise<{ dist: string; log: string; ms: number; files: Map<string, number> }> {
  const started = Date.now();
  const { dist, log } = await buildSite({ name: "program-og", content, env: { TZ: "UTC" } });
  return { dist, log, ms: Date.now() - started, files: cacheFiles() };
}

beforeAll(async () => {
  // Astro's content cache of an earlier run remembers files of a copy that no longer exists; the cards' cache goes with it.
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
  const [c, w] = [cardLine(cold.log), cardLine(warm.log)];
  console.log(
    `social cards: cold ${c.needed} cards in ${c.ms} ms (${c.rendered} rendered), warm ${w.ms} ms (${w.rendered} re-rendered); whole builds ${cold.ms} ms / ${warm.ms} ms`,
  );
}, 300_000);

afterAll(() => {
  fs.rmSync(content, { recursive: true, force: true });
});

/** The card files a build published, by site path. */
function publishedCards(dist: string): string[] {
  const posts = fs.readdirSync(path.join(dist, "og/posts")).map((f) => `og/posts/${f}`);
  return [...posts, ...(fs.existsSync(path.join(dist, "og/program.png")) ? ["og/program.png"] : [])].sort();
}

describe("social cards on a second build", () => {
  it("renders each card once into the disk cache on a cold build and publishes it", () => {
    const line = cardLine(cold.log);
    expect(line.needed).toBeGreaterThan(10);
    expect(line).toMatchObject({ rendered: line.needed, reused: 0 });
    expect(cold.files.size).toBe(line.needed);
    expect(publishedCards(cold.dist)).toHaveLength(line.needed);
    for (const file of cold.files.keys()) expect(pngSize(fs.readFileSync(path.join(CACHE, file)))).toEqual({ width: 1200, height: 630 });
  });

  it("publishes a card for exactly the post pages without their own image, plus the program page", () => {
    const blog = path.join(warm.dist, "blog");
    const pages = fs.readdirSync(blog).filter((d) => !isBlogPageName(d) && fs.existsSync(path.join(blog, d, "index.html")));
    const withOwnImage = pages.filter((slug) => !fs.readFileSync(path.join(blog, slug, "index.html"), "utf8").includes(`/og/posts/${slug}.png`));
    expect(withOwnImage).toEqual(["hero-image"]);
    const expected = [...pages.filter((s) => s !== "hero-image").map((s) => `og/posts/${s}.png`), "og/program.png"].sort();
    expect(publishedCards(warm.dist)).toEqual(expected);
  });

  it("reuses every unchanged card and renders only the post whose title changed", () => {
    const line = cardLine(warm.log);
    expect(line).toMatchObject({ needed: cardLine(cold.log).needed, rendered: 1, reused: line.needed - 1 });
    const added = [...warm.files.keys()].filter((f) => !cold.files.has(f));
    expect(added).toHaveLength(1);
    for (const [file, mtime] of cold.files) expect(warm.files.get(file), file).toBe(mtime);
    const published = fs.readFileSync(path.join(warm.dist, "og/posts/welcome.png"));
    expect(published.equals(fs.readFileSync(path.join(CACHE, added[0]!)))).toBe(true);
    expect(pngSize(published)).toEqual({ width: 1200, height: 630 });
  });

  it("spends under half the cold build's card time when cards come from the cache", () => {
    // Relative to the cold build on the same machine, not in seconds: a busy machine slows both alike.
    // The one card re-rendered pays the renderer's start-up, most of a warm build's card time.
    expect(cardLine(warm.log).ms).toBeLessThan(cardLine(cold.log).ms / 2);
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
