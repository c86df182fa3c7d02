/**
 * Validates the content folder against the one schema, reporting every
 * problem with its file, line and field. Used by the build (which stops on
 * errors) and by `npm run content:check`.
 */
import fs from "node:fs";
import path from "node:path";
import { collectionSchema, collections, fieldPath, type CollectionSpec } from "../schema/index.ts";
import { checkFileNames } from "./file-names.ts";
import { ContentSyntaxError, readContentFile, type ContentFile } from "./read.ts";

export interface Problem {
  severity: "error" | "warning";
  /** Absolute file path. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** Front-matter field, when the problem is about one. */
  field?: string;
  message: string;
  /** What to do about it. */
  hint?: string;
}

/** A content file that parsed, with the collection it belongs to. */
export interface Entry extends ContentFile {
  collection: CollectionSpec;
  /** File name without extension: the slug for posts and pages. */
  slug: string;
}

/** A collection's files the build publishes (absolute, sorted so reports are stable) and the problems of the names in its folder. */
function namesOf(root: string, spec: CollectionSpec) {
  const dir = path.join(root, spec.folder);
  if (spec.file) return { published: fs.existsSync(path.join(dir, spec.file)) ? [path.join(dir, spec.file)] : [], problems: [] };
  if (!fs.existsSync(dir)) return { published: [], problems: [] };
  const dataFiles = (Object.values(collections) as CollectionSpec[]).filter((c) => c.folder === spec.folder && c.file).map((c) => c.file!);
  // Hidden files included, as `/`-separated paths: file-names.ts reports or excludes each.
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).replaceAll(path.sep, "/"));
  const { published, problems } = checkFileNames(files, { folder: spec.folder, dataFiles });
  return { published: published.map((f) => path.join(dir, f)), problems: problems.map((p) => ({ ...p, file: path.join(dir, p.file) })) };
}

export function collectionFiles(root: string, spec: CollectionSpec): string[] {
  return namesOf(root, spec).published;
}

/** Reads and schema-checks every content file; returns the entries that parsed and all problems. */
export function validateContent(root: string, timeZone: string): { entries: Entry[]; problems: Problem[] } {
  const entries: Entry[] = [];
  const problems: Problem[] = [];
  for (const spec of Object.values(collections) as CollectionSpec[]) {
    const seen = new Map<string, string>();
    const schema = collectionSchema(spec, { timeZone });
    const names = namesOf(root, spec);
    problems.push(...names.problems.map((p) => ({ severity: "error" as const, ...p })));
    for (const file of names.published) {
      let parsed: ContentFile;
      try {
        parsed = readContentFile(file);
      } catch (err) {
        if (err instanceof ContentSyntaxError) problems.push({ severity: "error", file, line: err.line, message: err.message });
        else problems.push({ severity: "error", file, message: `cannot read file: ${(err as Error).message}` });
        continue;
      }
      const slug = path.basename(file).replace(/\.[^.]+$/, "");
      const other = seen.get(slug);
      if (other && spec.format === "md") {
        problems.push({
          severity: "error",
          file,
          message: `duplicate slug "${slug}": ${path.relative(root, other)} has the same name`,
          hint: "rename one of the files; the file name is the page address",
        });
      }
      seen.set(slug, file);
      const result = schema.safeParse(parsed.data);
      for (const issue of result.success ? [] : result.error.issues) {
        const unknown = issue.code === "unrecognized_keys";
        for (const key of unknown ? issue.keys : [issue.path[0]]) {
          const field = key === undefined ? undefined : fieldPath([key, ...issue.path.slice(1)]);
          problems.push({
            severity: "error",
            file,
            line: (key !== undefined && parsed.keyLines[String(key)]) || 1,
            ...(field ? { field } : {}),
            message: unknown ? `unknown key (not a ${spec.label.toLowerCase()} field)` : issue.message,
            ...(unknown ? { hint: `known fields: ${spec.fields.map((f) => f.name).join(", ")}` } : {}),
          });
        }
      }
      entries.push({ ...parsed, collection: spec, slug });
    }
  }
  return { entries, problems };
}

/** `file:line: field: message (hint)`, relative to `cwd`. */
export function formatProblem(p: Problem, cwd = process.cwd()): string {
  const where = `${path.relative(cwd, p.file)}${p.line ? `:${p.line}` : ""}`;
  return `${where}: ${p.severity}: ${p.field ? `${p.field}: ` : ""}${p.message}${p.hint ? ` (${p.hint})` : ""}`;
}
