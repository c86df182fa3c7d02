/**
 * The site's addresses never silently disappear: every URL in the committed
 * list (urls.txt, from the fixture build) must still be built, or be redirected
 * by the generated _redirects. New URLs are fine; `UPDATE_URLS=1` rewrites the
 * list after a deliberate change (with a redirect added for anything removed).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { matchesPattern, parseRedirects } from "../deploy/host.ts";
import { isAddress } from "../../src/lib/slug.ts";
import { fixtureDist } from "../support/build.ts";
import { pageUrl, siteFiles } from "./site.ts";

const LIST = path.join(import.meta.dirname, "urls.txt");

/** The public addresses of a build: its pages, feed, sitemap and robots.txt (not assets or the search index). */
function siteUrls(dist: string): string[] {
  return siteFiles(dist)
    .filter((f) => /\.(html|xml|txt)$/.test(f) && !/^\/(pagefind|_astro)\//.test(f))
    .map(pageUrl)
    .sort();
}

describe("the site's URL list", () => {
  const dist = () => fixtureDist("main");

  it("still has every URL of the committed list, or a redirect for it", () => {
    const now = siteUrls(dist());
    if (process.env["UPDATE_URLS"] === "1") fs.writeFileSync(LIST, `${now.join("\n")}\n`);
    const listed = fs.readFileSync(LIST, "utf8").split("\n").filter(Boolean);
    expect(listed.length).toBeGreaterThan(20);
    const redirects = parseRedirects(fs.readFileSync(path.join(dist(), "_redirects"), "utf8"));
    const built = new Set(now);
    const lost = listed.filter((url) => !built.has(url) && !redirects.some((r) => matchesPattern(r.from, url)));
    expect(lost).toEqual([]);
  });

  it("gives posts and tags addresses that follow the file-name rule", () => {
    const listed = fs.readFileSync(LIST, "utf8").split("\n").filter(Boolean);
    const named = listed.map((url) => /^\/(?:blog|tags)\/([^/]+)\/$/.exec(url)?.[1]).filter((x): x is string => x !== undefined);
    expect(named.length).toBeGreaterThan(10);
    // Pagination pages (/blog/2/) are numbers, which the rule accepts too.
    expect(named.filter((name) => !isAddress(name))).toEqual([]);
  });
});
