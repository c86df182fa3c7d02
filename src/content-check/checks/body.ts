/** Walks a Markdown body once and hands its links and images, written as Markdown or as HTML, to the checks, with file line numbers. */
import type { Element } from "hast";
import { fromHtml } from "hast-util-from-html";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { Entry } from "../validate.ts";

/** The links and images of one body, each with its line in the file. */
type BodyParts = { links: Array<{ href: string; line: number }>; images: Array<{ src: string; alt: string | undefined; line: number }> };

const cache = new WeakMap<Entry, BodyParts>();
// The site pipeline's syntax: bare URLs are links on the page, so they are checked like written ones.
const parser = unified().use(remarkParse).use(remarkGfm);

/** Parses an entry's body (cached per entry). Code blocks are not searched: code may show anything. */
export function bodyParts(entry: Entry): BodyParts {
  const hit = cache.get(entry);
  if (hit) return hit;
  const parts: BodyParts = { links: [], images: [] };
  visit(parser.parse(entry.body), (node) => {
    const line = entry.bodyLine + (node.position?.start.line ?? 1) - 1;
    if (node.type === "link") parts.links.push({ href: node.url, line });
    else if (node.type === "image") parts.images.push({ src: node.url, alt: node.alt ?? "", line });
    else if (node.type === "html" && /<(a|img)\b/i.test(node.value)) {
      visit(fromHtml(node.value, { fragment: true }), "element", ({ tagName, properties: { href, src, alt } }: Element) => {
        if (tagName === "a" && typeof href === "string") parts.links.push({ href, line });
        if (tagName === "img" && typeof src === "string") parts.images.push({ src, alt: typeof alt === "string" ? alt : undefined, line });
      });
    }
  });
  cache.set(entry, parts);
  return parts;
}
