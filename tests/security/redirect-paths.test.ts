/**
 * Hostile old addresses in content/settings/redirects.yaml: the schema (the
 * one rule the CMS form, the build and the importer share) refuses them; every
 * host writer refuses them again on its own; a real build stops naming the file
 * and the entry, and nothing appears outside the build output.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toDecapCollection } from "../../src/schema/decap.ts";
import { collections } from "../../src/schema/index.ts";
import { insideDir, writeRedirectPages } from "../../src/redirects/github-pages.ts";
import { loadRedirects } from "../../src/redirects/load.ts";
import { formatRedirects } from "../../src/redirects/netlify-cloudflare.ts";
import { RedirectError, type Redirect } from "../../src/redirects/rules.ts";
import { buildSite, copyContent, FIXTURE_CONTENT, TMP } from "../support/build.ts";
import { writeFileIn } from "../support/files.ts";

/** Old addresses that would leave the output folder, or mean more than a name to a host. */
const HOSTILE = [
  "/../../../escaped-by-dots",
  "/post/../../../../escaped-deeper",
  "/%2e%2e/%2e%2e/%2e%2e/escaped-by-escapes",
  "/%2E%2E%2f%2E%2E%2fescaped-upper",
  "/post/*",
  "/post/:slug",
  "/post/a?utm=1",
  "/post/a#top",
  "/post/a b",
  "/post/a\tb",
  "/post\\..\\..\\escaped-backslash",
  "//evil.example/x",
  "/a/./b",
  "/post/a%00",
  "/post/a\u0001",
];

