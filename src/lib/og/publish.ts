/**
 * Writes a build's social cards into its output folder: cards already in the
 * disk cache are hard-linked (copied when the cache is on another file system),
 * only missing ones are rendered (in worker threads, see render-pool.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { cacheFile } from "./cache.ts";
import { renderIntoCache, type CardJob } from "./render-pool.ts";
import type { NeededCard } from "./needed.ts";

/** What publishing the cards did. */
export interface PublishStats {
  needed: number;
  rendered: number;
  reused: number;
  ms: number;
}

/** Places `file` at `target`: a hard link when possible, else a copy. */
function place(file: string, target: string): void {
  fs.rmSync(target, { force: true });
  try {
    fs.linkSync(file, target);
  } catch {
    // Another file system (EXDEV) or no links allowed: a plain copy does the same job.
    fs.copyFileSync(file, target);
  }
}

/** Publishes every card under `outDir` (the folder Astro wrote the site to). */
export async function publishCards(cards: readonly NeededCard[], outDir: string): Promise<PublishStats> {
  const started = performance.now();
  const stats: PublishStats = { needed: cards.length, rendered: 0, reused: 0, ms: 0 };
  const files = cards.map((card) => cacheFile(card.input));
  const missing: CardJob[] = [];
  const queued = new Set<string>();
  cards.forEach((card, i) => {
    const file = files[i]!;
    // Two pages can share a card (same title): render it once.
    if (queued.has(file) || fs.existsSync(file)) return;
    queued.add(file);
    missing.push({ input: card.input, file });
  });
  await renderIntoCache(missing);
  stats.rendered = missing.length;
  stats.reused = cards.length - missing.length;
  const dirs = new Set<string>();
  cards.forEach((card, i) => {
    const target = path.join(outDir, card.path);
    const dir = path.dirname(target);
    if (!dirs.has(dir)) fs.mkdirSync(dir, { recursive: true });
    dirs.add(dir);
    place(files[i]!, target);
  });
  stats.ms = performance.now() - started;
  return stats;
}
