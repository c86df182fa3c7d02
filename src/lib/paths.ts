/** Where the content lives. Tests and the benchmark point `P2P_CONTENT_DIR` at their own fixture folders. */
import path from "node:path";

/** Absolute path of the content directory (default: `content/` in the project). */
export function contentDir(): string {
  return path.resolve(process.env["P2P_CONTENT_DIR"] ?? "content");
}

/** Absolute path of the settings file. */
export function settingsFile(dir = contentDir()): string {
  return path.join(dir, "settings", "site.yaml");
}
