/** Appends a small "link to this section" anchor to every visible h2-h4 that has an id. */
import type { Element, Root } from "hast";
import { headingRank } from "hast-util-heading-rank";
import { toString } from "hast-util-to-string";
import { h } from "hastscript";
import { visit } from "unist-util-visit";
import { isHidden } from "./rehype-heading-ids.ts";

/** Adds `<a class="heading-anchor" href="#id">` after the heading text. */
export default function rehypeHeadingAnchors() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      const rank = headingRank(node);
      const id = node.properties["id"];
      if (!rank || rank < 2 || rank > 4 || typeof id !== "string" || isHidden(node)) return;
      const label = `Link to section: ${toString(node).trim()}`;
      node.children.push(h("a", { className: ["heading-anchor"], href: `#${id}`, ariaLabel: label }, [h("span", { ariaHidden: "true" }, "#")]));
    });
  };
}
