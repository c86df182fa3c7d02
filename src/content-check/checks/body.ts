/** Walks a Markdown body once and hands links, images and raw HTML to the checks, with file line numbers. */
import type { Html, Image, Link } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { Entry } from "../validate.ts";

/** Something found in a body, with its line in the file. */
type Found<T> = { node: T; line: number };
/** The links, images and raw HTML of one body. */
type BodyParts = { links: Array<Found<Link>>; images: Array<Found<Image>>; html: Array<Found<Html>> };

const cache = new WeakMap<Entry, BodyParts>();
// The site pipeline's syntax: bare URLs are links on the page, so they are checked like written ones.
const parser = unified().use(remarkParse).use(remarkGfm);

/** Parses an entry's body (cached per entry). Code blocks are not searched: code may show anything. */
export function bodyParts(entry: Entry): BodyParts {
  const hit = cache.get(entry);
  if (hit) return hit;
  const parts: BodyParts = { links: [], images: [], html: [] };
  if (entry.body.trim()) {
    const tree = parser.parse(entry.body);
    const line = (n: { position?: { start: { line: number } } | undefined }) => entry.bodyLine + (n.position?.start.line ?? 1) - 1;
    visit(tree, (node) => {
      if (node.type === "link") parts.links.push({ node, line: line(node) });
      else if (node.type === "image") parts.images.push({ node, line: line(node) });
      else if (node.type === "html") parts.html.push({ node, line: line(node) });
    });
  }
  cache.set(entry, parts);
  return parts;
}

/** `src` attributes of <img> tags in raw HTML. */
export function htmlImageSources(html: string): Array<{ src: string; alt: string | undefined }> {
  const out: Array<{ src: string; alt: string | undefined }> = [];
  for (const m of html.matchAll(/<img\b[^>]*>/gi)) {
    const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[0]);
    const alt = /\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[0]);
    if (src) out.push({ src: src[1] ?? src[2] ?? src[3] ?? "", alt: alt ? (alt[1] ?? alt[2] ?? alt[3]) : undefined });
  }
  return out;
}
