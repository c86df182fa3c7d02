/**
 * Everything the site's sanitizer would remove from a Markdown body is an
 * error at its line, so nothing is dropped without the author knowing. The
 * rules are the sanitizer's own (src/markdown/removed-html.ts). `.mdx` files
 * are code and are not sanitized (see mdx-code.ts).
 */
import { findRemovedHtml } from "../../markdown/removed-html.ts";
import type { Problem } from "../validate.ts";
import type { CheckContext } from "./context.ts";

export function checkUnsafeHtml(ctx: Pick<CheckContext, "entries">): Problem[] {
  const sanitized = ctx.entries.filter((e) => e.collection.format === "md" && !e.file.toLowerCase().endsWith(".mdx") && e.body.trim());
  return sanitized.flatMap((e) =>
    findRemovedHtml(e.body).map((r) => ({ ...r, severity: "error" as const, file: e.file, line: e.bodyLine + r.line - 1 })),
  );
}
