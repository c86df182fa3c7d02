/** Where the content folder is, and its site settings, for the tools that read content. */
import path from "node:path";
import { loadSettings } from "../../config/settings.ts";
import type { SiteSettings } from "../../lib/settings.ts";
import { InputError } from "./cli.ts";

/** The content folder: `--content <dir>`, else `P2P_CONTENT_DIR`, else `./content`. */
export function resolveContentDir(option: string | undefined): string {
  return path.resolve(option ?? (process.env["P2P_CONTENT_DIR"] || "content"));
}

/** Loads the site settings of a content folder, as an InputError naming the file when they are broken. */
export function settingsOf(contentRoot: string): SiteSettings {
  try {
    return loadSettings(path.join(contentRoot, "settings", "site.yaml"));
  } catch (err) {
    const message = (err as Error).message;
    const missing = `No site settings found at ${path.join(contentRoot, "settings", "site.yaml")}. Is ${contentRoot} the content folder?`;
    throw new InputError(/ENOENT/.test(message) ? missing : message);
  }
}
