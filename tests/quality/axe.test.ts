/**
 * Zero axe-core violations (WCAG 2.2 AA) on every page template of the fixture
 * build, in light and dark, at phone and desktop widths. axe is injected from
 * node_modules, never fetched.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureDist } from "../support/build.ts";
import { axeViolations, VIEWS, viewLabel } from "../support/axe.ts";
import { launchBrowser } from "../support/browser.ts";
import { serveDist, type Served } from "../support/serve.ts";

/** One page per template; `ready` waits for what scripts render. */
const TEMPLATES: Array<{ name: string; url: string; file: string; ready?: (page: Page) => Promise<unknown> }> = [
  { name: "home", url: "/", file: "index.html" },
  { name: "blog list", url: "/blog/", file: "blog/index.html" },
  { name: "blog page 2", url: "/blog/2/", file: "blog/2/index.html" },
  { name: "post", url: "/blog/welcome/", file: "blog/welcome/index.html" },
  { name: "post with image", url: "/blog/hero-image/", file: "blog/hero-image/index.html" },
  { name: "tag index", url: "/tags/", file: "tags/index.html" },
  { name: "tag page", url: "/tags/series/", file: "tags/series/index.html" },
  { name: "about", url: "/about/", file: "about/index.html" },
  { name: "404", url: "/no-such-page/", file: "404.html" },
  {
    name: "search with results",
    url: "/search/?q=welcome",
    file: "search/index.html",
    ready: (p) => p.locator('[data-search-page] a[href*="/blog/welcome/"]').first().waitFor({ timeout: 15_000 }),
  },
  { name: "program", url: "/program/", file: "program/index.html" },
  { name: "archive", url: "/blog/archive/", file: "blog/archive/index.html" },
  { name: "thanks", url: "/thanks/", file: "thanks/index.html" },
];

let browser: Browser;
let served: Served;
const dist = () => fixtureDist("main");

beforeAll(async () => {
  served = await serveDist(dist());
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe("accessibility (axe-core, WCAG 2.2 AA)", () => {
  for (const t of TEMPLATES) {
    it(`finds no violations on ${t.name} (${t.url}) at ${VIEWS.map(viewLabel).join(", ")}`, async () => {
      // A template missing from the build fails here rather than going unchecked.
      expect(fs.existsSync(path.join(dist(), t.file)), `${t.name}: ${t.file} is not in the build`).toBe(true);
      const [first] = VIEWS;
      const context = await browser.newContext({ viewport: { width: first.width, height: first.height }, colorScheme: first.colorScheme });
      try {
        const page = await context.newPage();
        await page.goto(`${served.origin}${t.url}`, { waitUntil: "load" });
        await t.ready?.(page);
        expect(await axeViolations(page, { minPasses: 10 })).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
