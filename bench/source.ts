/**
 * The size of the site's own code: files and lines under `src/` and `admin/`
 * (the benchmark lives outside them, in `bench/`). Lines are counted as
 * `wc -l` counts them (newline characters, blank and comment lines included);
 * binary files (the subset fonts) are left out.
 */
import fs from "node:fs";
import path from "node:path";

/** Folders that hold the site's code. */
export const SOURCE_DIRS = ["src", "admin"];

/** What the site's code weighs. */
export interface SourceSize {
  dirs: string[];
  /** Text files counted. */
  files: number;
  /** Their lines, as `wc -l` counts them. */
  lines: number;
}

/** Lines as `wc -l` counts them: one per newline character. */
export function countLines(text: Buffer): number {
  let n = 0;
  for (let i = text.indexOf(10); i !== -1; i = text.indexOf(10, i + 1)) n++;
  return n;
}

/** A file with a NUL byte in its first 8 KB is binary, as git and grep judge it. */
export function isBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/** Counts text files and their lines under `dirs` of `root` (missing folders count as empty). */
export function sourceSize(root: string, dirs: string[] = SOURCE_DIRS): SourceSize {
  let files = 0;
  let lines = 0;
  for (const dir of dirs) {
    const abs = path.join(root, dir);
    if (!fs.existsSync(abs)) continue;
    for (const entry of fs.readdirSync(abs, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const bytes = fs.readFileSync(path.join(entry.parentPath, entry.name));
      if (isBinary(bytes)) continue;
      files++;
      lines += countLines(bytes);
    }
  }
  return { dirs, files, lines };
}
