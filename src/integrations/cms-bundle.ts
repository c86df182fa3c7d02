/**
 * Puts the CMS script into the build from its own cache (src/lib/cms-bundle.ts)
 * instead of Astro's client build. The bundle builds alongside the site when
 * its inputs changed and is copied into the assets folder when the build is
 * done; the admin page links it by name (`cmsScriptUrl`). The authoring server
 * serves admin/cms.ts through Vite as before.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { version as viteVersion } from "vite";
import { CMS_ENTRY_ENV, cmsBundleFor, cmsBundleKey, copyCmsBundle, ensureCmsBundle, type CmsBundle } from "../lib/cms-bundle.ts";

/** The integration. */
export default function cmsBundle(): AstroIntegration {
  let command = "";
  let bundle: CmsBundle | undefined;
  let pending: Promise<{ built: boolean; ms: number }> | undefined;
  return {
    name: "path2practice:cms-bundle",
    hooks: {
      "astro:config:setup": (options) => {
        command = options.command;
      },
      "astro:config:done": ({ config }) => {
        if (command !== "build") return;
        // The project this integration belongs to, also when Astro runs with a root of its own (`--root`).
        const root = fileURLToPath(new URL("../..", import.meta.url));
        const base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        // Builds of several sites from one checkout (the tests' fixture sites) can share one CMS cache.
        const cacheDir = process.env["P2P_CMS_CACHE_DIR"] ?? fileURLToPath(config.cacheDir);
        const assets = config.build.assets;
        bundle = cmsBundleFor(cacheDir, cmsBundleKey(root, `${base}${assets}/`, viteVersion), assets);
        process.env[CMS_ENTRY_ENV] = `${assets}/${bundle.entry}`;
        const started = performance.now();
        // Started here, before Astro syncs content: the sync keeps one core busy and uses
        // little memory, so the bundler's child process gets the other core and its memory
        // never adds to the peak of Astro's own bundling and rendering. Awaited at the end.
        pending = ensureCmsBundle(root, base, bundle).then((r) => ({ ...r, ms: Math.round(performance.now() - started) }));
        // Keep an early failure from being reported as unhandled before build:done awaits it.
        pending.catch(() => {});
      },
      "astro:build:done": async ({ dir, logger }) => {
        if (!bundle || !pending) throw new Error("the CMS bundle was never started (astro:config:done saw no build)");
        const { built, ms } = await pending;
        const files = copyCmsBundle(bundle, path.join(fileURLToPath(dir), bundle.assets));
        logger.info(`CMS bundle ${bundle.entry}: ${built ? `built in ${ms} ms` : "reused from the cache"}, ${files} files`);
      },
    },
  };
}
