/**
 * Astro parses front matter with js-yaml, which turns `2019-03-10T23:30:00`
 * (no offset) into 23:30 UTC and `2017-02-30` into March 2. Dates here mean
 * the site's time zone and impossible days are errors, so the date fields get
 * their text back from the file before the schema reads them.
 */
import fs from "node:fs";

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/;

/** The unquoted or quoted scalar text of top-level `key:` lines in a front-matter block. */
export function rawScalars(frontMatter: string, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of frontMatter.split(/\r?\n/)) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*(?:#.*)?$/.exec(line);
    if (!m || !keys.includes(m[1]!) || m[1]! in out) continue;
    const value = m[2]!.replace(/^(["'])(.*)\1$/, "$2");
    if (value) out[m[1]!] = value;
  }
  return out;
}

/** Replaces parsed Date values of `keys` with the text written in the file at `filePath`. */
export function withRawDates<T extends Record<string, unknown>>(data: T, filePath: string, keys: readonly string[]): T {
  if (!keys.some((k) => data[k] instanceof Date)) return data;
  let text: string;
  try {
    text = fs.readFileSync(filePath, "utf8");
  } catch {
    return data;
  }
  const block = FRONT_MATTER.exec(text)?.[1];
  if (block === undefined) return data;
  const raw = rawScalars(block, keys);
  const out: Record<string, unknown> = { ...data };
  for (const key of keys) if (out[key] instanceof Date && raw[key]) out[key] = raw[key];
  return out as T;
}
