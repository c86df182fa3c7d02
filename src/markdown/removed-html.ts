/**
 * What the sanitizer would remove from a Markdown body, with the line it is
 * on and what to do instead: for `content:check`, the build's content guard
 * and the CMS save guard, so nothing is dropped without the author knowing.
 *
 * It does not restate the allow-list: the body goes through the pipeline's
 * own first steps (Markdown, remark-rehype, raw HTML), and each element is
 * run through the real sanitizer with the real schema (sanitize-schema.ts),
 * together with its ancestors (some elements are allowed only inside others).
 * Whatever does not come out unchanged is reported.
 */
import type { Element, ElementContent, Properties, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import { unified } from "unified";
import { remarkRehypeOptions } from "./pipeline.ts";
import rehypeRawHtml from "./rehype-raw-html.ts";
import { sanitizeSchema } from "./sanitize-schema.ts";

/** One thing the sanitizer removes. */
export interface Removal {
  /** 1-based line in the Markdown text. */
  line: number;
  message: string;
  /** What to do instead, in plain words. */
  hint: string;
}

const sanitize = rehypeSanitize(sanitizeSchema);
// The pipeline's syntax without its other remark plugins, which only measure the text.
const toHast = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, remarkRehypeOptions).use(rehypeRawHtml).freeze();

/** Plain-English advice per kind of element. */
const ELEMENT_HINTS: Array<[RegExp, string]> = [
  [/^script$/, "embedded scripts are not allowed; use a link"],
  [
    /^(iframe|frame|frameset|object|embed|applet|portal|video|audio|track)$/,
    "embedded frames, players and objects are not allowed; use a link to the page instead",
  ],
  [
    /^(form|input|button|select|textarea|option|optgroup|fieldset|legend|datalist|output|label)$/,
    "forms are not allowed in posts; link to the page that has the form",
  ],
  [/^(style|link)$/, "style sheets are not allowed; the site's own styles apply to every post"],
  [/^(meta|base|head|title|html|body)$/, "page settings such as a refresh, a base address or a title are not allowed in a post"],
  [/^(svg|math)$/, "inline SVG and MathML are not allowed; use an image file: JPEG, PNG, WebP, AVIF or GIF"],
];

function elementHint(tag: string): string {
  return (
    ELEMENT_HINTS.find(([pattern]) => pattern.test(tag))?.[1] ??
    'this element is not on the list of allowed HTML (see "Raw HTML in posts" in README.md); use Markdown or an allowed element'
  );
}

function attributeHint(attribute: string, tag: string): string {
  if (/^on/i.test(attribute)) return "posts cannot run code; remove the attribute";
  if (tag === "input") return elementHint(tag);
  if (attribute === "style") return "inline styles are not allowed; the site's own styles apply to every post";
  return 'remove the attribute; it is not on the list of allowed HTML (see "Raw HTML in posts" in README.md)';
}

