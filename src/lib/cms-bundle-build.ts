/**
 * Child process of `ensureCmsBundle` (src/lib/cms-bundle.ts): bundles
 * admin/cms.ts with Vite into a scratch folder and publishes it into the
 * cache. Node runs this file directly (type stripping), so its imports are
 * plain ESM with explicit extensions.
 *   node --experimental-strip-types src/lib/cms-bundle-build.ts '<CmsBundleJob as JSON>'
 */
import fs from "node:fs";
import path from "node:path";
import { build } from "vite";
import { publishBundle, type CmsBundleJob } from "./cms-bundle.ts";

const { root, base, bundle } = JSON.parse(process.argv[2] ?? "{}") as CmsBundleJob;
const scratch = `${bundle.dir}.tmp-${process.pid}`;
fs.rmSync(scratch, { recursive: true, force: true });
try {
  await build({
    configFile: false,
    root,
    base: `${base}${bundle.assets}/`,
    mode: "production",
    logLevel: "error",
    publicDir: false,
    envFile: false,
    build: {
      outDir: scratch,
      emptyOutDir: true,
      assetsDir: "",
      copyPublicDir: false,
      // The entry is named by the key, known before the build, so the page can link it while this runs.
      rolldownOptions: {
        input: path.join(root, "admin/cms.ts"),
        output: { entryFileNames: bundle.entry, chunkFileNames: "cms-[name].[hash].js", assetFileNames: "cms-[name].[hash][extname]" },
      },
      chunkSizeWarningLimit: 10_000,
    },
  });
  publishBundle(scratch, bundle);
} catch (err) {
  fs.rmSync(scratch, { recursive: true, force: true });
  throw err;
}
