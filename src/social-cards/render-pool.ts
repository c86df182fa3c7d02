/**
 * Renders many social cards into the cache, in worker threads: resvg-js keeps
 * each bitmap (3 MB a card) in native memory Node's garbage collector never
 * frees (4,000 cards in the build process grew it past 15 GiB), and a worker's
 * is released when it exits. So each worker renders one batch and exits; two
 * run at once, one per core, the build being otherwise idle at this point.
 * Workers run `render-worker.ts` by Node's type stripping; where Node lacks it,
 * cards are rendered in this process. Code bundled by Vite (the card pages)
 * passes the worker's path in: its own `import.meta.url` points into the bundle.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import { NODE_RUNS_TYPESCRIPT } from "../lib/node-ts.ts";
import { renderCard } from "./render.ts";
import { storeCard } from "./cache.ts";
import type { CardInput } from "../lib/og/index.ts";

/** One card to render and the cache file it goes to. */
export interface CardJob {
  input: CardInput;
  file: string;
}

/**
 * Cards per worker: bounds a worker's memory (about 3.5 MB a card) while keeping start-up costs
 * small. At 4,000 cards, 32 kept the build's peak during the cards at 1.87-1.96 GB where 64 reached
 * 2.13 GB, with no clear change in time.
 */
export const BATCH_SIZE = 32;

/**
 * Fewer cards than this are rendered in this thread: a worker's start (loading satori and resvg)
 * costs more than a few cards, and a few cards hold a few MB. A rebuild after an edit usually has one.
 */
const IN_THREAD_MAX = 4;

const WORKER_URL = new URL("./render-worker.ts", import.meta.url);

/** Renders `jobs` one after the other in this thread and stores each in the cache (what a worker runs). */
export async function renderBatch(jobs: readonly CardJob[]): Promise<void> {
  for (const job of jobs) storeCard(job.file, await renderCard(job.input));
}

function runWorker(batch: readonly CardJob[], workerFile: string | URL): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: batch });
    worker.once("error", reject);
    worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`social card worker exited with code ${code}`))));
  });
}

/** Renders `jobs` into the cache; resolves when every card is stored. */
export async function renderIntoCache(jobs: readonly CardJob[], workerFile: string | URL = WORKER_URL): Promise<void> {
  if (jobs.length < IN_THREAD_MAX || !NODE_RUNS_TYPESCRIPT) return renderBatch(jobs);
  const batches: CardJob[][] = [];
  for (let i = 0; i < jobs.length; i += BATCH_SIZE) batches.push(jobs.slice(i, i + BATCH_SIZE));
  const lanes = Math.max(1, Math.min(2, os.availableParallelism(), batches.length));
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < batches.length) await runWorker(batches[next++]!, workerFile);
    }),
  );
}
