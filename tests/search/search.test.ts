/**
 * Search in real Chromium on the built fixture sites (root and sub-path), served over HTTP.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { fixtureDist } from "../support/build.ts";
import { measureSearchTransfer } from "../support/search-transfer.ts";
import { serveDist, type Served } from "../support/serve.ts";

let browser: Browser;
let site: Served;
let subpath: Served;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await serveDist(fixtureDist("main"));
  subpath = await serveDist(fixtureDist("subpath"), { base: "/path2practice/" });
});

afterAll(async () => {
  await browser.close();
  await site.close();
  await subpath.close();
});

/** A fresh page that records every request path. */
async function openPage(url: string): Promise<{ page: Page; requested: string[] }> {
  const page = await browser.newPage();
  const requested: string[] = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(url, { waitUntil: "networkidle" });
  return { page, requested };
}

/** Waits until the status line of the visible search panel reports on `query`, then returns result titles. */
async function resultsFor(page: Page, scope: string, query: string): Promise<string[]> {
  await page.waitForFunction(([s, q]) => (document.querySelector(`${s} .search-status`)?.textContent ?? "").includes(`“${q}”`), [
    scope,
    query,
  ] as const);
  return page.locator(`${scope} .search-result-link`).allTextContents();
}

async function typeInDialog(page: Page, query: string): Promise<string[]> {
  await page.keyboard.press("/");
  const input = page.locator(".search-dialog[open] .search-input");
  await input.waitFor();
  await input.fill(query);
  return resultsFor(page, ".search-dialog", query);
}

