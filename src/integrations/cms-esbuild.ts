/**
 * How esbuild bundles the CMS script (admin/cms.ts): ES modules with code splitting, so the preview and the save
 * check's Markdown pipeline load only when first needed; `?inline` stylesheets (the site's CSS for the preview pane)
 * become strings, their fonts files beside the script. https://esbuild.github.io/api/
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import * as esbuild from "esbuild";
import { NODE_RUNS_TYPESCRIPT } from "../lib/node-ts.ts";

const CMS_ENTRY = "admin/cms.ts";
/** The entry's file name on the authoring server, where it is rebuilt under the same name. */
export const DEV_ENTRY_FILE = "cms.js";

/** Where the files go and how they are addressed. */
export interface CmsBuildTarget {
  root: string;
  /** Folder the output file paths are relative to (the build's assets folder). */
  outdir: string;
  /** URL of that folder (base + assets folder), for the fonts the CSS names. */
  publicPath: string;
  /** Entry named by its content hash (builds), or `DEV_ENTRY_FILE` (authoring server). */
  hashed: boolean;
  /** Keep Decap's configuration check at start (test-repo builds for the workflow test; see admin/config-schema.ts). */
  checkConfig?: boolean;
}

/** A file of the bundle, by its path in the output folder. */
type CmsFile = { name: string; contents: Uint8Array };

/** A finished bundle: every file, the entry's name among them, and the chunks the page preloads beside it. */
export type CmsBundle = ReturnType<typeof bundleOf>;

/** Fonts and pictures the CMS's stylesheets name: copied as files named by content. */
const FILE_LOADERS = Object.fromEntries([".woff2", ".woff", ".svg", ".png", ".jpg", ".webp"].map((ext): [string, esbuild.Loader] => [ext, "file"]));

/** What the script and its inline stylesheets are both built with. */
function sharedOptions(target: CmsBuildTarget) {
  return {
    absWorkingDir: target.root,
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    logLevel: "silent",
    outdir: target.outdir,
    assetNames: "cms-[name]-[hash]",
    publicPath: target.publicPath,
    loader: FILE_LOADERS,
  } satisfies esbuild.BuildOptions;
}

/**
 * `import css from "./x.css?inline"` (Vite's syntax, kept for the editor's types): the stylesheet bundled on its own
 * (imports inlined, minified, `url()`s to files named by content), handed over as a string.
 */
function inlineCss(target: CmsBuildTarget, extra: Map<string, CmsFile>): esbuild.Plugin {
  return {
    name: "inline-css",
    setup(build) {
      build.onStart(() => extra.clear());
      build.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
        path: path.resolve(args.resolveDir, args.path.replace(/\?inline$/, "")),
        namespace: "inline-css",
      }));
      build.onLoad({ filter: /.*/, namespace: "inline-css" }, async (args) => {
        const result = await esbuild.build({ ...sharedOptions(target), entryPoints: [args.path] });
        let css = "";
        for (const file of result.outputFiles) {
          if (file.path.endsWith(".css")) css = file.text;
          else extra.set(file.path, { name: path.relative(target.outdir, file.path), contents: file.contents });
        }
        const watchFiles = Object.keys(result.metafile.inputs).map((f) => path.resolve(target.root, f));
        return { contents: css, loader: "text", watchFiles };
      });
    },
  };
}

/** A module that a Decap package imports as `filter`, replaced by a file of the site's (each says why). */
function standIn(root: string, pkg: string, filter: RegExp, file: string): esbuild.Plugin {
  return {
    name: `stand-in:${file}`,
    setup(build) {
      build.onResolve({ filter }, (args) => (args.importer.split(/[\\/]/).includes(pkg) ? { path: path.join(root, file) } : undefined));
    },
  };
}

/** Decap's configuration check (admin/config-schema.ts) and the GitHub backend's GraphQL client (admin/github-rest-only.ts). */
const skipConfigCheck = (root: string) => standIn(root, "decap-cms-core", /\/constants\/configSchema$/, "admin/config-schema.ts");
const githubRestOnly = (root: string) => standIn(root, "decap-cms-backend-github", /^\.\/GraphQLAPI$/, "admin/github-rest-only.ts");

