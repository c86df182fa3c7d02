/**
 * Records a post's h2 and h3 (with the ids rehype-slug gave them) as its
 * table of contents, in the front-matter data.
 */
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

/** Visually hidden headings (the footnotes section's "Footnotes") are for screen readers, not the table of contents or anchors. */
export function isHidden(node: Element): boolean {
  const cls = node.properties["className"];
  return Array.isArray(cls) && cls.includes("sr-only");
}

/** Stores visible h2/h3 headings that have an id as `file.data.astro.frontmatter.toc`. */
export default function rehypeToc() {
  return (tree: Root, file: VFile) => {
    const toc: TocEntry[] = [];
    visit(tree, "element", (node: Element) => {
      const rank = headingRank(node);
      const id = node.properties["id"];
      if ((rank === 2 || rank === 3) && typeof id === "string" && id && !isHidden(node))
        toc.push({ depth: rank, slug: id, text: toString(node).trim() });
    });
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, toc };
  };
}
