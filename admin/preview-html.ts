/**
 * The HTML the CMS preview shows for a Markdown body: the site's own pipeline
 * (`renderMarkdown`, the same remark/rehype plugins as the build), sanitizer
 * included, then image addresses the browser can load.
 *
 * The preview runs inside the CMS page, next to the author's GitHub login, so
 * raw HTML in a post (`<img onerror=...>`, `<script>`) must not run there: the
 * pipeline's sanitizer (src/markdown/sanitize-schema.ts) removes it for the
 * preview exactly as for the page and the feed, so all three show the same.
 */
import type { Element, Root } from "hast";
import rehypeParse from "rehype-parse";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { renderMarkdown, type RenderedMeta } from "../src/markdown/pipeline.ts";

/** Maps an image address as written in the content to one the preview can load (Decap's `getAsset`). */
export type ImageResolver = (src: string) => string;

function rewriteImages(resolve: ImageResolver) {
  return () => (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "img" || typeof node.properties["src"] !== "string") return;
      node.properties["src"] = resolve(node.properties["src"]);
    });
  };
}

/** Points the images of rendered HTML at loadable addresses. */
async function resolveImages(html: string, resolveImage: ImageResolver): Promise<string> {
  const file = await unified().use(rehypeParse, { fragment: true }).use(rewriteImages(resolveImage)).use(rehypeStringify).process(html);
  return String(file);
}

/** Markdown body → preview HTML, through the build's own pipeline. */
export async function previewHtml(
  markdown: string,
  options: { siteUrl?: string | undefined; resolveImage?: ImageResolver } = {},
): Promise<{ html: string; meta: RenderedMeta }> {
  const { html, meta } = await renderMarkdown(markdown, options.siteUrl ? { siteUrl: options.siteUrl } : {});
  return { html: options.resolveImage ? await resolveImages(html, options.resolveImage) : html, meta };
}
