/**
 * Rebuilds copy post pages from the last build when nothing they show has changed
 * (Astro's experimental incremental build, keyed by src/data/page-keys.ts). What
 * matters is that no page goes stale: each edit below must reach every page that
 * shows it, and only the pages that do not show it may be copied.
 * One throwaway copy of the fixture content, built four times in a row.
 */
import fs from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { isBlogPageName } from "../../src/lib/urls.ts";
import { buildSite, copyContent, FIXTURE_CONTENT, TMP } from "../support/build.ts";

const NAME = "incremental";
/** Post pages the fixture site publishes (drafts and future posts are left out of builds). */
let postPages: string[] = [];
let content = "";
let dist = "";
let first = new Map<string, string>();

/** Paths of the post pages a build log says were copied from the last build instead of rendered (with CI set, the log is coloured). */
function copied(log: string): Set<string> {
  const plain = stripVTControlCharacters(log);
  return new Set([...plain.matchAll(/ (\/blog\/[^/\s]+\/index\.html) \((?:restored|cached)\)/g)].map((m) => m[1]!.slice(1)));
}

const read = (page: string) => fs.readFileSync(path.join(dist, page), "utf8");

async function rebuild(): Promise<string> {
  const built = await buildSite({ name: NAME, content, env: { TZ: "UTC" } });
  dist = built.dist;
  return built.log;
}

function edit(file: string, from: string | RegExp, to: string): void {
  const full = path.join(content, file);
  const text = fs.readFileSync(full, "utf8");
  const next = text.replace(from, to);
  expect(next, `${file} should contain ${String(from)}`).not.toBe(text);
  fs.writeFileSync(full, next);
}

describe("a rebuild after an edit", () => {
  beforeAll(async () => {
    content = copyContent(FIXTURE_CONTENT, NAME);
    // A cache left by an earlier test run would make the first build a rebuild too.
    fs.rmSync(path.join(TMP, "sites", NAME, "cache"), { recursive: true, force: true });
    const log = await rebuild();
    expect(copied(log).size).toBe(0);
    postPages = fs
      .readdirSync(path.join(dist, "blog"), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !isBlogPageName(d.name))
      .map((d) => `blog/${d.name}/index.html`)
      .sort();
    first = new Map(postPages.map((p) => [p, read(p)]));
  }, 120_000);

  it("copies every post page, unchanged, when nothing changed", async () => {
    const log = await rebuild();
    expect([...copied(log)].sort()).toEqual(postPages);
    for (const page of postPages) expect(read(page), page).toBe(first.get(page));
  }, 120_000);

  it("renders again the pages that show an edited post (its own, its neighbours', related posts') and removes a deleted one", async () => {
    expect(read("blog/series-05/index.html")).toContain("Series part 05");
    expect(read("blog/series-06/index.html")).toContain("Series part 05");
    edit("posts/series-05.md", "title: Series part 05", "title: Series part five, renamed");
    fs.rmSync(path.join(content, "posts", "date-only.md"));
    const log = await rebuild();
    const showsIt = postPages.filter((p) => first.get(p)!.includes("/blog/series-05/") || p === "blog/series-05/index.html");
    expect(showsIt.length).toBeGreaterThan(2);
    for (const page of showsIt) {
      expect(copied(log).has(page), `${page} shows the renamed post`).toBe(false);
      expect(read(page), page).toContain("Series part five, renamed");
      expect(read(page), page).not.toContain("Series part 05<");
    }
    expect(fs.existsSync(path.join(dist, "blog/date-only/index.html"))).toBe(false);
    // A post that shows neither change is copied as it was.
    expect(copied(log).has("blog/welcome/index.html")).toBe(true);
    expect(read("blog/welcome/index.html")).toBe(first.get("blog/welcome/index.html"));
  }, 120_000);

  it("renders every post page again when something all of them show changes (the program callout)", async () => {
    edit("pages/program.yaml", "heading: Fixture callout heading", "heading: A callout heading, edited");
    const log = await rebuild();
    expect(copied(log).size).toBe(0);
    expect(read("blog/welcome/index.html")).toContain("A callout heading, edited");
    expect(read("blog/series-01/index.html")).toContain("A callout heading, edited");
  }, 120_000);
});
