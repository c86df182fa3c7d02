/**
 * Checks an entry before the CMS saves it with the build's rules and messages: the schema, rules that span fields
 * (a hero image needs alt text) and the HTML the sanitizer would remove from the body. Decap aborts the save when a
 * `preSave` listener throws, and shows the message. https://decapcms.org/docs/registering-events/
 */
import { findRemovedHtml } from "../src/markdown/removed-html.ts";
import { collectionSchema, collections, type CollectionSpec } from "../src/schema/index.ts";
import { titleAddressProblem } from "./slug-guard.ts";

/** The schema collection a CMS collection comes from. */
export function specFor(name: string): CollectionSpec | undefined {
  return (collections as Record<string, CollectionSpec>)[name];
}

/**
 * Checks entry data (front matter plus `body`) for a collection, and a new entry's title as its file name: the data to
 * save, with empty optional values removed (the schema treats "" as a value, the author means "none"), the schema's
 * reading of it, and what is wrong.
 */
export function checkEntry(spec: CollectionSpec, data: Record<string, unknown>, timeZone: string, isNew = false) {
  const cleaned: Record<string, unknown> = { ...data };
  for (const field of spec.fields) {
    const value = cleaned[field.name];
    if (!field.required && field.default === undefined && (value === "" || value === null)) delete cleaned[field.name];
  }
  const { body, ...frontMatter } = cleaned;
  const result = collectionSchema(spec, { timeZone }).safeParse(frontMatter);
  const schemaProblems = result.success
    ? []
    : result.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? "");
        const label = spec.fields.find((f) => f.name === key)?.label ?? key;
        const rest = issue.path.slice(1).map(String).join(".");
        return `${label}${rest ? ` (${rest})` : ""}: ${issue.message}`;
      });
  // What the site's sanitizer would remove, in the words of the content check (the line counts from the body's first line).
  const bodyProblems =
    spec.format === "md" && typeof body === "string" ? findRemovedHtml(body).map((r) => `Body, line ${r.line}: ${r.message} (${r.hint})`) : [];
  const title = typeof cleaned["title"] === "string" ? cleaned["title"] : "";
  const nameProblems = isNew && !spec.file ? [titleAddressProblem(title)].filter((p) => p !== undefined) : [];
  return { data: cleaned, parsed: result.data, problems: [...schemaProblems, ...bodyProblems, ...nameProblems] };
}

/** The error Decap shows when a save is refused. */
export class EntryRefused extends Error {
  constructor(problems: string[]) {
    super(`Not saved. ${problems.join("; ")}`);
    this.name = "EntryRefused";
  }
}
