/**
 * The settings file read before Astro starts: by `astro.config.mjs`, the content
 * schema's time zone, the CMS options and the commands.
 */
import { loadDataFile } from "../content-check/read.ts";
import { finishSettings, type SiteSettings } from "../lib/settings.ts";
import { collections } from "../schema/index.ts";
import { settingsFile } from "./paths.ts";

const cache = new Map<string, SiteSettings>();

/** Loads and validates the settings file before Astro starts; throws an error naming file and field. */
export function loadSettings(file = settingsFile()): SiteSettings {
  const settings = cache.get(file) ?? finishSettings(loadDataFile(file, collections.settings), file);
  cache.set(file, settings);
  return settings;
}
