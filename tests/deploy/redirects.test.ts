import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkRedirects } from "../../src/redirects/check.ts";
import { automaticRedirects, builtPostSlugs, loadRedirects, mergeRedirects } from "../../src/redirects/load.ts";
import { formatRedirects } from "../../src/redirects/netlify-cloudflare.ts";
import type { Redirect } from "../../src/redirects/rules.ts";
import { parseRedirects } from "./host.ts";
import { buildSite, copyContent, FIXTURE_CONTENT, fixtureDist, TMP } from "../support/build.ts";
import { writeFileIn } from "../support/files.ts";

/** Writes a redirects file in the scratch dir and returns its path. */
function redirectsFile(name: string, text: string): string {
  return writeFileIn(path.join(TMP, "redirects"), `${name}.yaml`, text);
}

const r = (from: string, to: string, origin = "test"): Redirect => ({ from, to, status: 301, origin });

describe("reading content/settings/redirects.yaml", () => {
  it("reads each entry with its status and where it came from", () => {
    const file = redirectsFile(
      "ok",
      'redirects:\n  - from: /post/a\n    to: /blog/a/\n  - from: /old\n    to: https://example.org/x\n    status: "302"\n',
    );
    expect(loadRedirects(file).map(({ from, to, status }) => ({ from, to, status }))).toEqual([
      { from: "/post/a", to: "/blog/a/", status: 301 },
      { from: "/old", to: "https://example.org/x", status: 302 },
    ]);
    expect(loadRedirects(file)[1]!.origin).toMatch(/redirects\/ok\.yaml, entry 2$/);
  });

  it("treats a missing file as no redirects", () => {
    expect(loadRedirects(path.join(TMP, "redirects", "none.yaml"))).toEqual([]);
  });

  it("names the file, the entry and the field of a bad entry", () => {
    const file = redirectsFile("bad", "redirects:\n  - from: /post/a\n    to: /blog/a/\n  - from: post/b\n    to: /blog/b/\n");
    const message = (() => {
      try {
        loadRedirects(file);
        return "no error";
      } catch (err) {
        return (err as Error).message.replace(path.relative(process.cwd(), file), "<file>");
      }
    })();
    expect(message).toMatchInlineSnapshot(
      `"<file>: redirects entry 2 from: must be a plain address on this site such as /post/my-old-post: starting with /, without spaces, without . or .. parts or empty parts (//), and without * : ? # \\ or %-escaped dots and slashes (%2e, %2f)"`,
    );
  });
});

describe("automatic redirects", () => {
  it("send each published post's old-site address and the old feed to their new homes", () => {
    const slugs = builtPostSlugs(fixtureDist("main"));
    expect(slugs).toContain("welcome");
    expect(slugs).not.toContain("draft-post");
    expect(slugs).not.toContain("future-post");
    expect(slugs.some((s) => /^\d+$/.test(s))).toBe(false);
    const auto = automaticRedirects(slugs);
    expect(auto).toContainEqual({ from: "/post/welcome", to: "/blog/welcome/", status: 301, origin: "automatic: post welcome" });
    expect(auto.at(-1)).toMatchObject({ from: "/blog-feed.xml", to: "/rss.xml" });
  });

  it("give way to an entry of the file for the same address", () => {
    const merged = mergeRedirects([r("/post/welcome/", "/about/", "file")], automaticRedirects(["welcome"]));
    expect(merged.filter((x) => x.from.startsWith("/post/welcome"))).toEqual([r("/post/welcome/", "/about/", "file")]);
  });
});

describe("checking redirects against the build", () => {
  const dist = () => fixtureDist("main");

  it("accepts redirects to pages, files and other sites", () => {
    expect(checkRedirects([r("/post/x", "/blog/welcome/"), r("/feed", "/rss.xml"), r("/elsewhere", "https://example.org/")], dist())).toEqual([]);
  });

  it("names the entry whose target is not a page of the build", () => {
    expect(checkRedirects([r("/post/x", "/blog/no-such-post/", "content/settings/redirects.yaml, entry 3")], dist())).toMatchInlineSnapshot(`
      [
        "content/settings/redirects.yaml, entry 3 (/post/x -> /blog/no-such-post/): the target /blog/no-such-post/ is not a page of this build",
      ]
    `);
  });

  it("names the entry whose target runs through a file or is too long a name for any file system, instead of failing on it", () => {
    const long = `/blog/${"x".repeat(300)}/`;
    expect(checkRedirects([r("/post/a", "/robots.txt/old/", "entry 1"), r("/post/b", long, "entry 2")], dist())).toEqual([
      "entry 1 (/post/a -> /robots.txt/old/): the target /robots.txt/old/ is not a page of this build",
      `entry 2 (/post/b -> ${long}): the target ${long} is not a page of this build`,
    ]);
  });

  it("refuses to hide a live page, a second redirect for one address and a chain", () => {
    expect(checkRedirects([r("/about/", "/blog/", "a"), r("/x", "/blog/", "b"), r("/x/", "/tags/", "c"), r("/y", "/x", "d")], dist()))
      .toMatchInlineSnapshot(`
      [
        "a (/about/ -> /blog/): /about/ is a page of the site; a redirect would hide it",
        "c (/x/ -> /tags/): /x/ is already redirected by b",
        "d (/y -> /x): the target /x is not a page of this build",
        "d (/y -> /x): /x is itself redirected by b; point it at /blog/",
      ]
    `);
  });
});

describe("the _redirects file", () => {
  it("answers with and without the trailing slash, under the base, and reads back", () => {
    const text = formatRedirects([r("/post/a", "/blog/a/"), { ...r("/old.html", "https://example.org/"), status: 302 }], "/sub/");
    expect(text.split("\n").slice(1)).toEqual([
      "/sub/post/a /sub/blog/a/ 301",
      "/sub/post/a/ /sub/blog/a/ 301",
      "/sub/old.html https://example.org/ 302",
      "",
    ]);
    expect(parseRedirects(text)).toHaveLength(3);
  });

  it("is written into the fixture build with a 301 for the importer's entries and every post", () => {
    const rules = parseRedirects(fs.readFileSync(path.join(fixtureDist("main"), "_redirects"), "utf8"));
    expect(rules).toContainEqual({ from: "/post/welcome-old", to: "/blog/welcome/", status: 301 });
    expect(rules).toContainEqual({ from: "/single-post/2020/01/15/welcome", to: "/blog/welcome/", status: 301 });
    expect(rules).toContainEqual({ from: "/post/hero-image", to: "/blog/hero-image/", status: 301 });
    expect(rules.some((x) => x.to.includes("draft-post") || x.to.includes("future-post"))).toBe(false);
  });
});

describe("a build with a redirect to a page that does not exist", () => {
  it("fails, naming the file and the entry", async () => {
    const content = copyContent(FIXTURE_CONTENT, "broken-redirect");
    fs.appendFileSync(path.join(content, "settings", "redirects.yaml"), '  - from: /post/gone\n    to: /blog/never-written/\n    status: "301"\n');
    const failure = await buildSite({ name: "broken-redirect", content, env: { TZ: "UTC", GIT_REPO_DIRECTORY: TMP } }).then(
      () => "built",
      (err: Error) => err.message,
    );
    expect(failure).toMatch(
      /settings\/redirects\.yaml, entry 3 \(\/post\/gone -> \/blog\/never-written\/\): the target \/blog\/never-written\/ is not a page of this build/,
    );
  }, 120_000);
});