/** The files of a finished build, and which of them the entry imports statically (it needs them before it runs). */
function bundleOf(result: esbuild.BuildResult<{ write: false; metafile: true }>, target: CmsBuildTarget, extra: Map<string, CmsFile>) {
  const outputs = result.metafile.outputs;
  // Chunks split off at an `import()` have an entry point of their own too: find the CMS's.
  const entryPath = path.join(target.root, CMS_ENTRY);
  const entryOut = Object.entries(outputs).find(([, out]) => out.entryPoint && path.resolve(target.root, out.entryPoint) === entryPath)?.[0];
  if (!entryOut) throw new Error(`esbuild produced no entry script for ${CMS_ENTRY}`);
  const name = (out: string) => path.relative(target.outdir, path.resolve(target.root, out));
  // Every chunk reachable by static imports, so none waits for another to arrive and be parsed first.
  const reached = new Set<string>();
  const queue = [entryOut];
  for (let out = queue.shift(); out !== undefined; out = queue.shift()) {
    for (const i of outputs[out]?.imports ?? []) {
      if (i.kind !== "import-statement" || i.external || reached.has(i.path)) continue;
      reached.add(i.path);
      queue.push(i.path);
    }
  }
  const files = result.outputFiles.map((f) => ({ name: path.relative(target.outdir, f.path), contents: f.contents }));
  return { entry: name(entryOut), files: [...files, ...extra.values()], preload: [...reached].map(name) };
}

/** esbuild's failure as one message naming the file and line of each error. */
function buildFailure(err: unknown): Error {
  const errors = (err as { errors?: esbuild.Message[] }).errors;
  if (!errors?.length) return err instanceof Error ? err : new Error(String(err));
  const lines = esbuild.formatMessagesSync(errors, { kind: "error", color: false });
  return new Error(`The CMS script (${CMS_ENTRY}) failed to build:\n${lines.join("\n").trim()}`);
}

/** An esbuild context for the CMS script: each `rebuild()` gives the whole bundle in memory, or fails with `buildFailure`'s message. */
export async function cmsBundler(target: CmsBuildTarget) {
  const extra = new Map<string, CmsFile>();
  const context = await esbuild.context({
    ...sharedOptions(target),
    entryPoints: { cms: path.join(target.root, CMS_ENTRY) },
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    entryNames: target.hashed ? "cms-[hash]" : "cms",
    chunkNames: "cms-[name]-[hash]",
    // React and Decap's packages choose their production code by NODE_ENV; some read `global`.
    define: { "process.env.NODE_ENV": '"production"', global: "globalThis" },
    plugins: [inlineCss(target, extra), githubRestOnly(target.root), ...(target.checkConfig ? [] : [skipConfigCheck(target.root)])],
  });
  return {
    rebuild: async () => {
      try {
        return bundleOf(await context.rebuild(), target, extra);
      } catch (err) {
        throw buildFailure(err);
      }
    },
    dispose: () => context.dispose(),
  };
}

/** One build, its files kept in memory until the site's build writes them. */
export async function buildCmsBundle(target: CmsBuildTarget) {
  const bundler = await cmsBundler(target);
  return bundler.rebuild().finally(() => bundler.dispose());
}

/**
 * `buildCmsBundle` in a worker thread, for a site build: esbuild's process outlives its builds holding ~300 MB, and
 * the build thread's would stay up through page generation (4,000-post peak 2.05 GiB; 1.75 GiB this way, `npm run bench`).
 * Its esbuild runs on one core (GOMAXPROCS=1): Astro's build thread keeps the other, instead of waiting behind a bundle
 * that took both (100 posts: content sync started ~1 s later).
 */
export function buildCmsBundleInWorker(target: CmsBuildTarget): Promise<CmsBundle> {
  if (!NODE_RUNS_TYPESCRIPT) return buildCmsBundle(target);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./cms-esbuild-worker.ts", import.meta.url), { workerData: target, env: { ...process.env, GOMAXPROCS: "1" } });
    worker.once("message", (m: { bundle?: CmsBundle; error?: string }) => (m.bundle ? resolve(m.bundle) : reject(new Error(m.error))));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the CMS script's build stopped (worker exit code ${code})`)));
  });
}
