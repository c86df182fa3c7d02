/**
 * Everything the site's sanitizer would remove from a Markdown body is an
 * error at its line, so nothing is dropped without the author knowing. The
 * rules are the sanitizer's own (src/markdown/removed-html.ts). `.mdx` files
 * are code and are not sanitized (see mdx-code.ts).
 */
import { findRemovedHtml } from "../../markdown/removed-html.ts";
import type { Entry, Problem } from "../validate.ts";
import type { CheckContext } from "./context.ts";

/** Whether an entry's body is sanitized Markdown (not MDX, not a data file). */
function isMarkdownBody(entry: Entry): boolean {
  return entry.collection.format === "md" && !entry.file.toLowerCase().endsWith(".mdx") && entry.body.trim() !== "";
}

/** The sanitizer's removals in the bodies of `entries`, as errors at file lines. */
export function unsafeHtmlProblems(entries: readonly Entry[]): Problem[] {
  return entries.filter(isMarkdownBody).flatMap((entry) =>
    findRemovedHtml(entry.body).map((r): Problem => ({
      severity: "error",
      file: entry.file,
      line: entry.bodyLine + r.line - 1,
      message: r.message,
      hint: r.hint,
    })),
  );
}

export function checkUnsafeHtml(ctx: CheckContext): Problem[] {
  return unsafeHtmlProblems(ctx.entries);
}
