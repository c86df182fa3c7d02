/**
 * The sanitizer: runs right after raw HTML is parsed (rehype-raw-html.ts) and
 * before the site's own plugins, so everything a post's author wrote, as
 * Markdown or as HTML, passes the allow-list in sanitize-schema.ts, and what
 * the site adds itself (heading ids, anchors, rel, base paths) is not
 * filtered. The page, the feed and the CMS preview all render through here.
 *
 * `.mdx` files are code, reviewed like code: their components are JSX nodes
 * the sanitizer would drop, so MDX passes unchanged (`content:check` warns on
 * what makes MDX risky).
 */
import type { Root } from "hast";
import rehypeSanitize from "rehype-sanitize";
import type { VFile } from "vfile";
import { sanitizeSchema } from "./sanitize-schema.ts";

export default function rehypeSanitizeHtml() {
  const sanitize = rehypeSanitize(sanitizeSchema);
  return (tree: Root, file: VFile): Root => (file.extname?.toLowerCase() === ".mdx" ? tree : sanitize(tree));
}