/** The attribute as written in HTML (`onClick` → `onclick`, `className` → `class`, `ariaLabel` → `aria-label`). */
function attributeName(property: string): string {
  const special: Record<string, string> = { className: "class", htmlFor: "for", httpEquiv: "http-equiv", acceptCharset: "accept-charset" };
  if (special[property]) return special[property];
  if (/^(aria|data)[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}

/** An element with no children, for a check of its own tag and attributes. */
function bare(node: Element, properties: Properties = node.properties): Element {
  return { type: "element", tagName: node.tagName, properties, children: [] };
}

/** The chain of elements the sanitizer keeps from `ancestors` (each with one child) ending in `leaf`. */
function keptChain(ancestors: Element[], leaf?: Element): Element[] {
  let inner: Element | undefined = leaf;
  for (const ancestor of [...ancestors].reverse()) inner = { ...bare(ancestor), children: inner ? [inner] : [] };
  const chain: Element[] = [];
  let level: Root | Element = sanitize({ type: "root", children: inner ? [inner] : [] });
  for (;;) {
    const children: ElementContent[] = level.children as ElementContent[];
    const next: Element | undefined = children.find((c): c is Element => c.type === "element");
    if (!next) return chain;
    chain.push(next);
    level = next;
  }
}

/**
 * Runs `node` (without its children) through the sanitizer inside its
 * ancestors; the safe element, or nothing. Whether an element stays depends
 * only on its name, its ancestors' names and its attributes, never on its
 * children: so it stayed exactly when the kept chain is one element longer
 * with it than without it.
 */
function sanitized(ancestors: Element[], node: Element, properties?: Properties): Element | undefined {
  const chain = keptChain(ancestors, bare(node, properties));
  return chain.length > keptChain(ancestors).length ? chain.at(-1) : undefined;
}

/** The scheme of an address (`javascript`), or undefined for relative addresses. */
function scheme(url: string): string | undefined {
  const m = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url);
  return m ? m[1]!.toLowerCase() : undefined;
}

function describeUrl(value: string, tag: string, fromHtml: boolean): Removal["message"] {
  const kind = fromHtml ? "HTML" : tag === "img" ? "an image" : "a link";
  return `a ${scheme(value) ?? "disallowed"}: address in ${kind}`;
}

/** Whether an element was written as an HTML tag (not made from Markdown syntax). */
function writtenAsHtml(node: Element, markdown: string): boolean {
  const offset = node.position?.start.offset;
  return offset !== undefined && /^<[a-z][a-z0-9-]*[\s/>]/i.test(markdown.slice(offset, offset + 40));
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function checkElement(node: Element, ancestors: Element[], markdown: string, out: Removal[]): boolean {
  const line = node.position?.start.line ?? 1;
  const safe = sanitized(ancestors, node);
  if (!safe) {
    out.push({ line, message: `raw <${node.tagName}> is not allowed`, hint: elementHint(node.tagName) });
    return !(sanitizeSchema.strip ?? []).includes(node.tagName);
  }
  // Attributes the schema requires were added: the element is not what the author wrote (an <input> made a disabled checkbox).
  if (Object.keys(safe.properties).some((key) => !same(safe.properties[key], node.properties[key]) && node.properties[key] === undefined)) {
    out.push({ line, message: `raw <${node.tagName}> is not allowed`, hint: elementHint(node.tagName) });
    return true;
  }
  for (const [key, value] of Object.entries(node.properties)) {
    if (value === undefined || value === null || same(safe.properties[key], value)) continue;
    const name = attributeName(key);
    // With a harmless address in its place the attribute stays: it was the address that was refused.
    const urlRefused =
      typeof value === "string" &&
      key in (sanitizeSchema.protocols ?? {}) &&
      same(sanitized(ancestors, node, { ...node.properties, [key]: "#" })?.properties[key], "#");
    if (urlRefused)
      out.push({
        line,
        message: describeUrl(value, node.tagName, writtenAsHtml(node, markdown)),
        hint: "use an https://, mailto: or tel: address, or a site address such as /blog/",
      });
    else if (/^on/i.test(name)) out.push({ line, message: `HTML attribute "${name}" runs code`, hint: attributeHint(name, node.tagName) });
    else out.push({ line, message: `HTML attribute "${name}" on <${node.tagName}> is not allowed`, hint: attributeHint(name, node.tagName) });
  }
  return true;
}

function walk(nodes: ElementContent[] | Root["children"], ancestors: Element[], markdown: string, out: Removal[]): void {
  for (const node of nodes) {
    if (node.type !== "element") continue;
    const descend = checkElement(node, ancestors, markdown, out);
    // `<template>` keeps its children in `content`; the sanitizer drops it whole, so there is nothing more to say.
    if (descend) walk(node.children, [...ancestors, node], markdown, out);
  }
}

/** Markdown without `<`, links, images or definitions is made only of elements and addresses the schema allows. */
function plainMarkdown(markdown: string): boolean {
  return !/<|\]\(|\]:/.test(markdown);
}

/** Everything the sanitizer removes from a Markdown text, in document order. */
export function findRemovedHtml(markdown: string): Removal[] {
  if (plainMarkdown(markdown)) return [];
  const file = { value: markdown };
  const tree = toHast.runSync(toHast.parse(file), file);
  const out: Removal[] = [];
  walk(tree.children, [], markdown, out);
  return out;
}

/** Whether the sanitizer removes an address written in a link (`href` as written in Markdown or HTML, entities allowed). */
export function removesLinkAddress(href: string): boolean {
  // Without a colon (written or as a character reference) an address is relative, and relative addresses stay.
  if (!/[:&]/.test(href)) return false;
  const parsed = fromHtml(`<a href="${href.replace(/"/g, "&quot;")}"></a>`, { fragment: true });
  const a = parsed.children[0];
  if (!a || a.type !== "element") return false;
  const value = a.properties["href"];
  return typeof value === "string" && sanitized([], a)?.properties["href"] !== value;
}
