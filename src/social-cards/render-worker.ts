/**
 * A social card worker (see render-pool.ts): renders its batch of cards into
 * the cache, then exits, which hands resvg's native memory back.
 */
import { workerData } from "node:worker_threads";
import { renderBatch, type CardJob } from "./render-pool.ts";

await renderBatch(workerData as CardJob[]);
