/**
 * Social cards (1200x630 PNG) are pages like any other (src/pages/og/), over
 * the same posts as the blog: a post readers can see gets a card unless it
 * has its own image, and the program page gets one.
 *
 * Drawn cards stay in a disk cache keyed by what they show
 * (src/social-cards/cache.ts), so a warm build draws none again: at 1,000
 * posts about 14 s cold against well under one warm (`npm run bench --
 * --sizes=1000`, "social cards cold" against the warm build's). In a build the
 * missing cards are drawn up front in worker threads
 * (src/social-cards/render-pool.ts) and each card page reads its file; in
 * `astro dev` a card is drawn when it is asked for.
 */
import fs from "node:fs";
import { cardInput, type CardInput } from "../lib/og/index.ts";
import { cacheFile, cachedCard } from "../social-cards/cache.ts";
import { renderIntoCache, type CardJob } from "../social-cards/render-pool.ts";
import { getProgram } from "./program.ts";
import { getPosts, getSettings } from "./site.ts";

/** The cards of the posts readers may see, by slug: a post with its own image needs none. */
export async function postCards(): Promise<Array<{ slug: string; input: CardInput }>> {
  const settings = await getSettings();
  return (await getPosts())
    .filter((post) => !post.data.image)
    .map((post) => ({ slug: post.id, input: cardInput(post.data.title, "From the blog", settings) }));
}

/** The program page's card. */
export async function programCard(): Promise<CardInput> {
  return cardInput((await getProgram()).title, "The Inner Circle", await getSettings());
}

/** Where rendered cards are kept: `social-cards` in Astro's cache folder (set in astro.config.mjs). */
const CACHE_DIR = import.meta.env["CARD_CACHE"] as string;

/** Renders every card missing from the cache and logs what it did. */
async function renderMissing(): Promise<void> {
  const inputs = [...(await postCards()).map((c) => c.input), await programCard()];
  const started = performance.now();
  const jobs = new Map<string, CardJob>();
  for (const input of inputs) {
    const file = cacheFile(CACHE_DIR, input);
    // Two posts can share a title, and so a card: rendered once.
    if (!jobs.has(file) && !fs.existsSync(file)) jobs.set(file, { input, file });
  }
  await renderIntoCache([...jobs.values()], import.meta.env["CARD_WORKER"] as string | undefined);
  const ms = Math.round(performance.now() - started);
  console.info(`social cards: ${inputs.length} needed, ${jobs.size} rendered, ${inputs.length - jobs.size} reused in ${ms} ms`);
}

/** Set by the first card page of a build: the others wait for the same rendering. */
let rendered: Promise<void> | undefined;

/** The response of a card page: the PNG from the cache. */
export async function cardResponse(input: CardInput): Promise<Response> {
  if (import.meta.env.PROD) await (rendered ??= renderMissing());
  return new Response(new Uint8Array(await cachedCard(CACHE_DIR, input)), { headers: { "Content-Type": "image/png", "Cache-Control": "no-cache" } });
}
