/**
 * Astro parses front matter with js-yaml, which turns `2019-03-10T23:30:00`
 * (no offset) into 23:30 UTC and `2017-02-30` into March 2. Dates here mean
 * the site's time zone and impossible days are errors, so the date fields get
 * their text back from the file before the schema reads them.
 */
import fs from "node:fs";
import YAML from "yaml";

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/;

/** Replaces parsed Date values of `keys` with the text written in the file at `filePath`. */
export function withRawDates<T extends Record<string, unknown>>(data: T, filePath: string, keys: readonly string[]): T {
  if (!keys.some((k) => data[k] instanceof Date)) return data;
  let raw: Record<string, unknown> | null;
  try {
    // YAML's core schema has no timestamps: dates stay the text written.
    raw = YAML.parse(FRONT_MATTER.exec(fs.readFileSync(filePath, "utf8"))?.[1] ?? "", { schema: "core" }) as Record<string, unknown> | null;
  } catch {
    return data;
  }
  const out: Record<string, unknown> = { ...data };
  for (const key of keys) if (out[key] instanceof Date && typeof raw?.[key] === "string" && raw[key]) out[key] = raw[key];
  return out as T;
}
