/**
 * The one Markdown pipeline. Astro's build (`astro.config.mjs`, through
 * `unified()` from @astrojs/markdown-remark) and the CMS preview
 * (`renderPreview`) both use exactly these plugins in this order, so the
 * preview shows what readers get.
 *
 * GFM is part of our list rather than Astro's switch, and SmartyPants is off,
 * so that nothing Astro adds on its own changes the text.
 * https://docs.astro.build/en/reference/markdown-processors/unified/
 */
import type { UnifiedProcessorOptions } from "@astrojs/markdown-remark";
import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import rehypeAutolinkHeadings, { type Options as AutolinkOptions } from "rehype-autolink-headings";
import rehypeExternalLinks, { type Options as ExternalLinksOptions } from "rehype-external-links";
import rehypeRaw from "rehype-raw";
import rehypeSanitize from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified, type PluggableList } from "unified";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import rehypeRawHtml from "./rehype-raw-html.ts";
import rehypeToc, { isHidden, type TocEntry } from "./rehype-toc.ts";
import remarkReadingTime from "./remark-reading-time.ts";
import remarkFontUse from "./remark-font-use.ts";
import { sanitizeSchema } from "./sanitize-schema.ts";

/** Options shared by the build and the preview. */
export interface PipelineOptions {
  /** The site's public URL: links to it are not marked external. */
  siteUrl?: string;
  /** Deployment sub-path (Astro `base`), put in front of site-relative links. */
  base?: string;
}

/** remark plugins, in order. */
const remarkPlugins: PluggableList = [remarkGfm, remarkReadingTime, remarkFontUse];

/** remark-rehype's options, the same in the build (Astro's defaults) and here. */
export const remarkRehypeOptions = { allowDangerousHtml: true, passThrough: [] };

/**
 * A small "#" link to its own section after the text of every visible h2-h4,
 * named for screen readers by the heading. Search leaves it out of results
 * by its class (src/search/pagefind-index.ts).
 */
const headingAnchors: AutolinkOptions = {
  behavior: "append",
  test: (node: Element) => /^h[2-4]$/.test(node.tagName) && !isHidden(node),
  properties: (node: Element) => ({ className: ["heading-anchor"], ariaLabel: `Link to section: ${toString(node).trim()}` }),
  content: { type: "element", tagName: "span", properties: { ariaHidden: "true" }, children: [{ type: "text", value: "#" }] },
};

/**
 * Links to another host get `rel="noopener noreferrer external"`: the target page gets no handle on
 * ours and no referrer. They open in the same tab (readers decide; new tabs confuse screen-reader users).
 */
function externalLinks(siteUrl: string | undefined): ExternalLinksOptions {
  const own = siteUrl ? new URL(siteUrl).host : undefined;
  const test = ({ properties: { href } }: Element) => typeof href === "string" && /^https?:\/\//i.test(href) && URL.parse(href)?.host !== own;
  return { rel: ["noopener", "noreferrer", "external"], test };
}

/**
 * The sanitizer, with the one allow-list (sanitize-schema.ts). `.mdx` files are code, reviewed
 * like code: their components are JSX nodes it would drop, so MDX passes unchanged
 * (`content:check` warns on what makes MDX risky).
 */
function rehypeSanitizeHtml() {
  const sanitize = rehypeSanitize(sanitizeSchema);
  return (tree: Root, file: VFile): Root => (file.extname?.toLowerCase() === ".mdx" ? tree : sanitize(tree));
}

/**
 * Puts the deployment sub-path (Astro's `base`) in front of site-relative links written in posts
 * (`/about/` becomes `/path2practice/about/`): authors write site paths; the deployment decides the prefix.
 */
function rehypeBaseLinks(options: { base?: string | undefined }) {
  const base = (options.base ?? "/").replace(/\/?$/, "/");
  return (tree: Root) => {
    if (base === "/") return;
    visit(tree, { type: "element", tagName: "a" }, (node: Element) => {
      const href = node.properties["href"];
      if (typeof href !== "string" || !href.startsWith("/") || href.startsWith("//") || href.startsWith(base)) return;
      node.properties["href"] = base + href.slice(1);
    });
  };
}

/**
 * rehype plugins, in order. The sanitizer comes right after raw HTML is
 * parsed, so it filters everything the author wrote, as Markdown or as HTML,
 * and none of what the plugins after it add (heading ids, anchors, rel, base
 * paths); the page, the feed and the CMS preview all render through it.
 * Headings get GitHub's ids (rehype-slug, github-slugger) before the table of
 * contents is read and the anchors are added.
 */
function rehypePlugins(options: PipelineOptions): PluggableList {
  return [
    rehypeRawHtml,
    rehypeSanitizeHtml,
    rehypeSlug,
    rehypeToc,
    [rehypeAutolinkHeadings, headingAnchors],
    [rehypeExternalLinks, externalLinks(options.siteUrl)],
    [rehypeBaseLinks, { base: options.base }],
  ];
}

/** Options for `unified()` from @astrojs/markdown-remark. */
export function astroProcessorOptions(options: PipelineOptions = {}): UnifiedProcessorOptions {
  // unified's PluggableList and Astro's plugin list types describe the same thing.
  return { remarkPlugins, rehypePlugins: rehypePlugins(options), gfm: false, smartypants: false } as UnifiedProcessorOptions;
}

/** What a rendered document gives back besides its HTML. */
export interface RenderedMeta {
  readingTime: number;
  wordCount: number;
  toc: TocEntry[];
  /** The document has italic text (its page preloads the italic face). */
  usesItalic: boolean;
  /** The document has bold body text (its page preloads the bold face). */
  usesBold: boolean;
}

/**
 * Renders Markdown to HTML the way the build does (same plugins, same
 * remark-rehype and raw-HTML handling), for the CMS preview and tests.
 */
export async function renderMarkdown(markdown: string, options: PipelineOptions = {}): Promise<{ html: string; meta: RenderedMeta }> {
  const key = JSON.stringify([options.siteUrl ?? null, options.base ?? null]);
  if (!processors.has(key)) processors.set(key, buildProcessor(options));
  const file = await processors.get(key)!.process({ value: markdown, data: { astro: { frontmatter: {} } } });
  const meta: RenderedMeta = { readingTime: 1, wordCount: 0, toc: [], usesItalic: false, usesBold: false, ...file.data.astro?.frontmatter };
  return { html: String(file.value), meta };
}

/** One frozen processor per set of options: setting one up (GFM's syntax extensions, plugins) costs more than a short document. */
const processors = new Map<string, ReturnType<typeof buildProcessor>>();

function buildProcessor(options: PipelineOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkPlugins)
    .use(remarkRehype, remarkRehypeOptions)
    .use(rehypePlugins(options))
    .use(rehypeRaw)
    .use(rehypeStringify, { allowDangerousHtml: true })
    .freeze();
}
