/**
 * Zero axe-core violations (WCAG 2.2 AA) on every page template of the fixture
 * build, in light and dark, at phone and desktop widths. axe is injected from
 * node_modules, never fetched.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureDist } from "../support/build.ts";
import { launchBrowser } from "../support/browser.ts";
import { serveDist, type Served } from "../support/serve.ts";

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

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

const VIEWS = [
  { width: 1280, height: 900, colorScheme: "light" },
  { width: 1280, height: 900, colorScheme: "dark" },
  { width: 375, height: 800, colorScheme: "light" },
  { width: 375, height: 800, colorScheme: "dark" },
] as const;
type View = (typeof VIEWS)[number];

/**
 * The markup is the same in every view; the colour scheme changes colours and
 * the width changes layout (and so which elements show). So every WCAG rule runs
 * once per template at 1280 px light, and the other views, on the same page
 * after a viewport or colour-scheme change, rerun only the rules whose result
 * those changes can alter: colours (contrast, links told apart from text) in
 * every view, sizes and overflow (target size, scrollable regions) at phone
 * width. Page overflow at phone width is checked in tests/browser/screens.test.ts.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
const LAYOUT_RULES = ["target-size", "scrollable-region-focusable"];
const rulesFor = (view: View) => (view.width < 1280 ? [...COLOUR_RULES, ...LAYOUT_RULES] : COLOUR_RULES);
const label = (view: View) => `${view.width}px ${view.colorScheme}`;

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

interface AxeResult {
  violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>;
  passes: Array<{ id: string }>;
}

type Axe = { run: (o: unknown) => Promise<AxeResult> };

describe("accessibility (axe-core, WCAG 2.2 AA)", () => {
  for (const t of TEMPLATES) {
    it(`finds no violations on ${t.name} (${t.url}) at ${VIEWS.map(label).join(", ")}`, async () => {
      // A template missing from the build fails here rather than going unchecked.
      expect(fs.existsSync(path.join(dist(), t.file)), `${t.name}: ${t.file} is not in the build`).toBe(true);
      const [first, ...others] = VIEWS;
      const context = await browser.newContext({ viewport: { width: first.width, height: first.height }, colorScheme: first.colorScheme });
      const found: string[] = [];
      try {
        const page = await context.newPage();
        await page.goto(`${served.origin}${t.url}`, { waitUntil: "load" });
        await t.ready?.(page);
        await page.evaluate(AXE);
        const run = async (view: View, runOnly: { type: "tag" | "rule"; values: string[] }) => {
          const result = await page.evaluate((options) => (window as unknown as { axe: Axe }).axe.run(options), { runOnly });
          for (const v of result.violations)
            found.push(
              `${label(view)}: ${v.id} [${v.impact}] ${v.help}: ${v.nodes
                .map((n) => n.target.join(" "))
                .slice(0, 5)
                .join(", ")}`,
            );
          return result;
        };
        // axe really ran its rules on this page (an empty result would prove nothing).
        expect((await run(first, { type: "tag", values: TAGS })).passes.length, label(first)).toBeGreaterThan(10);
        for (const view of others) {
          await page.setViewportSize({ width: view.width, height: view.height });
          await page.emulateMedia({ colorScheme: view.colorScheme });
          const result = await run(view, { type: "rule", values: rulesFor(view) });
          // Every template has text, so the contrast rule checked something in this view.
          expect(
            result.passes.map((p) => p.id),
            label(view),
          ).toContain("color-contrast");
        }
      } finally {
        await context.close();
      }
      expect(found).toEqual([]);
    });
  }
});
