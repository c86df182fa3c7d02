/** Laying out small file trees for tests. */
import fs from "node:fs";
import path from "node:path";

/** Writes `text` to `rel` under `root`, creating the folders on the way; returns the file's path. */
export function writeFileIn(root: string, rel: string, text: string): string {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}
