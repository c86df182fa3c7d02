/**
 * The built fixture site, served with exactly the headers of its generated
 * `_headers` file, works in Chromium without a single CSP violation.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureDist } from "../support/build.ts";
import { CHROME_FLAGS, launchBrowser } from "../support/browser.ts";
import type { Served } from "../support/serve.ts";
import { serveLikeHost } from "./host.ts";

// The CMS turns to a local decap-server when opened on localhost or 127.0.0.1;
// a public-looking host name shows it as the owner sees it in production.
const HOST = "p2p-site.test";

let browser: Browser;
let served: Served;
let origin: string;
const dist = () => fixtureDist("main");

beforeAll(async () => {
  served = await serveLikeHost(dist());
  origin = served.origin.replace("127.0.0.1", HOST);
  // Decap needs a secure context (crypto.randomUUID), as on the real https site.
  browser = await launchBrowser({
    args: [...CHROME_FLAGS, `--host-resolver-rules=MAP ${HOST} 127.0.0.1`, `--unsafely-treat-insecure-origin-as-secure=${origin}`],
  });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

interface Visit {
  page: Page;
  violations: string[];
  cspConsole: string[];
  status: number | undefined;
  headers: Record<string, string>;
}

/** Opens a page recording every `securitypolicyviolation` event (from the first script on) and CSP console messages. */
async function visit(pathname: string, ready: (page: Page) => Promise<unknown>): Promise<Visit> {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const cspConsole: string[] = [];
  page.on("console", (m) => {
    // Chromium words Trusted Types refusals as "This document requires 'TrustedHTML' assignment".
    if (/content security policy|refused to|trusted ?(html|script|types)/i.test(m.text())) cspConsole.push(m.text());
  });
  const response = await page.goto(`${origin}${pathname}`, { waitUntil: "load" });
  await ready(page);
  // Late requests (fonts, lazy modules) report their violations when made: wait until none is left.
  await page.waitForLoadState("networkidle");
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  return { page, violations, cspConsole, status: response?.status(), headers: (await response?.allHeaders()) ?? {} };
}

describe("the built site under its generated security headers", () => {
  it("serves the home page with the strict public policy and no violations", async () => {
    const v = await visit("/", (p) => p.locator("main h1").waitFor());
    expect(v.status).toBe(200);
    expect(v.headers["content-security-policy"]).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(v.headers["content-security-policy"]).not.toContain("unsafe-inline");
    expect(v.headers["content-security-policy"]).toContain("require-trusted-types-for 'script'; trusted-types search-ui");
    expect(v.headers["x-content-type-options"]).toBe("nosniff");
    // The page actually styled itself from its files: the body font is the site's, not the browser default.
    expect(await v.page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toBe("");
    expect(v.violations).toEqual([]);
    expect(v.cspConsole).toEqual([]);
    await v.page.close();
  });

  it("shows a post with its hero image and no violations", async () => {
    const v = await visit("/blog/hero-image/", (p) => p.locator("article img").first().waitFor());
    expect(v.status).toBe(200);
    expect(
      await v.page
        .locator("article img")
        .first()
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    ).toBe(true);
    expect(v.violations).toEqual([]);
    expect(v.cspConsole).toEqual([]);
    await v.page.close();
  });

  it("shows the topic index and a topic page with no violations", async () => {
    for (const p of ["/tags/", "/tags/series/"]) {
      const v = await visit(p, (page) => page.locator("main h1").waitFor());
      expect(v.status, p).toBe(200);
      expect(v.violations, p).toEqual([]);
      expect(v.cspConsole, p).toEqual([]);
      await v.page.close();
    }
  });

  it("finds posts on the search page (Pagefind's WebAssembly under the policy) with no violations", async () => {
    const v = await visit("/search/?q=welcome", (p) =>
      p.locator('[data-search-page] a[href*="/blog/welcome/"]').first().waitFor({ timeout: 15_000 }),
    );
    expect(await v.page.locator('[data-search-page] a[href*="/blog/welcome/"]').first().isVisible()).toBe(true);
    expect(v.violations).toEqual([]);
    expect(v.cspConsole).toEqual([]);
    await v.page.close();
  });

  it("searches from the header's script-free search dialog on a post page, under Trusted Types, with no violations", async () => {
    const v = await visit("/blog/hero-image/", async (p) => {
      await p.locator("[data-search-open]").click();
      const field = p.getByRole("searchbox", { name: "Search posts" }).first();
      await field.fill("welcome");
      await field.press("Enter");
      await p.locator('[data-search-page] a[href*="/blog/welcome/"]').first().waitFor({ timeout: 15_000 });
    });
    expect(new URL(v.page.url()).pathname).toBe("/search/");
    expect(await v.page.locator('[data-search-page] a[href*="/blog/welcome/"]').first().isVisible()).toBe(true);
    expect(await v.page.locator("[data-search-page] .search-result-excerpt").first().innerHTML()).not.toBe("");
    expect(v.violations).toEqual([]);
    expect(v.cspConsole).toEqual([]);
    await v.page.close();
  });

  it("searches in the header's live search dialog on an ordinary page, under Trusted Types, with no violations", async () => {
    const v = await visit("/tags/", async (p) => {
      await p.locator("main h1").waitFor();
      await p.locator("[data-search-open]").click();
      await p.locator("dialog.search-dialog input[type=search]").fill("welcome");
      await p.locator('dialog.search-dialog a[href*="/blog/welcome/"]').first().waitFor({ timeout: 15_000 });
    });
    expect(await v.page.locator("dialog.search-dialog .search-result-excerpt").first().innerHTML()).not.toBe("");
    expect(v.violations).toEqual([]);
    expect(v.cspConsole).toEqual([]);
    await v.page.close();
  });

  it("shows the program page with no violations", async () => {
    const v = await visit("/program/", (p) => p.locator("main h1").waitFor());
    expect(v.status).toBe(200);
    expect(v.violations).toEqual([]);
    expect(v.cspConsole).toEqual([]);
    await v.page.close();
  });

  it("loads the CMS to its login screen under its own single policy, with no violations", async () => {
    const v = await visit("/admin/", (p) =>
      p
        .getByRole("button", { name: /log ?in|sign ?in/i })
        .first()
        .waitFor({ timeout: 30_000 }),
    );
    expect(v.headers["content-security-policy"]).toContain("'unsafe-eval'");
    expect(v.headers["content-security-policy"]).not.toContain(",");
    expect(v.headers["cross-origin-opener-policy"]).toBe("same-origin-allow-popups");
    expect(v.headers["cache-control"]).toBe("no-store");
    expect(v.violations).toEqual([]);
    expect(v.cspConsole).toEqual([]);
    await v.page.close();
  });

  it("answers an old address with a 301 to the new one, which then loads", async () => {
    const v = await visit("/post/welcome-old", (p) => p.locator("main h1").waitFor());
    expect(v.page.url()).toBe(`${origin}/blog/welcome/`);
    const first = await fetch(`${served.origin}/single-post/2020/01/15/welcome`, { redirect: "manual" });
    expect(first.status).toBe(301);
    expect(first.headers.get("location")).toBe("/blog/welcome/");
    expect(v.violations).toEqual([]);
    await v.page.close();
  });
});
