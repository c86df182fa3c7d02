/**
 * What the importer refuses to bring over from a source it does not control:
 * addresses that run code or smuggle content (javascript:, data:, vbscript:,
 * anything but web, mail and phone links), images whose bytes are not the
 * raster format their name claims, SVG (it can carry scripts), and files
 * outside the source's own folder.
 */
import fs from "node:fs";
import isPathInside from "is-path-inside";
import type { Link, Root } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import { extensionOf, extensionMatches, sniffImageType } from "../lib/image-type.ts";

/** Schemes a link or image in an imported post may use. */
const ALLOWED_SCHEMES = new Set(["http:", "https:", "mailto:", "tel:"]);

/**
 * The scheme of a link that must not be imported ("javascript:"), or undefined for a safe or relative one.
 * Parsed as a browser would: "  JaVa\tScript:alert(1)" is a javascript: link too.
 */
export function unsafeScheme(url: string): string | undefined {
  const protocol = URL.parse(url, "https://old.invalid/")?.protocol;
  return protocol && !ALLOWED_SCHEMES.has(protocol) ? protocol : undefined;
}

/**
 * Why an image file must not be imported, from its name and bytes
 * (undefined when it may): SVG never, and a raster image only under a name whose extension fits its format.
 */
function imageRefusal(fileName: string, bytes: Uint8Array): string | undefined {
  const type = sniffImageType(bytes);
  if (type === "svg") return "it is an SVG image, which can carry scripts; SVG is never imported";
  if (extensionOf(fileName) === "svg") return "SVG images are never imported";
  if (type === undefined) return "its bytes are not a JPEG, PNG, GIF, WebP or AVIF image";
  if (!extensionMatches(fileName, type)) return `it is named .${extensionOf(fileName) || "(none)"} but its bytes are a ${type.toUpperCase()} image`;
  return undefined;
}

/** What a local file named by the source turned out to be. */
type LocalImage = { kind: "image"; file: string } | { kind: "missing" } | { kind: "refused"; reason: string };

/** A local image named by the source: copied only when its real path is inside `sourceDir` and its bytes fit its name. */
export function openLocalImage(file: string, sourceDir: string): LocalImage {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return { kind: "missing" };
  }
  if (!isPathInside(real, fs.realpathSync(sourceDir)))
    return { kind: "refused", reason: "it is outside the source's folder; only files next to the source are copied" };
  if (!fs.statSync(real).isFile()) return { kind: "missing" };
  const bytes = fs.readFileSync(real);
  // The copy is named after the real file, the post after the name the source gave: both must fit the bytes.
  const reason = imageRefusal(file, bytes) ?? imageRefusal(real, bytes);
  return reason ? { kind: "refused", reason } : { kind: "image", file: real };
}

/** A long address cut for the report (data: addresses run to kilobytes). */
export function shorten(text: string, limit = 80): string {
  const t = text.replace(/\s+/g, " ");
  return t.length > limit ? `${t.slice(0, limit - 1)}…` : t;
}

/** Turns links that would run code or carry content (javascript:, data:...) into their plain text, noting each in `dropped`. */
export function removeUnsafeLinks(tree: Root, dropped: string[]): void {
  visit(tree, "link", (node: Link, index, parent) => {
    const scheme = unsafeScheme(node.url);
    if (!scheme || !parent || index === undefined) return undefined;
    dropped.push(`link with a ${scheme} address ${shorten(node.url)}: removed, its text "${shorten(mdastToString(node))}" kept`);
    parent.children.splice(index, 1, ...node.children);
    return index;
  });
}
