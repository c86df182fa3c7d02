/**
 * Markup shared by the site's pages and the CMS previews: pure functions from plain data to hast trees, printed
 * by pages with `set:html` and by the previews inside their React templates, so the preview is the page.
 */
import type { Element, Nodes } from "hast";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import { formatDate, isoDateTime } from "../lib/dates.ts";

export { h };

/** The HTML of a Markdown field, looked up synchronously (see `withMarkdown`). */
export type Md = (text: string) => string;

/** Calls `view` once to learn the Markdown texts it shows, renders them with `render`, then calls it again with their HTML. */
export async function withMarkdown<T>(view: (md: Md) => T, render: (text: string) => Promise<string>): Promise<T> {
  const texts = new Set<string>();
  view((text) => {
    texts.add(text);
    return "";
  });
  const rendered = new Map(await Promise.all([...texts].map(async (text) => [text, await render(text)] as const)));
  return view((text) => rendered.get(text) ?? "");
}

/** A Markdown field in a `div.md`; nothing when the field is empty. */
export function markdown(md: Md, text: string, className?: string): Element | undefined {
  if (!text.trim()) return undefined;
  return h("div", { className: className ? ["md", className] : ["md"] }, { type: "raw", value: md(text) });
}

/** A date in the site's time zone inside a machine-readable `<time>`. */
export function time(date: Date, timeZone: string): Element {
  return h("time", { dateTime: isoDateTime(date, timeZone) }, formatDate(date, timeZone));
}

/** HTML of a view (Markdown fields are already-rendered HTML). */
export function html(node: Nodes | Nodes[]): string {
  return toHtml(Array.isArray(node) ? { type: "root", children: node as never } : node, { allowDangerousHtml: true });
}
