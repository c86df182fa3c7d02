/**
 * The HTML the CMS preview shows for a Markdown body: the build's own pipeline, sanitizer included, then image
 * addresses the browser can load. The preview runs next to the author's GitHub login, so raw HTML in a post
 * (`<img onerror=...>`, `<script>`) must not run there: the sanitizer removes it as for the page and the feed.
 */
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { visit } from "unist-util-visit";
import { renderMarkdown, type RenderedMeta } from "../src/markdown/pipeline.ts";

/** Markdown body → preview HTML, through the build's own pipeline; `resolveImage` maps an image address as written to one the preview can load (Decap's `getAsset`). */
export async function previewHtml(
  markdown: string,
  options: { siteUrl?: string | undefined; resolveImage?: (src: string) => string } = {},
): Promise<{ html: string; meta: RenderedMeta }> {
  const { html, meta } = await renderMarkdown(markdown, options.siteUrl ? { siteUrl: options.siteUrl } : {});
  const resolve = options.resolveImage;
  if (!resolve) return { html, meta };
  const tree = fromHtml(html, { fragment: true });
  visit(tree, "element", (node) => {
    if (node.tagName === "img" && typeof node.properties["src"] === "string") node.properties["src"] = resolve(node.properties["src"]);
  });
  return { html: toHtml(tree), meta };
}