/** Every file and folder under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

const yamlEntry = (from: string) => `  - from: ${JSON.stringify(from)}\n    to: /blog/welcome/\n    status: "301"\n`;

describe("the redirects schema", () => {
  it("refuses each hostile old address with a plain message naming the file and the entry", () => {
    for (const [i, from] of HOSTILE.entries()) {
      const file = writeFileIn(path.join(TMP, "redirect-paths"), `entry-${i}.yaml`, `redirects:\n${yamlEntry("/post/fine")}${yamlEntry(from)}`);
      let message = "accepted";
      try {
        loadRedirects(file);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message, from).toContain(`entry-${i}.yaml: redirects entry 2 from: must be a plain address on this site`);
    }
  });

  it("accepts the addresses an old site really had, non-ASCII ones included", () => {
    const ok = ["/post/welcome-old", "/single-post/2020/01/15/welcome", "/old.html", "/post/caf%C3%A9", "/post/café", "/blog-feed.xml", "/post/a/"];
    const file = writeFileIn(path.join(TMP, "redirect-paths"), "ok.yaml", `redirects:\n${ok.map(yamlEntry).join("")}`);
    expect(loadRedirects(file).map((r) => r.from)).toEqual(ok);
  });

  it("gives the CMS form the same rule", () => {
    const collection = toDecapCollection(collections.redirects, { contentPath: "content", today: "2026-01-01" });
    const list = (collection.files?.[0]?.fields ?? []).find((f) => f.name === "redirects") as
      { fields?: Array<{ name: string; pattern?: [string, string] }> } | undefined;
    const pattern = list?.fields?.find((f) => f.name === "from")?.pattern;
    expect(pattern).toBeDefined();
    // Decap compiles the pattern with RegExp(source), without flags.
    const decap = new RegExp(pattern![0]);
    for (const from of HOSTILE) expect(decap.test(from), from).toBe(false);
    expect(decap.test("/post/welcome-old")).toBe(true);
  });
});

describe("the host writers, given hostile addresses the schema never saw", () => {
  const r = (from: string, i: number): Redirect => ({
    from,
    to: "/blog/welcome/",
    status: 301,
    origin: `content/settings/redirects.yaml, entry ${i + 1}`,
  });

  it("write no GitHub Pages redirect page outside the build output, and name the entry", () => {
    const root = path.join(TMP, "redirect-writer", String(process.pid));
    fs.rmSync(root, { recursive: true, force: true });
    const dist = path.join(root, "a", "b", "c", "dist");
    fs.mkdirSync(dist, { recursive: true });
    const before = tree(root);
    for (const [i, from] of HOSTILE.entries()) {
      expect(() => writeRedirectPages(dist, [r(from, i)], () => "<p>moved</p>"), from).toThrow(RedirectError);
      expect(() => writeRedirectPages(dist, [r(from, i)], () => "<p>moved</p>"), from).toThrow(`content/settings/redirects.yaml, entry ${i + 1}: `);
    }
    expect(tree(root)).toEqual(before);
  });

  it("refuse a path that leaves the output through a link inside it", () => {
    const root = path.join(TMP, "redirect-writer-link", String(process.pid));
    fs.rmSync(root, { recursive: true, force: true });
    const dist = path.join(root, "dist");
    const outside = path.join(root, "outside");
    fs.mkdirSync(dist, { recursive: true });
    fs.mkdirSync(outside);
    fs.symlinkSync(outside, path.join(dist, "post"));
    expect(insideDir(dist, path.join(dist, "post/x/index.html"))).toBe(false);
    expect(() => writeRedirectPages(dist, [r("/post/x", 6)], () => "moved")).toThrow(/entry 7: .*would be written outside the build output/);
    expect(tree(outside)).toEqual([]);
    // The same address with no link on the way is written, inside.
    fs.unlinkSync(path.join(dist, "post"));
    expect(writeRedirectPages(dist, [r("/post/x", 6)], () => "moved").written).toBe(1);
    expect(fs.readFileSync(path.join(dist, "post/x/index.html"), "utf8")).toBe("moved");
  });

  it("never replace a page of the build", () => {
    const dist = path.join(TMP, "redirect-writer-replace", String(process.pid));
    writeFileIn(dist, "about/index.html", "the about page");
    expect(() => writeRedirectPages(dist, [r("/about/", 0)], () => "moved")).toThrow(/entry 1: .*would replace about\/index\.html/);
    expect(fs.readFileSync(path.join(dist, "about/index.html"), "utf8")).toBe("the about page");
  });

  it("write no _redirects line from an address with spaces, line breaks or wildcards", () => {
    for (const [i, from] of [...HOSTILE, "/post/a\n/* https://evil.example/ 200"].entries())
      expect(() => formatRedirects([r(from, i)], "/"), from).toThrow(`entry ${i + 1}: the old address`);
  });
});

describe("a GitHub Pages build whose redirects.yaml has hostile old addresses", () => {
  it("stops, naming the file and every bad entry, and writes nothing outside its output", async () => {
    const content = copyContent(FIXTURE_CONTENT, "hostile-redirects");
    fs.appendFileSync(path.join(content, "settings", "redirects.yaml"), HOSTILE.map(yamlEntry).join(""));
    const siteDir = path.join(TMP, "sites", "hostile-redirects");
    // Where the first entries would have landed: beside and above the output folder.
    const escapes = [
      path.join(siteDir, "dist", "../../../escaped-by-dots"),
      path.join(siteDir, "dist", "post/../../../../escaped-deeper"),
      path.join(siteDir, "dist", "../../../escaped-by-escapes"),
    ];
    const above = path.dirname(path.dirname(siteDir));
    // The build's own cache and Astro root live beside its output; anything else new there came from a redirect.
    const besideOutput = () => tree(siteDir).filter((f) => !/^(dist|cache|root)(\/|$)/.test(f));
    const before = besideOutput();
    const failure = await buildSite({
      name: "hostile-redirects",
      content,
      env: { TZ: "UTC", DEPLOY_TARGET: "github-pages", SITE_BASE: "/path2practice" },
    }).then(
      () => "built",
      (err: Error) => err.message,
    );
    expect(failure).not.toBe("built");
    const shown = path.relative(process.cwd(), path.join(content, "settings", "redirects.yaml"));
    // The fixture file has 2 entries; the hostile ones are entries 3 and on.
    for (const i of HOSTILE.keys())
      expect(failure, HOSTILE[i]).toContain(`${shown}:1: error: redirects entry ${i + 3} from: must be a plain address on this site`);
    for (const escape of escapes) expect(fs.existsSync(escape), escape).toBe(false);
    expect(tree(above).filter((f) => /escaped/.test(f))).toEqual([]);
    expect(besideOutput()).toEqual(before);
  }, 180_000);
});
