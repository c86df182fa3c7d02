/**
 * WCAG 2.2 contrast of every text/background token pair, light and dark,
 * computed from src/styles/tokens.css itself (not from a copy of the values).
 * https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const css = fs.readFileSync(path.resolve(import.meta.dirname, "../../src/styles/tokens.css"), "utf8");

/** `--name: #hex` declarations of a block of CSS. */
function colours(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{3,8})\b/gi)) out[m[1]!] = m[2]!.toLowerCase();
  return out;
}

const darkStart = css.indexOf("@media (prefers-color-scheme: dark)");
const light = colours(css.slice(0, darkStart));
const dark = { ...light, ...colours(css.slice(darkStart)) };

/** Relative luminance of an sRGB hex colour. */
export function luminance(hex: string): number {
  const h = hex.replace("#", "");
  const full = h.length === 3 ? [...h].map((c) => c + c).join("") : h.slice(0, 6);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const BACKGROUNDS = ["bg", "surface", "surface-2", "accent-soft"];
const TEXT = ["text", "muted", "accent", "accent-hover", "clay", "draft"];

describe("the contrast computation", () => {
  it("matches known reference values", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrast("#ffffff", "#ffffff")).toBe(1);
  });
});

for (const [scheme, palette] of [
  ["light", light],
  ["dark", dark],
] as const) {
  describe(`the ${scheme} palette`, () => {
    it("defines every token the pairs below use", () => {
      for (const name of [...BACKGROUNDS, ...TEXT, "accent-contrast", "focus"]) expect(palette[name], name).toMatch(/^#/);
    });

    for (const bg of BACKGROUNDS) {
      for (const fg of TEXT) {
        it(`has AA contrast (4.5:1) for ${fg} text on ${bg}`, () => {
          const ratio = contrast(palette[fg]!, palette[bg]!);
          expect(ratio, `${fg} ${palette[fg]} on ${bg} ${palette[bg]}: ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
        });
      }
    }

    it("has AA contrast for button text on the accent and its hover shade", () => {
      expect(contrast(palette["accent-contrast"]!, palette["accent"]!)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(palette["accent-contrast"]!, palette["accent-hover"]!)).toBeGreaterThanOrEqual(4.5);
    });

    it("has a focus ring visible (3:1) against every background", () => {
      for (const bg of BACKGROUNDS) expect(contrast(palette["focus"]!, palette[bg]!), bg).toBeGreaterThanOrEqual(3);
    });
  });
}
