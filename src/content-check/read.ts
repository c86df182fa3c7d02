/**
 * Reads content files the way the checker needs them: YAML with timestamps
 * kept as text (so `2017-02-30` is caught instead of becoming March 2) and
 * line numbers for each front-matter key.
 */
import fs from "node:fs";
import matter from "gray-matter";
import YAML from "yaml";
import { collectionSchema, fieldPath, type CollectionSpec, type DataOf, type Field } from "../schema/index.ts";

/** A YAML syntax error with the line it was found on. */
export class ContentSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** A parsed content file: its front matter (or the whole YAML document of a data file), body and 1-based lines. */
export type ContentFile = ReturnType<typeof readContentFile>;

/** YAML without implicit timestamps: dates stay strings for the schema to judge. */
function parseYaml(text: string, lineOffset: number): Record<string, unknown> {
  const doc = YAML.parseDocument(text, { schema: "core", prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const line = (err.linePos?.[0]?.line ?? 1) + lineOffset;
    throw new ContentSyntaxError(line, `malformed YAML: ${err.message.split("\n")[0]}`);
  }
  const value = doc.toJS() as unknown;
  if (value == null) return {};
  if (typeof value !== "object" || Array.isArray(value))
    throw new ContentSyntaxError(1 + lineOffset, "front matter must be a set of key: value lines");
  return value as Record<string, unknown>;
}

function keyLines(yamlText: string, offset: number): Record<string, number> {
  const lines: Record<string, number> = {};
  yamlText.split("\n").forEach((line, i) => {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(line);
    if (m && !(m[1]! in lines)) lines[m[1]!] = i + 1 + offset;
  });
  return lines;
}

/** Reads a Markdown/MDX file with front matter, or a YAML data file ("" as body); `keyLines` has the line of each top-level key. */
export function readContentFile(file: string) {
  const raw = fs.readFileSync(file, "utf8");
  if (/\.ya?ml$/.test(file)) return { file, data: parseYaml(raw, 0), body: "", bodyLine: 1, keyLines: keyLines(raw, 0) };
  if (!/^\uFEFF?---\r?\n/.test(raw)) throw new ContentSyntaxError(1, "missing front matter: the file must start with a line of three dashes (---)");
  // Front matter starts on line 2 (after the opening ---).
  const parsed = matter(raw, { engines: { yaml: (s: string) => parseYaml(s, 1) } });
  const fmText = parsed.matter;
  const bodyLine = raw.slice(0, raw.length - parsed.content.length).split("\n").length;
  return { file, data: parsed.data as Record<string, unknown>, body: parsed.content, bodyLine, keyLines: keyLines(fmText.replace(/^\r?\n/, ""), 1) };
}

/**
 * Reads and validates a data file (settings, redirects) outside Astro, with
 * dates as UTC; throws one line per problem, naming the file (as `shown`) and field.
 */
export function loadDataFile<F extends readonly Field[]>(file: string, spec: CollectionSpec<F>, shown = file): DataOf<F> {
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(file, "utf8"), { schema: "core" });
  } catch (err) {
    throw new Error(`${shown}: cannot read ${spec.label.toLowerCase()}: ${(err as Error).message.split("\n")[0]}`);
  }
  const result = collectionSchema(spec, { timeZone: "UTC" }).safeParse(raw ?? {});
  if (result.success) return result.data;
  throw new Error(result.error.issues.map((i) => `${shown}: ${fieldPath(i.path) || "(file)"}: ${i.message}`).join("\n"));
}
