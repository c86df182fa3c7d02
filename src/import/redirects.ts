/** The imported posts' old addresses, added to content/settings/redirects.yaml (src/redirects/redirects-yaml.ts keeps the file's own entries and comments). */
import fs from "node:fs";
import path from "node:path";
import type { z } from "astro/zod";
import { addToRedirectsYaml, type RedirectMerge } from "../redirects/redirects-yaml.ts";
import type { Redirect } from "../redirects/rules.ts";
import { oldPaths } from "./addresses.ts";
import { shorten } from "./safety.ts";
import { SourceError, type SourcePost } from "./types.ts";

/**
 * Redirects from a post's old addresses to its new one. Each passes the same
 * schema as one written by hand; one that does not is left out and noted in `dropped`.
 */
export function postRedirects(post: SourcePost, slug: string, day: string, redirectSchema: z.ZodType, dropped: string[]): Redirect[] {
  return oldPaths(post, slug, day)
    .map((from): Redirect => ({ from, to: `/blog/${slug}/`, status: 301, origin: post.origin }))
    .filter((r) => {
      const check = redirectSchema.safeParse({ redirects: [{ from: r.from, to: r.to, status: String(r.status) }] });
      if (!check.success) dropped.push(`redirect from ${shorten(r.from)}: left out, ${check.error.issues.map((x) => x.message).join("; ")}`);
      return check.success;
    });
}

/** The redirects file of the content folder with the new redirects added; throws a SourceError naming it when it cannot be read as one. */
export function planRedirectsFile(contentRoot: string, redirects: Redirect[]): RedirectMerge & { file: string } {
  const file = path.join(contentRoot, "settings", "redirects.yaml");
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  try {
    return { ...addToRedirectsYaml(current, redirects), file };
  } catch (err) {
    throw new SourceError(path.relative(process.cwd(), file) || file, [(err as Error).message]);
  }
}