describe("search on the built site", () => {
  it("loads nothing from /pagefind/ on the home page or the blog list until search opens", async () => {
    for (const path of ["", "blog/"]) {
      const { page, requested } = await openPage(`${site.url}${path}`);
      expect(requested.filter((p) => p.includes("/pagefind/"))).toEqual([]);
      const scriptsBefore = requested.filter((p) => p.endsWith(".js"));
      await typeInDialog(page, "welcome");
      expect(requested.some((p) => p.endsWith("/pagefind/pagefind.js"))).toBe(true);
      // The dialog and panel code arrive only now, in scripts of their own.
      const scriptsAfter = requested.filter((p) => p.startsWith("/_astro/") && p.endsWith(".js") && !scriptsBefore.includes(p));
      expect(scriptsAfter.length).toBeGreaterThan(0);
      await page.close();
    }
  });

  it("lists the post whose title holds the word first, above a post that only repeats it in the body", async () => {
    const { page } = await openPage(site.url);
    const titles = await typeInDialog(page, "lanternfish");
    expect(titles[0]).toBe("Lanternfish evenings for a solo practice");
    expect(titles).toContain("Notes from a long week");
    await page.close();
  });

  it("shows each result's date, highlighted excerpt and tags", async () => {
    const { page } = await openPage(site.url);
    await typeInDialog(page, "lanternfish");
    const body = page.locator(".search-dialog .search-result", { hasText: "Notes from a long week" });
    await expect(body.locator("time").getAttribute("datetime")).resolves.toBe("2025-02-03");
    await expect(body.locator("time").textContent()).resolves.toBe("February 3, 2025");
    await expect(body.locator(".search-result-excerpt mark").first().textContent()).resolves.toMatch(/lanternfish/i);
    await expect(body.locator(".search-result-tags li").allTextContents()).resolves.toEqual(["Search fixture", "Writing"]);
    await page.close();
  });

  it("says so when a word appears nowhere", async () => {
    const { page } = await openPage(site.url);
    const titles = await typeInDialog(page, "qwxzvbnonexistent");
    expect(titles).toEqual([]);
    await expect(page.locator(".search-dialog .search-status").textContent()).resolves.toMatch(/^No results for “qwxzvbnonexistent”/);
    await page.close();
  });

  it("never finds words that only appear in the header, navigation or footer", async () => {
    const { page } = await openPage(site.url);
    // The footer shows the studio's location, "Olympia, Washington".
    expect(await typeInDialog(page, "Olympia")).toEqual([]);
    // "Skip to content" is the skip link in every page's header.
    await page.locator(".search-dialog .search-input").fill("Skip");
    expect(await resultsFor(page, ".search-dialog", "Skip")).toEqual([]);
    await page.close();
  });

  it("never finds a draft's unique word or a scheduled post's", async () => {
    const { page } = await openPage(site.url);
    expect(await typeInDialog(page, "zanzibarquux")).toEqual([]);
    await page.locator(".search-dialog .search-input").fill("futurewordxyz");
    expect(await resultsFor(page, ".search-dialog", "futurewordxyz")).toEqual([]);
    await page.close();
  });

  it("narrows results with the tag filter, loading Pagefind's filter data only then", async () => {
    const { page, requested } = await openPage(`${site.url}search/?q=lanternfish`);
    const all = await resultsFor(page, "[data-search-page]", "lanternfish");
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(requested.filter((p) => p.includes("/pagefind/filter/"))).toEqual([]);
    await page.locator("[data-search-page] select[name=tag]").selectOption("Writing");
    await page.waitForFunction(() => document.querySelectorAll("[data-search-page] .search-result").length === 1);
    expect(await page.locator("[data-search-page] .search-result-link").allTextContents()).toEqual(["Notes from a long week"]);
    expect(new URL(page.url()).searchParams.get("tag")).toBe("Writing");
    expect(requested.filter((p) => p.includes("/pagefind/filter/")).length).toBeGreaterThan(0);
    await page.close();
  });

  it("offers each tag once, in its canonical spelling, and years from the posts' dates", async () => {
    const { page } = await openPage(`${site.url}search/`);
    await page.waitForFunction(() => document.querySelectorAll("[data-search-page] select[name=tag] option").length > 1);
    const tags = await page.locator("[data-search-page] select[name=tag] option").allTextContents();
    expect(tags.filter((t) => t.toLowerCase() === "networking")).toHaveLength(1);
    expect(tags).not.toContain("Drafttag");
    const years = await page.locator("[data-search-page] select[name=year] option").allTextContents();
    expect(years).toContain("2025");
    expect(years).toContain("2024");
    await page.close();
  });

  it("opens a deep link ?q= with its results and keeps the URL in step as the reader types", async () => {
    const { page } = await openPage(`${site.url}search/?q=heronlight`);
    await expect(page.locator("[data-search-page] .search-input").inputValue()).resolves.toBe("heronlight");
    expect(await resultsFor(page, "[data-search-page]", "heronlight")).toEqual(["Welcome to the studio blog"]);
    await page.locator("[data-search-page] .search-input").fill("lanternfish");
    await resultsFor(page, "[data-search-page]", "lanternfish");
    expect(new URL(page.url()).search).toBe("?q=lanternfish");
    await page.close();
  });

  it("sorts by date, newest first, when asked", async () => {
    const { page } = await openPage(`${site.url}search/?q=lanternfish&sort=date`);
    expect(await resultsFor(page, "[data-search-page]", "lanternfish")).toEqual([
      "Notes from a long week",
      "Lanternfish evenings for a solo practice",
    ]);
    await page.close();
  });

  it("ships no script on a post page, whose header button opens a search dialog that sends the query to the search page", async () => {
    const { page, requested } = await openPage(`${site.url}blog/welcome/`);
    expect(requested.filter((p) => /\.m?js$/.test(p))).toEqual([]);
    const opener = page.locator("[data-search-open]");
    await expect(opener.evaluate((el) => el.tagName)).resolves.toBe("BUTTON");
    await opener.click();
    const dialog = page.locator("dialog.search-popover");
    await dialog.waitFor({ state: "visible" });
    await expect(page.locator("#site-search-q").evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // Escape closes it and hands focus back to the button, with no script on the page.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expect(page.evaluate(() => document.activeElement?.hasAttribute("data-search-open"))).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "visible" });
    await page.keyboard.type("heronlight");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=heronlight$/);
    expect(await resultsFor(page, "main", "heronlight")).toEqual(["Welcome to the studio blog"]);
    await page.close();
  });

  it("opens the dialog with / and Ctrl+K, moves through results with the arrow keys, and closes with Escape, returning focus", async () => {
    const { page } = await openPage(`${site.url}blog/`);
    await page.locator("[data-search-open]").focus();
    await typeInDialog(page, "lanternfish");
    await expect(page.locator(".search-dialog .search-status").getAttribute("role")).resolves.toBe("status");
    await page.keyboard.press("ArrowDown");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Lanternfish evenings for a solo practice");
    await page.keyboard.press("ArrowDown");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Notes from a long week");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await expect(page.evaluate(() => document.activeElement?.classList.contains("search-input"))).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await expect(page.locator(".search-dialog").isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.hasAttribute("data-search-open"))).resolves.toBe(true);
    await page.keyboard.press("Control+k");
    await expect(page.locator(".search-dialog[open] .search-input").evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.close();
  });

  it("keeps the header search working without JavaScript: a plain link on ordinary pages, the dialog's form on posts", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}blog/`);
    await page.locator("[data-search-open]").click();
    await page.waitForURL(/\/search\/$/);
    const note = page.locator(".search-nojs");
    await expect(note.isVisible()).resolves.toBe(true);
    await expect(note.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).resolves.toEqual(["/tags/", "/blog/"]);
    await page.goto(`${site.url}blog/welcome/`);
    await page.locator("[data-search-open]").click();
    await page.locator("#site-search-q").fill("heronlight");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=heronlight$/);
    await expect(note.isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("searches under a sub-path, with result links inside it", async () => {
    const { page, requested } = await openPage(`${subpath.url}blog/`);
    expect(requested.filter((p) => p.includes("/pagefind/"))).toEqual([]);
    expect(await typeInDialog(page, "heronlight")).toEqual(["Welcome to the studio blog"]);
    await expect(page.locator(".search-dialog .search-result-link").getAttribute("href")).resolves.toBe("/path2practice/blog/welcome/");
    expect(requested).toContain("/path2practice/pagefind/pagefind.js");
    await page.close();
  });

  it("reports bytes for a first and a second search", async () => {
    const transfer = await measureSearchTransfer(site.url, ["lanternfish", "heronlight"], { browser });
    expect(transfer.pageLoad.pagefindBytes).toBe(0);
    expect(transfer.first.results).toBe(2);
    expect(transfer.first.pagefindBytes).toBeGreaterThan(10_000);
    expect(transfer.second.results).toBe(1);
    // The second query reuses pagefind.js and the WebAssembly: only index chunks and fragments travel.
    expect(transfer.second.bytes).toBeLessThan(transfer.first.bytes / 4);
  });
});
