/** What the content folder already holds: the importer never overwrites a post and follows the tag spellings already in use. */
import fs from "node:fs";
import path from "node:path";
import { readContentFile } from "../content-check/read.ts";
import { tagSpellings } from "../lib/tags.ts";

/** Existing post files by slug (file name without extension). */
export function existingPostSlugs(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
    if (/\.mdx?$/.test(f)) out.set(path.basename(f).replace(/\.mdx?$/, ""), path.join(dir, f));
  }
  return out;
}

/** The spellings of each tag in the existing posts, by slug (src/lib/tags.ts picks the preferred one). */
export function existingTagSpellings(files: Iterable<string>): Map<string, Map<string, number>> {
  const lists: string[][] = [];
  for (const file of files) {
    try {
      const tags = readContentFile(file).data["tags"];
      if (Array.isArray(tags)) lists.push(tags.filter((t): t is string => typeof t === "string"));
    } catch {
      // A broken post is content:check's business, not the importer's.
    }
  }
  return tagSpellings(lists);
}

/** Whether an existing post file is a draft (unreadable files count as drafts: no redirect to them). */
export function isDraftFile(file: string): boolean {
  try {
    return readContentFile(file).data["draft"] === true;
  } catch {
    return true;
  }
}
