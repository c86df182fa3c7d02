/**
 * HTML to Markdown with rehype and remark: the builder's markup is cleaned
 * (widgets, scripts, empty paragraphs removed; bold/italic spans made real
 * emphasis; headings shifted below the page title), then rehype-remark turns
 * it into a Markdown tree and remark-stringify writes it.
 * https://github.com/rehypejs/rehype-remark
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toString as hastToString } from "hast-util-to-string";
import type { Root as MdastRoot, RootContent } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import rehypeRemark from "rehype-remark";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { isWidgetAttribute, isWidgetText } from "./widgets.ts";

/** Elements that are never part of a post's text. */
const DROP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "button",
  "form",
  "input",
  "select",
  "textarea",
  "nav",
  "header",
  "footer",
  "aside",
  "link",
  "meta",
  "object",
  "embed",
  "canvas",
  "title",
]);

/** Parses an HTML fragment or document into a hast tree. */
export function parseHtml(html: string, fragment = true): HastRoot {
  return fromHtml(html, { fragment });
}

function attr(el: Element, name: string): string {
  const v = el.properties[name];
  return Array.isArray(v) ? v.join(" ") : v === undefined || v === null ? "" : String(v);
}

/** The image address of an <img>, including the lazy-loading attributes builders use. */
export function imageSource(el: Element): string {
  return attr(el, "src") || attr(el, "dataSrc") || attr(el, "dataPinMedia") || "";
}

function isWidgetElement(el: Element): boolean {
  const marks = [attr(el, "className"), attr(el, "id"), attr(el, "dataHook"), attr(el, "ariaLabel")].join(" ");
  if (marks.trim() && isWidgetAttribute(marks)) return true;
  const hasImage = JSON.stringify(el).includes('"tagName":"img"');
  return !hasImage && isWidgetText(hastToString(el));
}

/** Cleans a hast tree in place; returns notes about what the owner should look at. */
export function cleanHtml(tree: HastRoot | Element): string[] {
  const notes: string[] = [];
  const walk = (parent: HastRoot | Element) => {
    const out: Array<HastContent & ElementContent> = [];
    for (const child of parent.children as Array<HastContent & ElementContent>) {
      if (child.type === "comment" || (child as { type: string }).type === "doctype") continue;
      if (child.type !== "element") {
        out.push(child);
        continue;
      }
      const el = child;
      if (DROP.has(el.tagName)) continue;
      if (el.tagName === "iframe" || el.tagName === "video") {
        const src = attr(el, "src");
        if (src) {
          out.push({
            type: "element",
            tagName: "p",
            properties: {},
            children: [{ type: "element", tagName: "a", properties: { href: src }, children: [{ type: "text", value: src }] }],
          });
          notes.push(`an embedded video or frame was turned into a link: ${src}`);
        }
        continue;
      }
      if (isWidgetElement(el)) continue;
      if (el.tagName === "img") {
        const src = imageSource(el);
        if (!src) continue;
        el.properties = { src, alt: attr(el, "alt") };
        out.push(el);
        continue;
      }
      walk(el);
      const style = attr(el, "style");
      let node: Element = el;
      if (el.tagName === "span" || el.tagName === "font") {
        if (/font-style\s*:\s*italic/i.test(style)) node = { type: "element", tagName: "em", properties: {}, children: [node] };
        if (/font-weight\s*:\s*(bold|[6-9]00)/i.test(style)) node = { type: "element", tagName: "strong", properties: {}, children: [node] };
      }
      out.push(node);
    }
    parent.children = out;
  };
  walk(tree);
  shiftHeadings(tree);
  return notes;
}

/** The post title is the page's only h1: shift the body's headings so the highest becomes h2. */
function shiftHeadings(tree: HastRoot | Element): void {
  const headings: Element[] = [];
  const find = (n: HastRoot | Element) => {
    for (const c of n.children) {
      if (c.type !== "element") continue;
      if (/^h[1-6]$/.test(c.tagName)) headings.push(c);
      find(c);
    }
  };
  find(tree);
  const top = Math.min(...headings.map((h) => Number(h.tagName[1])));
  const shift = Number.isFinite(top) ? Math.max(0, 2 - top) : 0;
  for (const h of headings) h.tagName = `h${Math.min(6, Number(h.tagName[1]) + shift)}`;
}

/** Converts cleaned hast to an mdast tree with rehype-remark, then drops widget and empty blocks. */
export function hastToMdast(tree: HastRoot): MdastRoot {
  const mdast = unified().use(rehypeRemark).runSync(tree);
  tidyMdast(mdast);
  return mdast;
}

/** Converts an HTML fragment to an mdast tree; notes collect what the owner should check. */
export function htmlToMdast(html: string, notes: string[] = []): MdastRoot {
  const tree = parseHtml(html);
  notes.push(...cleanHtml(tree));
  return hastToMdast(tree);
}

function hasImage(node: RootContent): boolean {
  if (node.type === "image") return true;
  return "children" in node && (node.children as RootContent[]).some(hasImage);
}

/** Removes empty paragraphs and headings, leftover widget text and stray line breaks at paragraph edges. */
export function tidyMdast(tree: MdastRoot): void {
  const tidy = (children: RootContent[]): RootContent[] =>
    children.flatMap((node): RootContent[] => {
      if ("children" in node && node.type !== "paragraph" && node.type !== "heading") {
        (node as { children: RootContent[] }).children = tidy(node.children);
      }
      if (node.type === "paragraph" || node.type === "heading") {
        const kids = node.children;
        while (kids[0] && (kids[0].type === "break" || (kids[0].type === "text" && !kids[0].value.trim()))) kids.shift();
        while (kids.at(-1) && (kids.at(-1)!.type === "break" || (kids.at(-1)!.type === "text" && !(kids.at(-1) as { value: string }).value.trim())))
          kids.pop();
        const text = mdastToString(node).trim();
        if (!hasImage(node) && (!text || isWidgetText(text))) return [];
        if (node.type === "heading" && kids.length === 1 && kids[0]!.type === "strong") node.children = kids[0].children;
      }
      if ((node.type === "list" || node.type === "blockquote") && node.children.length === 0) return [];
      // Builders wrap every list item in <p>; a list of one-paragraph items is a tight list.
      if (node.type === "list" && node.children.every((item) => item.children.length <= 1)) {
        node.spread = false;
        for (const item of node.children) item.spread = false;
      }
      return [node];
    });
  tree.children = tidy(tree.children);
}

/** Writes Markdown in the site's house style (ATX headings, "-" bullets, "_" emphasis). */
export function mdastToMarkdown(tree: MdastRoot): string {
  return unified()
    .use(remarkGfm)
    .use(remarkStringify, { bullet: "-", emphasis: "_", strong: "*", rule: "-", listItemIndent: "one", fences: true })
    .stringify(tree);
}
