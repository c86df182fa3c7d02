/**
 * The typed site settings, with defaults filled in exactly once.
 * Read synchronously so that `astro.config.mjs` and the content schema
 * (which needs the time zone) can use them before Astro starts.
 */
import fs from "node:fs";
import YAML from "yaml";
import { collectionSchema, collections } from "../schema/index.ts";
import { settingsFile } from "../config/paths.ts";

/** Navigation or social link. */
export interface Link {
  label: string;
  href: string;
}

/** Site settings after validation and defaults. */
export interface SiteSettings {
  title: string;
  tagline: string;
  description: string;
  url: string;
  author: string;
  location: string;
  foundingYear: number;
  timeZone: string;
  email: string;
  signupUrl: string;
  nav: Link[];
  social: Link[];
}

const cache = new Map<string, SiteSettings>();

/** Loads and validates the settings file; throws an error naming file and field. */
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
  const settings = result.data as SiteSettings;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: settings.timeZone });
  } catch {
    throw new Error(`${file}: timeZone: "${settings.timeZone}" is not a known time zone`);
  }
  settings.url = settings.url.replace(/\/+$/, "");
  cache.set(file, settings);
  return settings;
}
