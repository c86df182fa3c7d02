/**
 * Parses raw HTML written inside Markdown (`<a href>`, `<details>`) into real
 * elements before the other rehype plugins run, so that they see it too (an
 * external link written as HTML gets its rel as well). Astro parses raw HTML
 * only after every user plugin; parse5 is slow, so documents without raw HTML
 * skip the step. https://github.com/rehypejs/rehype-raw
 */
import type { Root } from "hast";
import rehypeRaw from "rehype-raw";
import { EXIT, visit } from "unist-util-visit";
import type { VFile } from "vfile";

/** rehype-raw, run only on documents that contain raw HTML. */
export default function rehypeRawHtml() {
  const raw = rehypeRaw();
  return (tree: Root, file: VFile): Root => {
    let hasRaw = false;
    visit(tree, "raw", () => {
      hasRaw = true;
      return EXIT;
    });
    return hasRaw ? raw(tree, file) : tree;
  };
}
