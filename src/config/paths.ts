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

/** Absolute path of the built site: `P2P_OUT_DIR` (tests, the benchmark), else `dist/` under `root`. Astro builds there (astro.config.mjs) and the search step indexes it. */
export function outDir(root = process.cwd()): string {
  return path.resolve(root, process.env["P2P_OUT_DIR"] || "dist");
}
