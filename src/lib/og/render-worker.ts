/**
 * A social card worker (see render-pool.ts): renders its batch of cards into
 * the cache, then exits, which hands resvg's native memory back.
 */
import { workerData } from "node:worker_threads";
import { storeCard } from "./cache.ts";
import type { CardJob } from "./render-pool.ts";
import { renderCard } from "./render.ts";

for (const job of workerData as CardJob[]) storeCard(job.file, await renderCard(job.input));
