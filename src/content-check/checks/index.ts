/**
 * The pre-publish check: the schema validation of src/content-check/validate.ts
 * plus checks a schema cannot express (links, images, unsafe HTML, search
 * result quality, tag spellings, scheduled dates).
 */
import path from "node:path";
import { validateContent, type Problem } from "../validate.ts";
import type { CheckContext } from "./context.ts";
import { checkImages } from "./images.ts";
import { checkLinks } from "./links.ts";
import { checkMdxCode } from "./mdx-code.ts";
import { checkMetadata } from "./metadata.ts";
import { checkTags } from "./tags.ts";
import { checkUnsafeHtml } from "./unsafe-html.ts";

/** Every extra check, in report order. */
const checks = [checkLinks, checkImages, checkUnsafeHtml, checkMdxCode, checkMetadata, checkTags];

/** Runs the schema validation and every extra check: the problems sorted by file and line, and the number of files read. */
export function checkContent(root: string, options: Pick<CheckContext, "timeZone" | "siteUrl" | "now">): { problems: Problem[]; files: number } {
  const { entries, problems } = validateContent(root, options.timeZone);
  const by = (name: string) => new Map(entries.filter((e) => e.collection.name === name).map((e) => [e.slug, e]));
  const projectRoot = path.resolve(import.meta.dirname, "../../..");
  const ctx: CheckContext = { ...options, root, projectRoot, entries, posts: by("posts"), pages: by("pages") };
  const all = [...problems, ...checks.flatMap((check) => check(ctx))];
  const files = new Set([...entries.map((e) => e.file), ...problems.map((p) => p.file)]).size;
  all.sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1),
  );
  return { problems: all, files };
}
