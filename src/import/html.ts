/**
 * HTML to Markdown with rehype and remark: the builder's markup is cleaned
 * (widgets and page chrome removed; bold/italic spans made real emphasis),
 * rehype-remark turns it into a Markdown tree, and that is tidied (headings
 * shifted below the page title, empty and widget blocks removed).
 * https://github.com/rehypejs/rehype-remark
 */
import type { Element, ElementContent, Root as HastRoot } from "hast";
import { toString as hastToString } from "hast-util-to-string";
import { h } from "hastscript";
import type { Heading, Root as MdastRoot, RootContent } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import rehypeRemark from "rehype-remark";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { isWidgetText, WIDGET_ATTRIBUTE } from "./widgets.ts";

/** Elements that are never part of a post's text (rehype-remark itself leaves out scripts, styles, SVG, embeds and metadata). */
const DROP = new Set(["noscript", "button", "form", "input", "select", "textarea", "nav", "header", "footer", "aside", "object", "canvas"]);

/** An attribute's value as text (class lists joined with spaces). */
export function attr(el: Element, name: string): string {
  const v = el.properties[name];
  return Array.isArray(v) ? v.join(" ") : v === undefined || v === null ? "" : String(v);
}

function isWidgetElement(el: Element): boolean {
  const marks = [attr(el, "className"), attr(el, "id"), attr(el, "dataHook"), attr(el, "ariaLabel")].join(" ");
  if (WIDGET_ATTRIBUTE.test(marks)) return true;
  const hasImage = JSON.stringify(el).includes('"tagName":"img"');
  return !hasImage && isWidgetText(hastToString(el));
}

/** Cleans a hast tree in place, noting what the owner should look at. */
function clean(parent: HastRoot | Element, notes: string[]): void {
  parent.children = (parent.children as ElementContent[]).flatMap((node): ElementContent[] => {
    if (node.type === "comment") return [];
    if (node.type !== "element") return [node];
    if (DROP.has(node.tagName)) return [];
    if (node.tagName === "iframe" || node.tagName === "video") {
      const src = attr(node, "src");
      if (!src) return [];
      notes.push(`an embedded video or frame was turned into a link: ${src}`);
      return [h("p", h("a", { href: src }, src))];
    }
    if (isWidgetElement(node)) return [];
    if (node.tagName === "img") {
      // Builders lazy-load images from data attributes.
      const src = attr(node, "src") || attr(node, "dataSrc") || attr(node, "dataPinMedia");
      return src ? [{ ...node, properties: { src, alt: attr(node, "alt") } }] : [];
    }
    clean(node, notes);
    if (node.tagName !== "span" && node.tagName !== "font") return [node];
    const style = attr(node, "style");
    let out = node;
    if (/font-style\s*:\s*italic/i.test(style)) out = h("em", out);
    if (/font-weight\s*:\s*(bold|[6-9]00)/i.test(style)) out = h("strong", out);
    return [out];
  });
}

/** The post title is the page's only h1: shift the body's headings so the highest becomes h2. */
function shiftHeadings(tree: MdastRoot): void {
  const headings: Heading[] = [];
  visit(tree, "heading", (h: Heading) => void headings.push(h));
  const shift = Math.max(0, 2 - Math.min(...headings.map((h) => h.depth)));
  for (const h of headings) h.depth = Math.min(6, h.depth + shift) as Heading["depth"];
}

function hasImage(node: RootContent): boolean {
  return node.type === "image" || ("children" in node && (node.children as RootContent[]).some(hasImage));
}

const isBlank = (node: RootContent | undefined) => node?.type === "break" || (node?.type === "text" && !node.value.trim());

/** Removes empty paragraphs and headings, leftover widget text and stray line breaks at paragraph edges. */
function tidy(children: RootContent[]): RootContent[] {
  return children.flatMap((node): RootContent[] => {
    if (node.type === "paragraph" || node.type === "heading") {
      const kids = node.children;
      while (isBlank(kids[0])) kids.shift();
      while (isBlank(kids.at(-1))) kids.pop();
      const text = mdastToString(node).trim();
      if (!hasImage(node) && (!text || isWidgetText(text))) return [];
      if (node.type === "heading" && kids.length === 1 && kids[0]!.type === "strong") node.children = kids[0].children;
    } else if ("children" in node) {
      (node as { children: RootContent[] }).children = tidy(node.children);
    }
    if ((node.type === "list" || node.type === "blockquote") && node.children.length === 0) return [];
    // Builders wrap every list item in <p>; a list of one-paragraph items is a tight list.
    if (node.type === "list" && node.children.every((item) => item.children.length <= 1)) {
      node.spread = false;
      for (const item of node.children) item.spread = false;
    }
    return [node];
  });
}

/** Converts the HTML of a post's text to a Markdown tree; notes collect what the owner should check. */
export function htmlToMdast(tree: HastRoot, notes: string[]): MdastRoot {
  clean(tree, notes);
  const mdast = unified().use(rehypeRemark).runSync(tree);
  shiftHeadings(mdast);
  mdast.children = tidy(mdast.children);
  return mdast;
}
