/**
 * The HTML the CMS preview shows for a Markdown body: the site's own pipeline
 * (`renderMarkdown`, the same remark/rehype plugins as the build), then a
 * sanitising pass, then image addresses the browser can load.
 *
 * Why sanitise: the preview runs inside the CMS page, next to the author's
 * GitHub login. Raw HTML in a post (`<img onerror=...>`, `<script>`) must not
 * run there, so the preview keeps Decap's `sanitize_preview` promise. The
 * schema below allows exactly what our own plugins emit (ids, classes, ARIA
 * and footnote attributes), so Markdown-only posts render identically to the
 * build; only raw HTML is filtered.
 */
import type { Element, Root } from "hast";
import rehypeParse from "rehype-parse";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { renderMarkdown, type RenderedMeta } from "../src/markdown/pipeline.ts";

/** Per-tag attribute lists of the default schema, minus its value-restricted `className` entries (our plugins set their own classes). */
function withoutClassRestrictions(attributes: NonNullable<SanitizeSchema["attributes"]>): NonNullable<SanitizeSchema["attributes"]> {
  return Object.fromEntries(Object.entries(attributes).map(([tag, list]) => [tag, list.filter((a) => !(Array.isArray(a) && a[0] === "className"))]));
}

const base = withoutClassRestrictions(defaultSchema.attributes ?? {});

/** The preview's allow-list: GitHub's default, plus what the site's plugins add. */
export const previewSanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // Heading and footnote ids must stay as the build writes them (in-page links and the TOC use them).
  clobberPrefix: "",
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), "section"],
  attributes: {
    ...base,
    "*": [...(base["*"] ?? []), "className", "id", "ariaHidden", "ariaLabel", "ariaDescribedBy", "ariaLabelledBy"],
    a: [...(base["a"] ?? []), "rel", "dataFootnoteRef", "dataFootnoteBackref"],
    section: ["dataFootnotes"],
    img: [...(base["img"] ?? []), "loading", "decoding", "width", "height"],
  },
};

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

/** Sanitises rendered HTML with the preview allow-list and resolves image addresses. */
export async function sanitizePreviewHtml(html: string, resolveImage: ImageResolver = (src) => src): Promise<string> {
  const file = await unified()
    .use(rehypeParse, { fragment: true })
    .use(rehypeSanitize, previewSanitizeSchema)
    .use(rewriteImages(resolveImage))
    .use(rehypeStringify)
    .process(html);
  return String(file);
}

/** Markdown body → preview HTML, through the build's own pipeline. */
export async function previewHtml(
  markdown: string,
  options: { siteUrl?: string | undefined; resolveImage?: ImageResolver } = {},
): Promise<{ html: string; meta: RenderedMeta }> {
  const { html, meta } = await renderMarkdown(markdown, options.siteUrl ? { siteUrl: options.siteUrl } : {});
  return { html: await sanitizePreviewHtml(html, options.resolveImage), meta };
}
