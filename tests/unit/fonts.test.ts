import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CORE, FACES, LATIN, REST, unicodeRange } from "../../src/fonts/faces.ts";
import { generateFonts } from "../../src/fonts/generate.ts";
import { ROOT } from "../support/build.ts";

const STYLES = path.join(ROOT, "src/styles");
/** The code points a unicode-range value ("U+0000-007E, U+00A0") covers. */
const covered = (range: string) =>
  new Set(
    range.split(", ").flatMap((part) => {
      const [from = 0, to = from] = part
        .slice(2)
        .split("-")
        .map((hex) => parseInt(hex, 16));
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    }),
  );

describe("font subsets", () => {
  it("the committed core files and fonts.css are exactly what `npm run fonts` makes from the installed @fontsource packages", async () => {
    const { css, files } = await generateFonts();
    expect(fs.readFileSync(path.join(STYLES, "fonts.css"), "utf8")).toBe(css);
    const committed = fs.readdirSync(path.join(STYLES, "fonts")).filter((f) => f.endsWith(".woff2"));
    expect(committed.sort()).toEqual([...files.keys()].sort());
    for (const [name, bytes] of files) expect(fs.readFileSync(path.join(STYLES, "fonts", name)).equals(bytes), name).toBe(true);
  }, 60_000);

  it("splits every face's Latin range in two without overlap or gap", () => {
    const core = covered(unicodeRange(CORE));
    const rest = covered(unicodeRange(REST));
    for (const c of LATIN) expect(Number(core.has(c)) + Number(rest.has(c)), `U+${c.toString(16)}`).toBe(1);
    expect(core.size + rest.size).toBe(new Set(LATIN).size);
    expect(unicodeRange(REST)).toMatch(/^U\+007F-009F, U\+00A1-00A8, /);
  });

  it("keeps ASCII and prose punctuation in the core files, which are much smaller than the full ones", async () => {
    const text = String.fromCodePoint(...CORE);
    for (const ch of "Aa Zz 09 .,;:!?'\"()&@#%/- \u2019\u201c\u201d\u2013\u2014\u2026\u00a0") expect(text).toContain(ch);
    expect(text).not.toContain("é");
    const { files } = await generateFonts();
    for (const face of FACES) {
      const full = fs.statSync(path.join(ROOT, "node_modules", face.source)).size;
      expect(files.get(face.core)!.length, face.core).toBeLessThan(full * 0.75);
    }
  }, 60_000);
});
