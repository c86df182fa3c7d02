/**
 * The site settings: one type (the schema's) and one finishing step, whether
 * they come from Astro's `settings` collection (pages, src/data/site.ts) or
 * straight from the file (src/config/settings.ts).
 */
import type { SettingsData } from "../schema/index.ts";
import { readerSettingsProblems } from "./readers.ts";

/** Site settings after validation and defaults. */
export type SiteSettings = SettingsData;

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
