/**
 * Preview = production: a post using every Markdown feature the site supports
 * is built by Astro, and the same body is rendered through the CMS preview
 * path (admin/preview-html.ts: the site's pipeline plus the preview's
 * sanitiser). The article HTML must be the same.
 *
 * One thing legitimately differs: images. The build hands local images to
 * Astro's image service, which writes a new optimised file (`src`, `srcset`,
 * `sizes`) and adds its own `width`, `height`, `loading`, `decoding` and
 * `data-astro-image*` layout markers; the
 * preview shows the uploaded file as is. Those attributes of `<img>` are
 * removed on both sides before comparing; `alt` and everything else stays.
 */
import fs from "node:fs";
import path from "node:path";
import type { Element, ElementContent, Root } from "hast";
import matter from "gray-matter";
import rehypeParse from "rehype-parse";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { beforeAll, describe, expect, it } from "vitest";
import { previewHtml } from "../../admin/preview-html.ts";
import { settingsFile } from "../../src/config/paths.ts";
import { loadSettings } from "../../src/config/settings.ts";
import { childrenOfClass } from "../support/hast.ts";
import { buildCmsSite, tempSite } from "./support.ts";

const SOURCE = path.join(import.meta.dirname, "fixtures/preview/kitchen-sink.md");
const IMAGE_SERVICE_ATTRIBUTES = [
  "src",
  "srcSet",
  "sizes",
  "width",
  "height",
  "loading",
  "decoding",
  "dataAstroImage",
  "dataAstroImagePos",
  "dataAstroImageFit",
];

/** Parses HTML, removes the image-service attributes from images, and prints it again. */
function normalise(nodes: ElementContent[]): string {
  const root: Root = { type: "root", children: structuredClone(nodes) };
  visit(root, "element", (node: Element) => {
    if (node.tagName === "img") for (const key of IMAGE_SERVICE_ATTRIBUTES) delete node.properties[key];
  });
  return unified().use(rehypeStringify).stringify(root).trim();
}

let built: string;
let preview: string;
let rawPreview: string;

beforeAll(async () => {
  const root = tempSite("preview");
  fs.copyFileSync(SOURCE, path.join(root, "content/posts/kitchen-sink.md"));
  const dist = await buildCmsSite("preview", root);
  built = fs.readFileSync(path.join(dist, "blog/kitchen-sink/index.html"), "utf8");
  const { url } = loadSettings(settingsFile(path.join(root, "content")));
  rawPreview = (await previewHtml(matter(fs.readFileSync(SOURCE, "utf8")).content, { siteUrl: url })).html;
  preview = `<div class="prose">${rawPreview}</div>`;
}, 300_000);

describe("the CMS preview and the built page", () => {
  it("render the same article HTML for headings, lists, links, images, code, tables, blockquotes and footnotes", () => {
    expect(normalise(childrenOfClass(unified().use(rehypeParse).parse(preview), "prose"))).toBe(
      normalise(childrenOfClass(unified().use(rehypeParse).parse(built), "prose")),
    );
  });

  it("really contain every feature (the comparison is not of two empty articles)", () => {
    for (const tag of [
      "<h2",
      "<h3",
      "<h4",
      "<ul",
      "<ol",
      "<blockquote",
      "<pre><code",
      "<table",
      "<img",
      'class="footnotes"',
      "<del",
      'type="checkbox"',
    ]) {
      expect(rawPreview).toContain(tag);
    }
    expect(rawPreview).toContain('rel="noopener noreferrer external"');
  });

  it("differ only in the image the build optimised", () => {
    const builtImg = /<div class="prose"[\s\S]*?(<img[^>]*>)/.exec(built)?.[1] ?? "";
    expect(builtImg).toMatch(/src="\/_astro\/[^"]+\.webp"/);
    expect(rawPreview).toContain('<img src="images/hero.jpg" alt="A gradient">');
  });
});

describe("the preview sanitiser", () => {
  it("drops script and event handlers from raw HTML, which the built site keeps", async () => {
    const { html } = await previewHtml('Text <img src="x.jpg" onerror="alert(1)"> <script>alert(2)</script> <a href="javascript:alert(3)">link</a>');
    expect(html).not.toMatch(/onerror|<script|javascript:/);
  });
});
