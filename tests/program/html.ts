/** Small HTML helpers for the program tests: parse once, find elements by attribute, read text. */
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";

/** Parses a built page. */
export const parseHtml = (html: string): Root => fromHtml(html);

/** Every element matching a predicate, in document order. */
export function findAll(tree: Root | Element, match: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, "element", (el: Element) => {
    if (match(el)) found.push(el);
  });
  return found;
}

/** Elements carrying an attribute (hast property name, e.g. "dataSection"), optionally with a value. */
export const byAttr = (tree: Root | Element, prop: string, value?: string) =>
  findAll(tree, (el) => el.properties[prop] !== undefined && (value === undefined || String(el.properties[prop]) === value));

/** Text content of an element, whitespace collapsed. */
export const text = (el: Element | Root) => toString(el).replace(/\s+/g, " ").trim();

/** The parsed JSON-LD blocks of a page. */
export function jsonLd(tree: Root): Array<Record<string, unknown>> {
  return findAll(tree, (el) => el.tagName === "script" && el.properties["type"] === "application/ld+json").map(
    (el) => JSON.parse(toString(el)) as Record<string, unknown>,
  );
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString("latin1") !== "PNG") throw new Error("not a PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
