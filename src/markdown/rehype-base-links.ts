/**
 * Puts the deployment sub-path in front of site-relative links written in
 * posts: `[about](/about/)` becomes `/path2practice/about/` when the site is
 * deployed under /path2practice/ (GitHub Pages project sites). Authors keep
 * writing plain site paths; the deployment decides the prefix.
 */
import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

/** Prefixes `base`, Astro's ("/" or "/sub/"), to root-relative `href`s of links. */
export default function rehypeBaseLinks(options: { base?: string | undefined }) {
  const base = (options.base ?? "/").replace(/\/?$/, "/");
  return (tree: Root) => {
    if (base === "/") return;
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "a") return;
      const href = node.properties["href"];
      if (typeof href !== "string" || !href.startsWith("/") || href.startsWith("//") || href.startsWith(base)) return;
      node.properties["href"] = base + href.slice(1);
    });
  };
}
