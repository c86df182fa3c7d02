/**
 * Gives each heading a stable id (GitHub-style slugs, unique per document)
 * and records h2/h3 as table-of-contents data in the front-matter data.
 */
import GithubSlugger from "github-slugger";
import type { Element, Root } from "hast";
import { headingRank } from "hast-util-heading-rank";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";

/** One entry of a post's table of contents. */
export interface TocEntry {
  depth: number;
  slug: string;
  text: string;
}

/** Visually hidden headings (the footnotes section's "Footnotes") are for screen readers, not the table of contents. */
export function isHidden(node: Element): boolean {
  const cls = node.properties["className"];
  return Array.isArray(cls) && cls.includes("sr-only");
}

/** Sets `id` on h1-h6 and stores h2/h3 entries as `file.data.astro.frontmatter.toc`. */
export default function rehypeHeadingIds() {
  return (tree: Root, file: VFile) => {
    const slugger = new GithubSlugger();
    const toc: TocEntry[] = [];
    visit(tree, "element", (node: Element) => {
      const rank = headingRank(node);
      if (!rank) return;
      const text = toString(node).trim();
      const existing = node.properties["id"];
      const id = typeof existing === "string" && existing ? existing : slugger.slug(text);
      node.properties["id"] = id;
      if ((rank === 2 || rank === 3) && !isHidden(node)) toc.push({ depth: rank, slug: id, text });
    });
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, toc };
  };
}
