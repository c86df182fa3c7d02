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
   * `swap` for the faces every page uses (preloaded, so in place before the first paint).
   * `optional` for italics: a page preloads them only when it has italic text, and one that
   * arrives late would swap in with other line breaks and move the text below; optional
   * keeps the fallback for that page view instead.
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

/** Code point ranges, inclusive. */
export type Ranges = Array<[number, number]>;

/** @fontsource's "latin" subset, as its CSS declares it. */
export const LATIN: Ranges = [
  [0x0000, 0x00ff],
  [0x0131, 0x0131],
  [0x0152, 0x0153],
  [0x02bb, 0x02bc],
  [0x02c6, 0x02c6],
  [0x02da, 0x02da],
  [0x02dc, 0x02dc],
  [0x0304, 0x0304],
  [0x0308, 0x0308],
  [0x0329, 0x0329],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2191, 0x2191],
  [0x2193, 0x2193],
  [0x2212, 0x2212],
  [0x2215, 0x2215],
  [0xfeff, 0xfeff],
  [0xfffd, 0xfffd],
];

/**
 * What the core files cover: ASCII, the no-break space, and the punctuation
 * of ordinary English prose and of the site's own pages (curly quotes,
 * dashes, ellipsis, bullet, middle dot, copyright sign). Control characters
 * and the byte-order mark draw nothing, but are routed here too, so that a
 * stray one never sends a page for the rest file.
 */
export const CORE: Ranges = [
  [0x0000, 0x007e],
  [0x00a0, 0x00a0],
  [0x00a9, 0x00a9],
  [0x00b7, 0x00b7],
  [0x2013, 0x2014],
  [0x2018, 0x2019],
  [0x201c, 0x201d],
  [0x2022, 0x2022],
  [0x2026, 0x2026],
  [0xfeff, 0xfeff],
];

/** The code points of `ranges`, as a string (the glyphs a subset keeps). */
export function rangeText(ranges: Ranges): string {
  let text = "";
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) if (c >= 0x20) text += String.fromCodePoint(c);
  return text;
}

/** `ranges` minus `minus`, merged and sorted. */
export function subtract(ranges: Ranges, minus: Ranges): Ranges {
  const out: Ranges = [];
  const taken = (c: number) => minus.some(([a, b]) => c >= a && c <= b);
  for (const [from, to] of [...ranges].sort((x, y) => x[0] - y[0])) {
    for (let c = from; c <= to; c++) {
      if (taken(c)) continue;
      const last = out[out.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else out.push([c, c]);
    }
  }
  return out;
}

/** A CSS unicode-range value: "U+0000-007E, U+00A0, ...". */
export function unicodeRange(ranges: Ranges): string {
  const hex = (c: number) => c.toString(16).toUpperCase().padStart(4, "0");
  return ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(", ");
}
