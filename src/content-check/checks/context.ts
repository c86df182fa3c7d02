/** What every content check can see: all entries, the site and "now". */
import fs from "node:fs";
import { parseContentDate } from "../../lib/dates.ts";
import type { Entry } from "../validate.ts";

export interface CheckContext {
  /** Content folder. */
  root: string;
  /** Project folder (for src/pages and public/). */
  projectRoot: string;
  timeZone: string;
  /** The site's public URL (links to it count as internal). */
  siteUrl: string;
  now: Date;
  entries: Entry[];
  /** Posts by slug. */
  posts: Map<string, Entry>;
  /** Pages collection entries by slug. */
  pages: Map<string, Entry>;
}

/** Whether a post is a draft (front matter as written). */
export function isDraft(entry: Entry): boolean {
  return entry.data["draft"] === true;
}

/** The tags of a front matter as written (those that are text). */
export function tagsOf(data: Record<string, unknown>): string[] {
  return Array.isArray(data["tags"]) ? data["tags"].filter((t): t is string => typeof t === "string") : [];
}

/** The post's publication date, when it parses. */
export function postDate(entry: Entry, timeZone: string): Date | undefined {
  const d = parseContentDate(entry.data["date"], timeZone);
  return typeof d === "string" ? undefined : d;
}

/** The 1-based line of the `nth` (0-based) line of a file containing `needle`, or the fallback. */
export function lineOf(file: string, needle: string, fallback = 1, nth = 0): number {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  return hits[nth] ?? hits[0] ?? fallback;
}
