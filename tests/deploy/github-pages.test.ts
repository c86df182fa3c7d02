/**
 * The GitHub Pages build: under a sub-path, no host files, the policy in a
 * <meta> tag on every page, and an HTML page standing in for each redirect.
 * Served as GitHub Pages serves it (no headers at all) and read in Chromium.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedOriginWarning } from "../../src/deploy/github-pages.ts";
import { metaCsp, policyOptions } from "../../src/deploy/policy.ts";
import { launchBrowser } from "../support/browser.ts";
import { buildSite, FIXTURE_CONTENT } from "../support/build.ts";
import { serveDist, type Served } from "../support/serve.ts";

const BASE = "/path2practice/";
let dist: string;
let log: string;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  // As the workflow builds it without a custom domain: the origin GitHub reports, the repository as sub-path.
  ({ dist, log } = await buildSite({
    name: "github-pages",
    content: FIXTURE_CONTENT,
    env: { TZ: "UTC", SITE_BASE: "/path2practice", SITE_URL: "https://fixture-owner.github.io", DEPLOY_TARGET: "github-pages" },
  }));
  served = await serveDist(dist, { base: BASE });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const read = (file: string) => fs.readFileSync(path.join(dist, file), "utf8");
const metaOf = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]?.replace(/&#39;|&apos;/g, "'");

/** Opens a page and returns the CSP violations it reported. */
async function violationsOn(pathname: string, ready: (page: Page) => Promise<unknown>): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __v: string[] }).__v = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"}`));
  });
  await page.goto(`${served.origin}${pathname}`);
  await ready(page);
  // Late requests (fonts, lazy modules) report their violations when made: wait until none is left.
  await page.waitForLoadState("networkidle");
  return { page, violations: await page.evaluate(() => (window as unknown as { __v: string[] }).__v) };
}

describe("the GitHub Pages build", () => {
  it("writes no _headers or _redirects (GitHub Pages would publish them as files)", () => {
    expect(fs.existsSync(path.join(dist, "_headers"))).toBe(false);
    expect(fs.existsSync(path.join(dist, "_redirects"))).toBe(false);
  });

  it("puts the public policy, minus header-only directives, at the top of every page's head", () => {
    const home = read("index.html");
    expect(metaOf(home)).toBe(metaCsp("public", policyOptions({})));
    expect(home.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(home.indexOf("<link"));
    for (const page of ["blog/welcome/index.html", "tags/index.html", "404.html"]) expect(metaOf(read(page)), page).toContain("object-src 'none'");
    expect(metaOf(home)).not.toContain("frame-ancestors");
  });

  it("gives the CMS page its own policy in a <meta> tag", () => {
    expect(metaOf(read("admin/index.html"))).toBe(metaCsp("admin", policyOptions({})));
  });

  it("stands an HTML page in for each old address, pointing at the new one under the base", () => {
    const page = read("post/welcome-old/index.html");
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/path2practice/blog/welcome/">');
    expect(page).toContain('<link rel="canonical" href="https://fixture-owner.github.io/path2practice/blog/welcome/">');
    expect(page).toContain('<a href="/path2practice/blog/welcome/">');
    expect(fs.existsSync(path.join(dist, "single-post/2020/01/15/welcome/index.html"))).toBe(true);
    expect(fs.existsSync(path.join(dist, "post/hero-image/index.html"))).toBe(true);
  });

  it("warns in the build log that the CMS shares the <owner>.github.io origin with the owner's other sites", () => {
    const line = log.split("\n").find((l) => l.includes("GitHub Pages without a custom domain"));
    expect(line).toBeDefined();
    expect(line).toContain("https://fixture-owner.github.io/path2practice/admin/");
    expect(line).toContain('every other GitHub Pages site of "fixture-owner"');
    expect(line).toMatch(/custom domain .*Netlify or Cloudflare Pages/);
  });

  it("gives no such warning for a custom domain or another host", () => {
    expect(sharedOriginWarning("https://www.path2practice.com", "/")).toBeUndefined();
    expect(sharedOriginWarning("https://github.io.example.org", "/")).toBeUndefined();
    expect(sharedOriginWarning("https://Someone.GitHub.io", "/")).toContain('site of "someone"');
  });

  it("sends a reader on an old address to the new page in the browser", async () => {
    const { page, violations } = await violationsOn(`${BASE}post/welcome-old/`, (p) => p.waitForURL(/\/blog\/welcome\/$/));
    expect(new URL(page.url()).pathname).toBe(`${BASE}blog/welcome/`);
    expect(violations).toEqual([]);
    await page.close();
  });

  it("works under the sub-path with the <meta> policy alone: styles, links and no violations", async () => {
    const { page, violations } = await violationsOn(BASE, (p) => p.locator("main h1").waitFor());
    const sheets = await page.evaluate(() => [...document.styleSheets].filter((s) => s.href).length);
    expect(sheets).toBeGreaterThan(0);
    const hrefs = await page.$$eval("a[href^='/']", (as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.filter((h) => !h.startsWith(BASE))).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });

  it("finds posts on the search page under the sub-path with no violations", async () => {
    const { page, violations } = await violationsOn(`${BASE}search/?q=welcome`, (p) =>
      p.locator('[data-search-page] a[href*="/blog/welcome/"]').first().waitFor({ timeout: 15_000 }),
    );
    expect(await page.locator('[data-search-page] a[href*="/path2practice/blog/welcome/"]').count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await page.close();
  });
});
