/** Finding parts of parsed HTML (hast trees) in tests. */
import type { Element, ElementContent, Root } from "hast";
import { visit } from "unist-util-visit";

/** The children of the first element with a class. */
export function childrenOfClass(tree: Root, className: string): ElementContent[] {
  let found: ElementContent[] | undefined;
  visit(tree, "element", (node: Element) => {
    const classes = node.properties["className"];
    if (!found && Array.isArray(classes) && classes.includes(className)) found = node.children;
  });
  if (!found) throw new Error(`no element with class "${className}"`);
  return found;
}
