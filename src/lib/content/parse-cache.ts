/**
 * Parsed content files kept between builds, keyed by each file's path and a
 * hash of its text: parsing the front matter of every file (YAML with line
 * numbers) took about 0.4 s of every 1,000-post build, though a build after
 * an edit sees one changed file. A changed text misses the cache, so a result
 * is never stale; entries not seen in a run are dropped when it is saved.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import type { ContentFile } from "./read.ts";

/** Bump when ContentFile or the parsing rules change. */
const FORMAT = 1;

interface Stored {
  format: number;
  entries: Array<[string, ContentFile]>;
}

export class ParseCache {
  private readonly old = new Map<string, ContentFile>();
  private readonly used = new Map<string, ContentFile>();

  /** Loads the cache file; a missing, unreadable or outdated one starts empty. */
  constructor(private readonly file: string) {
    try {
      const stored = v8.deserialize(fs.readFileSync(file)) as Stored;
      if (stored.format === FORMAT) for (const [key, value] of stored.entries) this.old.set(key, value);
    } catch {
      // No cache yet, or one written by another version: parse everything this time.
    }
  }

  private static key(file: string, text: string): string {
    return `${file}\0${createHash("sha1").update(text).digest("base64")}`;
  }

  /** The parsed file for this exact text, if a previous run parsed it. */
  get(file: string, text: string): ContentFile | undefined {
    const key = ParseCache.key(file, text);
    const hit = this.used.get(key) ?? this.old.get(key);
    if (hit) this.used.set(key, hit);
    return hit;
  }

  set(file: string, text: string, parsed: ContentFile): void {
    this.used.set(ParseCache.key(file, text), parsed);
  }

  /** Writes the entries seen in this run (atomically: a new file renamed over the old one). */
  save(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, v8.serialize({ format: FORMAT, entries: [...this.used] } satisfies Stored));
    fs.renameSync(tmp, this.file);
  }
}
