/**
 * What an image file really is, read from its first bytes ("magic numbers"),
 * not from its name: a file called photo.jpg may be an SVG with a script in
 * it, or not an image at all. Used by the content check, the build and the
 * importer. https://mimesniff.spec.whatwg.org/#matching-an-image-type-pattern
 */

/** Image formats the site publishes. */
export type RasterType = "jpeg" | "png" | "gif" | "webp" | "avif";

/** File extensions (lower case, no dot) each published format may carry. */
export const EXTENSIONS_OF: Readonly<Record<RasterType, readonly string[]>> = {
  jpeg: ["jpg", "jpeg"],
  png: ["png"],
  gif: ["gif"],
  webp: ["webp"],
  avif: ["avif"],
};

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** What a file's first bytes say it is: a raster format, SVG (never published) or unknown. 64 bytes are enough; SVG needs a few hundred. */
export function sniffImageType(bytes: Uint8Array): RasterType | "svg" | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return "gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  // ISO-BMFF: a box of type "ftyp" whose major brand is an AVIF one.
  if (ascii(bytes, 4, 8) === "ftyp" && /^avi[fs]$/.test(ascii(bytes, 8, 12))) return "avif";
  if (looksLikeSvg(bytes)) return "svg";
  return undefined;
}

/** Text that opens (after an optional BOM, XML declaration, comments or doctype) with an <svg> element. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, "");
  const rest = head.replace(/^(\s*(<\?xml[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>))*\s*/i, "");
  return /^<svg[\s>]/i.test(rest) || /<svg[\s>]/i.test(head.slice(0, 512));
}

/** The lower-case extension of a file name, without the dot ("" when none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > fileName.lastIndexOf("/") && dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

/** Whether a file name's extension is one its real format may carry. */
export function extensionMatches(fileName: string, type: RasterType): boolean {
  return EXTENSIONS_OF[type].includes(extensionOf(fileName));
}
