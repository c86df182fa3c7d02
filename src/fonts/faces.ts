/**
 * The site's font faces and how they are split. Each @fontsource Latin file
 * (about 220 glyphs) is cut in two: a "core" file holding what almost every
 * page uses (ASCII and common typographic punctuation, about 110 glyphs,
 * 7-11 KB), linked first and preloaded, and the rest of Latin (accented
 * letters and rarer signs), which the browser fetches only for a page whose
 * text has one of them (CSS unicode-range). Every page saves about half of
 * its font bytes; a page with "café" costs one extra file.
 * https://developer.mozilla.org/en-US/docs/Web/CSS/@font-face/unicode-range
 */

/** One face: family, weight, style, and the @fontsource Latin file it comes from. */
export interface Face {
  family: string;
  weight: number;
  style: "normal" | "italic";
  /** Package path of the @fontsource Latin WOFF2 file. */
  source: string;
  /** Name of the core file in src/styles/fonts/. */
  core: string;
  /**
   * `swap` for the faces every page preloads. `optional` for italics, preloaded only where used:
   * arriving late, they would swap in with other line breaks and move the text below.
   */
  display: "swap" | "optional";
}

/** A face of an @fontsource package, with its Latin file and the name of the core file cut from it. */
function face(pkg: string, family: string, weight: number, style: Face["style"]): Face {
  return {
    family,
    weight,
    style,
    source: `@fontsource/${pkg}/files/${pkg}-latin-${weight}-${style}.woff2`,
    core: `${pkg}-${weight}${style === "italic" ? "-italic" : ""}-core.woff2`,
    display: style === "italic" ? "optional" : "swap",
  };
}

export const FACES: readonly Face[] = [
  face("literata", "Literata", 600, "normal"),
  face("source-sans-3", "Source Sans 3", 400, "normal"),
  face("source-sans-3", "Source Sans 3", 600, "normal"),
  face("source-sans-3", "Source Sans 3", 400, "italic"),
];

/** The code points of a CSS unicode-range value ("U+0000-00FF,U+0131"), in its order. */
function codePoints(css: string): number[] {
  return css.split(",").flatMap((range) => {
    const [from = 0, to = from] = range
      .trim()
      .slice(2)
      .split("-")
      .map((hex) => parseInt(hex, 16));
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

/** @fontsource's "latin" subset, as its CSS (and `unicode.json`) declares it. */
export const LATIN = codePoints(
  "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
);

/**
 * What the core files cover: ASCII, the no-break space, and the punctuation
 * of ordinary English prose and of the site's own pages (copyright sign,
 * middle dot, dashes, curly quotes, bullet, ellipsis). Control characters
 * and the byte-order mark draw nothing, but are routed here too, so that a
 * stray one never sends a page for the rest file.
 */
export const CORE = codePoints("U+0000-007E,U+00A0,U+00A9,U+00B7,U+2013-2014,U+2018-2019,U+201C-201D,U+2022,U+2026,U+FEFF");

/** The rest of Latin: what only some pages' text needs. */
export const REST = LATIN.filter((c) => !CORE.includes(c));

/** A CSS unicode-range value of ascending code points, consecutive ones as one range: "U+0000-007E, U+00A0, ...". */
export function unicodeRange(points: readonly number[]): string {
  const runs: Array<[number, number]> = [];
  for (const c of points) {
    const last = runs.at(-1);
    if (last?.[1] === c - 1) last[1] = c;
    else runs.push([c, c]);
  }
  const hex = (c: number) => c.toString(16).toUpperCase().padStart(4, "0");
  return runs.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(", ");
}
