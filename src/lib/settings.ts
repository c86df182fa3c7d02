/**
 * The site settings: one type (the schema's) and one finishing step, whether
 * they come from Astro's `settings` collection (pages, src/data/site.ts) or
 * straight from the file (`astro.config.mjs`, the content schema's time zone,
 * the CLI), which must read them before Astro starts.
 */
import fs from "node:fs";
import YAML from "yaml";
import { collectionSchema, collections, type SettingsData } from "../schema/index.ts";
import { settingsFile } from "../config/paths.ts";
import { readerSettingsProblems } from "./readers.ts";

/** Site settings after validation and defaults. */
export type SiteSettings = SettingsData;

/** Navigation or social link. */
export type Link = SiteSettings["nav"][number];

/** What the schema cannot say: the time zone must be one this Node knows; the URL loses its trailing slash. */
export function finishSettings(settings: SiteSettings, file: string): SiteSettings {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: settings.timeZone });
  } catch {
    throw new Error(`${file}: timeZone: "${settings.timeZone}" is not a known time zone`);
  }
  const problems = readerSettingsProblems(settings);
  if (problems.length) throw new Error(problems.map((p) => `${file}: ${p}`).join("\n"));
  return { ...settings, url: settings.url.replace(/\/+$/, "") };
}

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
