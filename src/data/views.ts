/** The shared views (src/views/) as HTML for Astro pages, their Markdown fields through the site's pipeline. */
import type { Nodes } from "hast";
import { renderMarkdown } from "../markdown/pipeline.ts";
import { html, withMarkdown, type Md } from "../views/html.ts";
import { getSettings } from "./site.ts";

/** Renders a view's Markdown fields as the build renders posts, then the view to HTML (for `set:html`). */
export async function viewHtml(view: (md: Md) => Nodes | Nodes[] | undefined): Promise<string> {
  const options = { siteUrl: (await getSettings()).url, base: import.meta.env.BASE_URL };
  const tree = await withMarkdown(view, async (text) => (await renderMarkdown(text, options)).html);
  return tree ? html(tree) : "";
}
