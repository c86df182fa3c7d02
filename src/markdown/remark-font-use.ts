/**
 * Marks a document that has italic text (`usesItalic` in its front-matter data)
 * or bold body text (`usesBold`: **strong**, table headers), so its page can
 * preload those faces: fetched late, a face swaps in with other line breaks and
 * moves the text below (layout shift); preloaded and unused, it costs bytes.
 */
import type { Root } from "mdast";
import { EXIT, visit } from "unist-util-visit";
import type { VFile } from "vfile";

/** Raw HTML elements the browser draws in italics. */
const ITALIC_HTML = /<(em|i|cite|dfn|var)[\s>]/i;
/** Raw HTML elements drawn in bold body text (headings use the heading face). */
const BOLD_HTML = /<(strong|b|th)[\s>]/i;

/** Sets `usesItalic: true` and `usesBold: true` for the faces the document's text needs. */
export default function remarkFontUse() {
  return (tree: Root, file: VFile) => {
    let italic = false;
    let bold = false;
    visit(tree, (node) => {
      if (node.type === "emphasis") italic = true;
      else if (node.type === "strong" || node.type === "table") bold = true;
      else if (node.type === "html") {
        italic ||= ITALIC_HTML.test(node.value);
        bold ||= BOLD_HTML.test(node.value);
      }
      return italic && bold ? EXIT : undefined;
    });
    if (!italic && !bold) return;
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, ...(italic ? { usesItalic: true } : {}), ...(bold ? { usesBold: true } : {}) };
  };
}
