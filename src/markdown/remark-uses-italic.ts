/**
 * Marks a document that has italic text (`usesItalic` in its front-matter
 * data), so its page can preload the italic face: fetched late, it swaps in
 * with other line breaks and moves the text below (layout shift).
 */
import type { Root } from "mdast";
import { EXIT, visit } from "unist-util-visit";
import type { VFile } from "vfile";

/** Raw HTML elements the browser draws in italics. */
const ITALIC_HTML = /<(em|i|cite|dfn|var)[\s>]/i;

/** Sets `usesItalic: true` when the document has *emphasis* or an italic HTML element. */
export default function remarkUsesItalic() {
  return (tree: Root, file: VFile) => {
    let found = false;
    visit(tree, (node) => {
      if (node.type === "emphasis" || (node.type === "html" && ITALIC_HTML.test(node.value))) {
        found = true;
        return EXIT;
      }
      return undefined;
    });
    if (!found) return;
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, usesItalic: true };
  };
}
