/**
 * The design in a real browser (Debian's Chromium) on the fixture build:
 * no sideways scrolling from 360px phones to 1440px screens and at 200% zoom,
 * readable body text, a ~65-character measure, visible focus, a warm dark
 * mode and a clean printed article.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useFixtureBrowser } from "../support/fixture-browser.ts";
import { TEMPLATE_PAGES } from "../support/screenshots.ts";

const fixture = useFixtureBrowser();

async function open(path: string, width: number, options: { colorScheme?: "light" | "dark"; deviceScaleFactor?: number } = {}): Promise<Page> {
  const page = await fixture.browser.newPage({ viewport: { width, height: 800 }, colorScheme: options.colorScheme ?? "light" });
  await page.goto(fixture.server.url + path);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

describe("responsive layout", () => {
  // 640 CSS pixels is a 1280px laptop window zoomed to 200%; 360 is a small phone.
  for (const width of [360, 640, 1024, 1440]) {
    it(`never scrolls sideways at ${width}px on any template`, async () => {
      const page = await fixture.browser.newPage({ viewport: { width, height: 800 } });
      const overflowing: string[] = [];
      for (const [name, path] of Object.entries(TEMPLATE_PAGES)) {
        await page.goto(fixture.server.url + path);
        const { scroll, client } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        if (scroll > client) overflowing.push(`${name}: ${scroll}px content in ${client}px`);
      }
      await page.close();
      expect(overflowing).toEqual([]);
    });
  }
});

describe("reading comfort", () => {
  it("sets post text at 18px or more on a phone, with a line height near 1.6", async () => {
    const page = await open(TEMPLATE_PAGES["post"]!, 375);
    const { size, lineHeight } = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector(".prose p")!);
      return { size: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize) };
    });
    await page.close();
    expect(size).toBeGreaterThanOrEqual(18);
    expect(lineHeight).toBeGreaterThanOrEqual(1.5);
    expect(lineHeight).toBeLessThanOrEqual(1.75);
  });

  it("keeps lines of post text to about 65 characters on a wide screen", async () => {
    const page = await open(TEMPLATE_PAGES["post"]!, 1440);
    // A long paragraph of ordinary English in the post's own text column, measured as laid out.
    const perLine = await page.evaluate(() => {
      const p = document.createElement("p");
      p.textContent = "Massage is peaceful, rewarding work and it can be lonely work as well. ".repeat(40).trim();
      document.querySelector(".prose")!.append(p);
      const lines = Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
      return p.textContent.length / lines;
    });
    await page.close();
    expect(perLine).toBeGreaterThan(55);
    expect(perLine).toBeLessThan(80);
  });
});

describe("keyboard use", () => {
  it("shows the skip link on the first Tab and moves focus to the main content", async () => {
    const page = await open(TEMPLATE_PAGES["post"]!, 1280);
    await page.keyboard.press("Tab");
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { text: el.textContent?.trim(), top: box.top, bottom: box.bottom };
    });
    expect(skip.text).toBe("Skip to content");
    expect(skip.top).toBeGreaterThanOrEqual(0);
    expect(skip.bottom).toBeGreaterThan(skip.top);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.close();
  });

  it("draws a visible focus ring on links", async () => {
    const page = await open(TEMPLATE_PAGES["blog"]!, 1280);
    for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { tag: document.activeElement!.tagName, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    await page.close();
    expect(ring.tag).toBe("A");
    expect(ring.style).toBe("solid");
    expect(ring.width).toBeGreaterThanOrEqual(2);
  });
});

describe("colour schemes and print", () => {
  it("follows the system's dark setting with a warm brown-black, not blue-grey", async () => {
    const page = await open("", 1280, { colorScheme: "dark" });
    const [r, g, b] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.slice(0, 3).map(Number));
    await page.close();
    expect(r! + g! + b!).toBeLessThan(120);
    expect(r).toBeGreaterThan(b!);
  });

  it("prints a post as a clean article: no header, footer, navigation or callout, black on white", async () => {
    const page = await open(TEMPLATE_PAGES["post"]!, 1280);
    await page.emulateMedia({ media: "print" });
    const printed = await page.evaluate(() => {
      const shown = (sel: string) => [...document.querySelectorAll(sel)].some((el) => getComputedStyle(el).display !== "none");
      return {
        header: shown("header.site-header"),
        footer: shown("footer.site-footer"),
        postNav: shown(".post-nav"),
        callout: shown("[data-program-callout]"),
        title: shown("article h1"),
        text: shown(".prose p"),
        background: getComputedStyle(document.body).backgroundColor,
        color: getComputedStyle(document.querySelector(".prose p")!).color,
      };
    });
    await page.close();
    expect(printed).toEqual({
      header: false,
      footer: false,
      postNav: false,
      callout: false,
      title: true,
      text: true,
      background: "rgb(255, 255, 255)",
      color: "rgb(0, 0, 0)",
    });
  });
});
