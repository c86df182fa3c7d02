/**
 * The settings file read before Astro starts: by `astro.config.mjs`, the content
 * schema's time zone, the CMS options and the commands.
 */
import fs from "node:fs";
import YAML from "yaml";
import { finishSettings, type SiteSettings } from "../lib/settings.ts";
import { collectionSchema, collections } from "../schema/index.ts";
import { settingsFile } from "./paths.ts";

const cache = new Map<string, SiteSettings>();

/** Loads and validates the settings file before Astro starts; throws an error naming file and field. */
export function loadSettings(file = settingsFile()): SiteSettings {
  const hit = cache.get(file);
  if (hit) return hit;
  let raw: unknown;
  try {
    raw = YAML.parse(fs.readFileSync(file, "utf8"), { schema: "core" });
  } catch (err) {
    throw new Error(`${file}: cannot read site settings: ${(err as Error).message}`);
  }
  const schema = collectionSchema(collections.settings, { timeZone: "UTC" });
  const result = schema.safeParse(raw ?? {});
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${file}: ${i.path.join(".") || "(file)"}: ${i.message}`);
    throw new Error(`Invalid site settings\n${lines.join("\n")}`);
  }
  const settings = finishSettings(result.data, file);
  cache.set(file, settings);
  return settings;
}
