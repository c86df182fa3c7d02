/**
 * One CMS script build in a worker thread (see `buildCmsBundleInWorker`): the worker's own esbuild process does
 * the bundle and is stopped when it is done, handing back the ~300 MB it would otherwise keep for the whole build.
 */
import { parentPort, workerData } from "node:worker_threads";
import * as esbuild from "esbuild";
import { buildCmsBundle, type CmsBuildTarget } from "./cms-esbuild.ts";

try {
  parentPort!.postMessage({ bundle: await buildCmsBundle(workerData as CmsBuildTarget) });
} catch (err) {
  parentPort!.postMessage({ error: (err as Error).message });
} finally {
  await esbuild.stop();
}
