/** One CMS script build in a worker thread whose esbuild process is stopped when done (see `buildCmsBundleInWorker`). */
import { parentPort, workerData } from "node:worker_threads";
import * as esbuild from "esbuild";
import { buildCmsBundle, type CmsBuildTarget } from "./cms-esbuild.ts";

const bundle = await buildCmsBundle(workerData as CmsBuildTarget).catch((err: Error) => ({ error: err.message }));
parentPort!.postMessage("error" in bundle ? bundle : { bundle });
await esbuild.stop();
