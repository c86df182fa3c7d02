/** The shared views (src/views/) as HTML for Astro pages, their Markdown fields through the site's pipeline. */
import type { Nodes } from "hast";
import { renderMarkdown } from "../markdown/pipeline.ts";
import { html, withMarkdown, type Md } from "../views/html.ts";
import { getSettings, oncePerBuild } from "./site.ts";

/** A Markdown field's HTML; the program callout's texts are the same on every post page. */
const renderField = oncePerBuild(
  async (text: string) => (await renderMarkdown(text, { siteUrl: (await getSettings()).url, base: import.meta.env.BASE_URL })).html,
);

/** Renders a view's Markdown fields as the build renders posts, then the view to HTML (for `set:html`). */
export async function viewHtml(view: (md: Md) => Nodes | Nodes[] | undefined): Promise<string> {
  const tree = await withMarkdown(view, renderField);
  return tree ? html(tree) : "";
}
