/**
 * Font loading in a real browser on the fixture build: a page in plain
 * English fetches only the small core file of each face it uses
 * (src/lib/fonts/faces.ts); a page with an accented letter also fetches the
 * rest of Latin for that face, and shows the letter in the site's font.
 */
import { describe, expect, it } from "vitest";
import { useFixtureBrowser } from "../support/fixture-browser.ts";

const fixture = useFixtureBrowser();

/** The font files a page fetched once it has drawn its text. */
async function fontsFetched(path: string): Promise<string[]> {
  const page = await fixture.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const fonts: string[] = [];
  page.on("request", (req) => {
    if (req.resourceType() === "font") fonts.push(new URL(req.url()).pathname.replace(/^.*\//, "").replace(/\.[\w-]+\.woff2$/, ".woff2"));
  });
  await page.goto(fixture.server.url + path, { waitUntil: "networkidle" });
  await page.evaluate(() => document.fonts.ready);
  await page.close();
  return fonts.sort();
}

describe("fonts", () => {
  it("fetches only the core files on a page in plain English", async () => {
    expect(await fontsFetched("blog/welcome/")).toEqual(["literata-600-core.woff2", "source-sans-3-400-core.woff2", "source-sans-3-600-core.woff2"]);
  });

  it("adds the rest of Latin for the heading face when a title says café", async () => {
    const fonts = await fontsFetched("blog/special-characters/");
    expect(fonts).toContain("literata-latin-600-normal.woff2");
    expect(fonts).toEqual(expect.arrayContaining(["literata-600-core.woff2", "source-sans-3-400-core.woff2", "source-sans-3-600-core.woff2"]));
  });

  it("draws the accented letter with Literata, not a fallback face", async () => {
    const page = await fixture.browser.newPage();
    await page.goto(fixture.server.url + "blog/special-characters/", { waitUntil: "networkidle" });
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return (
        document.fonts.check('600 32px "Literata"', "é") &&
        [...document.fonts].some((f) => f.family.replace(/"/g, "") === "Literata" && f.status === "loaded" && f.unicodeRange.includes("U+B8-FF"))
      );
    });
    await page.close();
    expect(loaded).toBe(true);
  });

  it("preloads the italic face on a page whose first screen has italics, so nothing moves when it arrives", async () => {
    const context = await fixture.browser.newContext({ viewport: { width: 375, height: 812 } });
    await context.addInitScript(() => {
      const w = window as unknown as { __cls: number };
      w.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as Array<PerformanceEntry & { value: number }>) w.__cls += e.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    const page = await context.newPage();
    await page.goto(fixture.server.url + "program/", { waitUntil: "networkidle" });
    const preloads = await page.$$eval('link[rel="preload"][as="font"]', (links) => links.map((l) => l.getAttribute("href") ?? ""));
    const hasItalic = await page.$eval(".hero em", (em) => getComputedStyle(em).fontStyle);
    const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
    await context.close();
    expect(hasItalic).toBe("italic");
    expect(preloads.some((href) => href.includes("source-sans-3-400-italic-core"))).toBe(true);
    expect(cls).toBe(0);
  });

  it("does not preload the italic face on a page without italics", async () => {
    const page = await fixture.browser.newPage();
    await page.goto(fixture.server.url + "blog/welcome/");
    const preloads = await page.$$eval('link[rel="preload"][as="font"]', (links) => links.map((l) => l.getAttribute("href") ?? ""));
    await page.close();
    expect(preloads).toHaveLength(3);
    expect(preloads.some((href) => href.includes("italic"))).toBe(false);
  });
});
