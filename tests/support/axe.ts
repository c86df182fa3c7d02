/**
 * axe-core (WCAG 2.2 AA) over one page in light and dark, at phone and desktop
 * widths. axe is injected from node_modules, never fetched.
 *
 * The markup is the same in every view; the colour scheme changes colours and
 * the width changes layout (and so which elements show). So every WCAG rule runs
 * once, in the first view, and the other views, on the same page after a viewport
 * or colour-scheme change, rerun only the rules whose result those changes can
 * alter: colours (contrast, links told apart from text) in every view, sizes and
 * overflow (target size, scrollable regions) at phone width. Page overflow at
 * phone width is checked in tests/browser/screens.test.ts.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
const LAYOUT_RULES = ["target-size", "scrollable-region-focusable"];

export const VIEWS = [
  { width: 1280, height: 900, colorScheme: "light" },
  { width: 1280, height: 900, colorScheme: "dark" },
  { width: 375, height: 800, colorScheme: "light" },
  { width: 375, height: 800, colorScheme: "dark" },
] as const;
export type View = (typeof VIEWS)[number];

export const viewLabel = (view: View) => `${view.width}px ${view.colorScheme}`;
const rulesFor = (view: View) => (view.width < 1280 ? [...COLOUR_RULES, ...LAYOUT_RULES] : COLOUR_RULES);

interface AxeResult {
  violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>;
  passes: Array<{ id: string }>;
}
type Axe = { run: (context: unknown, options: unknown) => Promise<AxeResult> };

/**
 * Runs axe on the loaded `page` in every view (`include`: selectors of the parts to check, the
 * whole page when absent) and returns each violation as "view: rule [impact] help: targets".
 * Fails when axe checked too little: fewer than `minPasses` passing rules in the first view, or
 * no contrast checked in another.
 */
export async function axeViolations(page: Page, { include, minPasses }: { include?: string[]; minPasses: number }): Promise<string[]> {
  await page.evaluate(AXE);
  const context = include ? { include: include.map((selector) => [selector]) } : null;
  const found: string[] = [];
  const run = async (view: View, runOnly: { type: "tag" | "rule"; values: string[] }) => {
    await page.setViewportSize({ width: view.width, height: view.height });
    await page.emulateMedia({ colorScheme: view.colorScheme });
    const result = await page.evaluate(([c, o]) => (window as unknown as { axe: Axe }).axe.run(c ?? document, o), [context, { runOnly }] as const);
    for (const v of result.violations)
      found.push(
        `${viewLabel(view)}: ${v.id} [${v.impact}] ${v.help}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(", ")}`,
      );
    return result;
  };
  const [first, ...others] = VIEWS;
  // axe really ran its rules on this page (an empty result would prove nothing).
  expect((await run(first, { type: "tag", values: TAGS })).passes.length, viewLabel(first)).toBeGreaterThan(minPasses);
  for (const view of others) {
    const result = await run(view, { type: "rule", values: rulesFor(view) });
    // The parts checked have text, so the contrast rule checked something in this view.
    expect(
      result.passes.map((p) => p.id),
      viewLabel(view),
    ).toContain("color-contrast");
  }
  return found;
}
