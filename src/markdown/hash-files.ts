/** A digest of source files, for cache keys that must change whenever code does. */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * SHA-256 (base64url) over `seed`, then each of `files` (paths relative to `root`,
 * hashed in the order given) as its path and its bytes, so a renamed file changes
 * the digest as much as an edited one.
 */
export function hashFiles(root: string, files: readonly string[], seed = ""): string {
  const hash = createHash("sha256").update(seed);
  for (const f of files)
    hash
      .update(f)
      .update("\0")
      .update(fs.readFileSync(path.join(root, f)))
      .update("\0");
  return hash.digest("base64url");
}
