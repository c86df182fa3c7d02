/**
 * The search index of the built fixture site, and the indexing code's failure modes,
 * with the real Pagefind binary.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { childEnv, fixtureDist, ROOT, TMP } from "../support/build.ts";
import { assertNoErrors, indexBuiltSite, indexedPageCount, searchIndexStep } from "../../src/search/pagefind-index.ts";
import { linkedPaths } from "../../src/integrations/pagefind.ts";

/** HTML files of a built site, relative to it. */
function htmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html") && !f.startsWith("admin"))
    .sort();
}

describe("the search index of the fixture site", () => {
  const dist = fixtureDist("main");
  const marked = htmlFiles(dist).filter((f) => fs.readFileSync(path.join(dist, f), "utf8").includes("data-pagefind-body"));

  it("holds exactly the pages that mark their content with data-pagefind-body", () => {
    expect(indexedPageCount(path.join(dist, "pagefind"))).toBe(marked.length);
  });

  it("marks posts, the about page and the program page, and never lists, tag pages, search or the home page", () => {
    expect(marked).toContain("blog/welcome/index.html");
    expect(marked).toContain("about/index.html");
    expect(marked).toContain("program/index.html");
    for (const page of marked) expect(page).not.toMatch(/^(index\.html|404\.html|search\/|tags\/|blog\/(\d+\/)?index\.html)/);
  });

  it("indexes a post's words once: not its table of contents, nor the # links after its headings", () => {
    const fragments = path.join(dist, "pagefind", "fragment");
    const post = fs
      .readdirSync(fragments)
      .map(
        (f) =>
          JSON.parse(
            zlib
              .gunzipSync(fs.readFileSync(path.join(fragments, f)))
              .toString("utf8")
              .replace(/^pagefind_dcd/, ""),
          ) as { url: string; content: string },
      )
      .find((f) => f.url.endsWith("/blog/sections-and-structure/"));
    expect(post?.content).toContain("First section");
    expect(post?.content).not.toContain("In this post");
    expect(post?.content).not.toContain("section#");
  });

  it("ships Pagefind's script minified (its internal names shortened)", () => {
    const script = fs.readFileSync(path.join(dist, "pagefind", "pagefind.js"), "utf8");
    expect(script).toContain("1.");
    expect(script).not.toContain("function passStringToWasm0(");
  });

  it("keeps the unused Pagefind UI bundles, worker and language-less WebAssembly out of the output", () => {
    const files = fs.readdirSync(path.join(dist, "pagefind"));
    expect(files).toContain("pagefind.js");
    expect(files.filter((f) => /ui\.(js|css)$|highlight|worker|wasm\.unknown/.test(f))).toEqual([]);
  });
});

describe("indexing", () => {
  it("fails with every error Pagefind reported", () => {
    expect(() => assertNoErrors("writeFiles", ["disk full", "permission denied"])).toThrowErrorMatchingInlineSnapshot(`
      [Error: Pagefind writeFiles failed:
        - disk full
        - permission denied]
    `);
  });

  it("fails the build when nothing was indexed", async () => {
    const empty = path.join(TMP, "search-empty-site");
    fs.rmSync(empty, { recursive: true, force: true });
    fs.mkdirSync(path.join(empty, "about"), { recursive: true });
    fs.writeFileSync(path.join(empty, "index.html"), "<!doctype html><title>Home</title><main>Welcome</main>");
    fs.writeFileSync(path.join(empty, "about", "index.html"), "<!doctype html><title>About</title><main>No marked body here</main>");
    await expect(indexBuiltSite(empty)).rejects.toThrow(/Pagefind indexed no pages in .*search-empty-site: is the site built/);
  });

  it("refuses a folder that holds no built site", async () => {
    const none = path.join(TMP, "search-no-site");
    fs.rmSync(none, { recursive: true, force: true });
    fs.mkdirSync(none, { recursive: true });
    await expect(indexBuiltSite(none)).rejects.toThrow(/search-no-site holds no built site \(no index.html\): run astro build first/);
  });

  it("follows same-origin links under the base and skips the CMS, the search bundle and files", () => {
    const html = `<a href="/sub/blog/">b</a><a href='/sub/about/#team'>a</a><a href="/other/">o</a><a href="https://example.org/sub/x/">x</a>
      <a href="/sub/admin/">cms</a><a href="/sub/pagefind/pagefind.js">pf</a><a href="/sub/rss.xml">feed</a><a href="tags/">rel</a>`;
    expect(linkedPaths(html, new URL("http://127.0.0.1:4321/sub/"), "/sub/")).toEqual(["/sub/blog/", "/sub/about/", "/sub/tags/"]);
  });
});

describe("the build's search step (npm run build runs it after astro build)", () => {
  const run = promisify(execFile);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };

  it("is the command package.json's build script runs once Astro has finished", () => {
    const [flags, file] = [searchIndexStep(ROOT).slice(0, -1), path.relative(ROOT, searchIndexStep(ROOT).at(-1)!)];
    expect(pkg.scripts["build"]).toBe(`astro build && node ${[...flags, file].join(" ")}`);
    expect(pkg.scripts["search:index"]).toBe(`node ${[...flags, file].join(" ")}`);
  });

  it("indexes a built site again, replacing its old bundle, and says where", async () => {
    const site = path.join(TMP, "search-reindex");
    fs.rmSync(site, { recursive: true, force: true });
    fs.cpSync(fixtureDist("main"), site, { recursive: true, filter: (src) => !src.includes(`${path.sep}og${path.sep}`) });
    const stale = path.join(site, "pagefind", "fragment", "en_stale.pf_fragment");
    fs.writeFileSync(stale, "left from an earlier index");
    const { stdout } = await run(process.execPath, [...searchIndexStep(ROOT), site], { cwd: ROOT, env: childEnv() });
    expect(stdout).toMatch(/^\[search\] indexed \d+ pages for search in \d+ ms \(.*search-reindex\/pagefind\)$/m);
    expect(fs.existsSync(stale)).toBe(false);
    expect(indexedPageCount(path.join(site, "pagefind"))).toBe(indexedPageCount(path.join(fixtureDist("main"), "pagefind")));
  });

  it("fails with exit code 1 and a plain message when the folder holds no site", async () => {
    const none = path.join(TMP, "search-cli-no-site");
    fs.mkdirSync(none, { recursive: true });
    const failed = await run(process.execPath, [...searchIndexStep(ROOT), none], { cwd: ROOT, env: childEnv() }).catch(
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/^Search index of .*search-cli-no-site failed: .* holds no built site/);
  });
});
