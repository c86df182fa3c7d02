/**
 * What the sanitizer would remove from a Markdown body, with the line it is
 * on and what to do instead: for `content:check`, the build's content guard
 * and the CMS save guard, so nothing is dropped without the author knowing.
 *
 * It does not restate the allow-list: the body goes through the pipeline's
 * own first steps (Markdown, remark-rehype, raw HTML) and then the real
 * sanitizer with the real schema (sanitize-schema.ts); every element that
 * does not come out, or comes out changed, is reported.
 */
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { find, html } from "property-information";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import { remarkRehypeOptions } from "./pipeline.ts";
import rehypeRawHtml from "./rehype-raw-html.ts";
import { sanitizeSchema } from "./sanitize-schema.ts";

/** One thing the sanitizer removes: its 1-based line in the Markdown text, and what to do instead, in plain words. */
type Removal = { line: number; message: string; hint: string };

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
  if (tag === "input") return elementHint(tag);
  if (attribute === "style") return "inline styles are not allowed; the site's own styles apply to every post";
  return 'remove the attribute; it is not on the list of allowed HTML (see "Raw HTML in posts" in README.md)';
}

/** The element the sanitizer makes of a lone `<tag property=value>`, if it keeps one. */
function sanitizedAlone(tagName: string, property: string, value: string): Element | undefined {
  const root = sanitize({ type: "root", children: [{ type: "element", tagName, properties: { [property]: value }, children: [] }] });
  const node = root.children[0];
  return node?.type === "element" ? node : undefined;
}

/** Whether an element was written as an HTML tag (not made from Markdown syntax). */
function writtenAsHtml(node: Element, markdown: string): boolean {
  const offset = node.position?.start.offset;
  return offset !== undefined && /^<[a-z][a-z0-9-]*[\s/>]/i.test(markdown.slice(offset, offset + 40));
}

/** What the sanitizer changed on an element it kept: attributes it dropped or rewrote, or ones it had to add. */
function changes(node: Element, safe: Element, markdown: string, line: number): Removal[] {
  // Attributes the schema requires were added: the element is not what the author wrote (an <input> made a disabled checkbox).
  if (Object.keys(safe.properties).some((key) => node.properties[key] === undefined)) {
    return [{ line, message: `raw <${node.tagName}> is not allowed`, hint: elementHint(node.tagName) }];
  }
  return Object.entries(node.properties)
    .filter(([key, value]) => value != null && JSON.stringify(safe.properties[key]) !== JSON.stringify(value))
    .map(([key, value]): Removal => {
      const name = find(html, key).attribute;
      // With a harmless address in its place the attribute stays: it was the address that was refused.
      if (typeof value === "string" && key in (sanitizeSchema.protocols ?? {}) && sanitizedAlone(node.tagName, key, "#")?.properties[key] === "#") {
        const kind = writtenAsHtml(node, markdown) ? "HTML" : node.tagName === "img" ? "an image" : "a link";
        const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase() ?? "disallowed";
        return {
          line,
          message: `a ${scheme}: address in ${kind}`,
          hint: "use an https://, mailto: or tel: address, or a site address such as /blog/",
        };
      }
      if (/^on/i.test(name)) return { line, message: `HTML attribute "${name}" runs code`, hint: "posts cannot run code; remove the attribute" };
      return { line, message: `HTML attribute "${name}" on <${node.tagName}> is not allowed`, hint: attributeHint(name, node.tagName) };
    });
}

/**
 * The start of an address the sanitizer keeps as written: a lowercase http(s) scheme, or a
 * relative address (no colon, and no character reference that could spell one). Anything else
 * (mailto:, an upper-case scheme, `&`) is left to the sanitizer itself.
 */
const KEPT_ADDRESS = /^(?:https?:\/\/|[^:&]*$)/;

/**
 * Whether a Markdown text can hold anything the sanitizer changes: raw HTML (`<`), or a link, image
 * or definition whose address (judged up to the next space, even past a line break and a quote's `>`,
 * so parentheses or a second link cannot pass) is not a kept one. Markdown syntax alone makes only
 * allowed elements, so most posts skip the parse: at 1,000 posts it is most of the content check.
 */
function maySanitize(markdown: string): boolean {
  if (markdown.includes("<")) return true;
  for (const [, link, definition] of markdown.matchAll(/\]\([\s>]*(?=(\S*))|\]:[\s>]*(?=(\S*))/g))
    if (!KEPT_ADDRESS.test(link ?? definition ?? "")) return true;
  return false;
}

/** Everything the sanitizer removes from a Markdown text, in document order. */
export function findRemovedHtml(markdown: string): Removal[] {
  if (!maySanitize(markdown)) return [];
  const file = { value: markdown };
  const tree: Root = toHast.runSync(toHast.parse(file), file);
  // The sanitizer copies each node's `data`: a number put there finds every element it kept.
  const numberOf = (node: Element) => (node.data as { removedHtml?: number } | undefined)?.removedHtml;
  let count = 0;
  visit(tree, "element", (node) => {
    node.data = { ...node.data, removedHtml: ++count } as Element["data"];
  });
  const kept = new Map<number | undefined, Element>();
  visit(sanitize(tree), "element", (node) => void kept.set(numberOf(node), node));
  const out: Removal[] = [];
  visit(tree, "element", (node) => {
    const line = node.position?.start.line ?? 1;
    const safe = kept.get(numberOf(node));
    if (safe) return void out.push(...changes(node, safe, markdown, line));
    out.push({ line, message: `raw <${node.tagName}> is not allowed`, hint: elementHint(node.tagName) });
    // A stripped element goes with its content, so there is nothing more to say about what it holds.
    return (sanitizeSchema.strip ?? []).includes(node.tagName) ? SKIP : undefined;
  });
  return out;
}

/** Whether the sanitizer removes an address written in a link (`href` as written in Markdown or HTML, entities allowed). */
export function removesLinkAddress(href: string): boolean {
  // Without a colon (written or as a character reference) an address is relative, and relative addresses stay.
  if (!/[:&]/.test(href)) return false;
  const a = fromHtml(`<a href="${href.replace(/"/g, "&quot;")}"></a>`, { fragment: true }).children[0];
  const value = a?.type === "element" ? a.properties["href"] : undefined;
  return typeof value === "string" && sanitizedAlone("a", "href", value)?.properties["href"] !== value;
}
