/**
 * Social cards cached on disk, keyed by everything that changes the picture
 * (title, branding, template version, font files), so an unchanged post is
 * not rendered again on the next build. `P2P_OG_CACHE_DIR` moves the cache.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { CARD_FONTS, renderCard } from "./render.ts";
import { TEMPLATE_VERSION, type CardInput } from "./template.ts";

/** Where cached cards live. */
export function cacheDir(): string {
  return path.resolve(process.env["P2P_OG_CACHE_DIR"] ?? path.join(process.cwd(), "node_modules/.cache/p2p-og"));
}

/** The cache key of a card: a hash of its input, the template version and the fonts. */
export function cardKey(input: CardInput): string {
  const parts = [TEMPLATE_VERSION, input.kicker, input.title, input.siteName, input.tagline, input.host, ...CARD_FONTS.map((f) => f.file)];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32);
}

/** The cache file a card's picture is stored in. */
export function cacheFile(input: CardInput): string {
  return path.join(cacheDir(), `${cardKey(input)}.png`);
}

/** Stores a rendered card in the cache. */
export function storeCard(file: string, png: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so a build that stops halfway never leaves a torn PNG behind.
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(tmp, png);
  fs.renameSync(tmp, file);
}

/** The cache file of a card, rendered and stored first when missing; `rendered` says which happened. */
export async function ensureCached(input: CardInput): Promise<{ file: string; rendered: boolean }> {
  const file = cacheFile(input);
  if (fs.existsSync(file)) return { file, rendered: false };
  storeCard(file, await renderCard(input));
  return { file, rendered: true };
}

/** The card's PNG: from the cache when present, else rendered and stored. */
export async function cachedCard(input: CardInput): Promise<Buffer> {
  return fs.readFileSync((await ensureCached(input)).file);
}
