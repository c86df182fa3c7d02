/**
 * Social cards cached on disk, keyed by everything that changes the picture
 * (title, branding, template version, font files), so an unchanged post is
 * not rendered again on the next build.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { CARD_FONTS, renderCard } from "./render.ts";
import { TEMPLATE_VERSION, type CardInput } from "../lib/og/index.ts";

/** The file in the cache folder `dir` that a card's picture is stored in, named by a hash of its input, the template version and the fonts. */
export function cacheFile(dir: string, input: CardInput): string {
  const parts = [TEMPLATE_VERSION, input.kicker, input.title, input.siteName, input.tagline, input.host, ...CARD_FONTS.map((f) => f.file)];
  return path.join(dir, `${createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32)}.png`);
}

/** Stores a rendered card in the cache. */
export function storeCard(file: string, png: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so a build that stops halfway never leaves a torn PNG behind.
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(tmp, png);
  fs.renameSync(tmp, file);
}

/** The card's PNG: from the cache in `dir` when present, else rendered (in this process) and stored. */
export async function cachedCard(dir: string, input: CardInput): Promise<Buffer> {
  const file = cacheFile(dir, input);
  if (!fs.existsSync(file)) storeCard(file, await renderCard(input));
  return fs.readFileSync(file);
}
