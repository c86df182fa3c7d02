/**
 * Marks links that leave the site: `rel="noopener noreferrer external"` so the
 * target page gets no handle on ours and no referrer. Links open in the same
 * tab (readers decide; new tabs confuse screen-reader users).
 */
import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

/** Adds rel to absolute http(s) links pointing away from `siteUrl`, the site's own address. */
export default function rehypeExternalLinks(options: { siteUrl?: string | undefined }) {
  const own = options.siteUrl ? new URL(options.siteUrl).host : undefined;
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "a") return;
      const href = node.properties["href"];
      if (typeof href !== "string" || !/^https?:\/\//i.test(href)) return;
      if (own && new URL(href).host === own) return;
      node.properties["rel"] = ["noopener", "noreferrer", "external"];
    });
  };
}
