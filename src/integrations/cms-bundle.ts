/**
 * The CMS script (admin/cms.ts: Decap CMS, React, the site's schema and preview) bundled by esbuild
 * (./cms-esbuild.ts), the same way in a build and on the authoring server.
 *
 * Build: the bundle starts at `astro:config:done` in a worker thread (its esbuild process, on one core, ends with it), so
 * it runs beside Astro's content sync and page rendering; at `astro:build:done` the files, named by content, go into the
 * assets folder and the /admin/ page (admin/page-html.ts, naming them) into `admin/index.html`. Nothing else waits for
 * it. A compile error fails the build.
 *
 * Authoring server: built in the background at server start; a middleware serves it and the /admin/ page itself
 * (admin/page-html.ts) without the dev server's HMR client, whose first connection on a cold start would reload the
 * page. A change under admin/ or src/ makes the next request for the entry rebuild.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { lookup } from "mrmime";
import type { ViteDevServer } from "vite";
import { wantsTestRepo } from "../../admin/cms-options.ts";
import { adminPageHtml } from "../../admin/page-html.ts";
import { buildCmsBundleInWorker, cmsBundler, DEV_ENTRY_FILE, type CmsBuildTarget, type CmsBundle } from "./cms-esbuild.ts";

/** The addresses the admin page names: the entry script and the chunks it imports statically. */
function pageUrls(target: CmsBuildTarget, bundle: CmsBundle) {
  return { script: `${target.publicPath}${bundle.entry}`, preload: bundle.preload.map((name) => `${target.publicPath}${name}`) };
}

/** Builds in the background at server start and serves the latest bundle; a changed source rebuilds on the next page load. */
function serveInDev(server: ViteDevServer, target: CmsBuildTarget, base: string, logger: AstroIntegrationLogger): void {
  const adminPath = `${base}admin/`;
  const bundler = cmsBundler(target);
  const build = (what: string) => {
    const started = performance.now();
    const bundle = bundler.then((b) => b.rebuild());
    bundle.then(
      (b) => logger.info(`CMS script ${what} in ${Math.round(performance.now() - started)} ms (${b.files.length} files)`),
      (err: unknown) => logger.error((err as Error).message),
    );
    return bundle;
  };
  let current = build("built");
  let stale = false;
  const roots = ["admin", "src"].map((d) => path.join(target.root, d) + path.sep);
  server.watcher.on("all", (_event, file) => {
    if (roots.some((r) => file.startsWith(r))) stale = true;
  });
  server.httpServer?.once("close", () => void bundler.then((b) => b.dispose()));
  server.middlewares.use((req, res, next) => {
    const pathname = (req.url ?? "").split("?")[0] ?? "";
    if (pathname === adminPath || pathname === `${adminPath}index.html`) {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Cache-Control", "no-cache");
      current.then(
        (bundle) => {
          const { script, preload } = pageUrls(target, bundle);
          res.end(adminPageHtml(script, base, preload));
        },
        // The entry's own answer carries the error to the page's console.
        () => res.end(adminPageHtml(`${target.publicPath}${DEV_ENTRY_FILE}`, base)),
      );
      return;
    }
    if (!pathname.startsWith(target.publicPath)) return next();
    const name = decodeURIComponent(pathname.slice(target.publicPath.length));
    if (name === DEV_ENTRY_FILE && stale) {
      stale = false;
      current = current.catch(() => undefined).then(() => build("rebuilt"));
    }
    current.then(
      (bundle) => {
        const file = bundle.files.find((f) => f.name === name);
        if (!file) return next();
        res.setHeader("Content-Type", lookup(name) ?? "application/octet-stream");
        res.setHeader("Cache-Control", "no-cache");
        res.end(file.contents);
      },
      (err: unknown) => {
        if (name !== DEV_ENTRY_FILE) return next();
        // The page's console shows the error too, not only the terminal.
        res.setHeader("Content-Type", "text/javascript");
        res.setHeader("Cache-Control", "no-store");
        res.end(`throw new Error(${JSON.stringify((err as Error).message)});\n`);
      },
    );
  });
}

export default function cmsBundle(): AstroIntegration {
  let command = "";
  let target: CmsBuildTarget | undefined;
  let assets = "";
  let base = "/";
  let pending: Promise<CmsBundle & { ms: number }> | undefined;
  const built = () => pending ?? Promise.reject(new Error("the CMS bundle was never started (astro:config:done saw no build)"));
  return {
    name: "path2practice:cms-bundle",
    hooks: {
      "astro:config:setup": (options) => {
        command = options.command;
      },
      "astro:config:done": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
        assets = config.build.assets;
        target = {
          // The project this integration belongs to, also when Astro runs with a root of its own (`--root`).
          root: fileURLToPath(new URL("../..", import.meta.url)),
          outdir: path.join(fileURLToPath(config.outDir), assets),
          publicPath: `${base}${assets}/`,
          hashed: command === "build",
          checkConfig: wantsTestRepo(),
        };
        if (command !== "build") return;
        const started = performance.now();
        pending = buildCmsBundleInWorker(target).then((bundle) => ({ ...bundle, ms: Math.round(performance.now() - started) }));
        pending.catch(() => {}); // An early failure is reported where the page or build:done awaits it, not as unhandled.
      },
      "astro:server:setup": ({ server, logger }) => {
        if (target) serveInDev(server, target, base, logger);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const bundle = await built();
        const out = fileURLToPath(dir);
        const assetsDir = path.join(out, assets);
        let bytes = 0;
        for (const file of bundle.files) {
          const dest = path.join(assetsDir, file.name);
          fs.mkdirSync(path.dirname(dest), { recursive: true });
          fs.writeFileSync(dest, file.contents);
          bytes += file.contents.length;
        }
        // The page names the script by its content hash, known once the bundle is done: the one place the build waits for it.
        const { script, preload } = pageUrls(target!, bundle);
        fs.mkdirSync(path.join(out, "admin"), { recursive: true });
        fs.writeFileSync(path.join(out, "admin", "index.html"), adminPageHtml(script, base, preload));
        logger.info(`CMS script ${bundle.entry}: built in ${bundle.ms} ms, ${bundle.files.length} files, ${(bytes / 1024 / 1024).toFixed(2)} MB`);
      },
    },
  };
}
