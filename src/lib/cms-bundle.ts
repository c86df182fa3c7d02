/**
 * The CMS script (admin/cms.ts: Decap CMS, React, CodeMirror, about 6 MB) as
 * its own cached Vite build. Bundling it took most of Astro's client build,
 * on every build, although it changes only when the code or the packages do;
 * a post's edit never touches it.
 *
 * The cache key hashes everything the bundle can depend on: the code under
 * admin/ and src/, the lockfile (the packages), the deploy base (asset URLs in
 * the preview's CSS) and this bundler's own version. Because the key is known
 * before anything is built, the page can name the entry file at once and the
 * bundle can build alongside the rest of the site.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hashFiles } from "./hash-files.ts";
import { RUN_TS } from "./node-ts.ts";

/** Bump when the bundling options below change in a way the inputs do not show. */
const BUNDLER_VERSION = "1";
/** Folders whose files can end up in the CMS bundle. */
const SOURCE_DIRS = ["admin", "src"];
/** Top-level files that shape how sources resolve and which packages they get. */
const SOURCE_FILES = ["package-lock.json", "tsconfig.json"];
/** Folders under src/ that never reach the browser bundle (command-line tools). */
const SKIP_DIRS = new Set(["src/cli"]);

/** Set during a build to the entry script's path under the base (`<assets folder>/cms.<key>.js`), for the admin page. */
export const CMS_ENTRY_ENV = "P2P_CMS_ENTRY";

/** The admin page's script URL: Vite's source module on the authoring server, the cached bundle's entry in a build. */
export function cmsScriptUrl(base: string, dev: boolean): string {
  const prefix = base.endsWith("/") ? base : `${base}/`;
  if (dev) return `${prefix}admin/cms.ts`;
  const entry = process.env[CMS_ENTRY_ENV];
  if (!entry) throw new Error(`${CMS_ENTRY_ENV} is not set: the path2practice:cms-bundle integration must be in astro.config.mjs`);
  return `${prefix}${entry}`;
}

/** Where a bundle is, and the name of its entry script. */
export interface CmsBundle {
  /** Cache key: the hash of every input. */
  key: string;
  /** The entry script's file name inside the assets folder. */
  entry: string;
  /** The build's assets folder (Astro's `build.assets`, `_astro` by default): where the files go and what their URLs say. */
  assets: string;
  /** Folder holding the finished bundle's files, ready to copy into the assets folder. */
  dir: string;
}

function listFiles(root: string, rel: string, out: string[]): void {
  const dir = path.join(root, rel);
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const child = path.posix.join(rel, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(child)) listFiles(root, child, out);
    } else if (e.isFile()) out.push(child);
  }
}

/** The cache key for the project at `root` whose assets are served from `assetsUrl` (base + assets folder). */
export function cmsBundleKey(root: string, assetsUrl: string, bundlerVersion: string): string {
  const files: string[] = [];
  for (const dir of SOURCE_DIRS) listFiles(root, dir, files);
  files.push(...SOURCE_FILES.filter((f) => fs.existsSync(path.join(root, f))));
  files.sort();
  return hashFiles(root, files, `cms-bundle ${BUNDLER_VERSION}\0${bundlerVersion}\0${assetsUrl}\0`).slice(0, 12);
}

/** The bundle for `key`: where it lives in the cache and what its entry is called. */
export function cmsBundleFor(cacheDir: string, key: string, assets: string): CmsBundle {
  return { key, entry: `cms.${key}.js`, assets, dir: path.join(cacheDir, "cms-bundle", key) };
}

/** Whether the cache holds a finished bundle (the marker is written last). */
export function isBuilt(bundle: CmsBundle): boolean {
  return fs.existsSync(path.join(bundle.dir, ".complete"));
}

/**
 * Builds the bundle into its cache folder with Vite, unless it is there, in a
 * child process (src/lib/cms-bundle-build.ts): Vite's bundler keeps the native
 * memory it used (hundreds of MB for this bundle) until its process ends, and
 * the build process still has the whole site to render and index.
 */
export async function ensureCmsBundle(root: string, base: string, bundle: CmsBundle): Promise<{ built: boolean }> {
  if (isBuilt(bundle)) {
    // Mark it recently used, so pruning keeps it.
    const now = new Date();
    fs.utimesSync(bundle.dir, now, now);
    return { built: false };
  }
  const job: CmsBundleJob = { root, base, bundle };
  const child = spawn(process.execPath, [...RUN_TS, BUILDER, JSON.stringify(job)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  if (code !== 0 || !isBuilt(bundle)) throw new Error(`The CMS bundle (admin/cms.ts) failed to build (exit code ${code}):\n${output.trim()}`);
  return { built: true };
}

/** What the child process builds. */
export interface CmsBundleJob {
  root: string;
  base: string;
  bundle: CmsBundle;
}

const BUILDER = fileURLToPath(new URL("./cms-bundle-build.ts", import.meta.url));

/** Moves a finished build from `scratch` into its cache folder (the rename makes it appear whole) and prunes old ones. */
export function publishBundle(scratch: string, bundle: CmsBundle): void {
  fs.writeFileSync(path.join(scratch, ".complete"), `${new Date().toISOString()}\n`);
  // Another build may have published the same bundle meanwhile (the key covers every input), and may
  // be copying from it: keep that one. Only an unfinished folder is replaced.
  if (isBuilt(bundle)) {
    fs.rmSync(scratch, { recursive: true, force: true });
    return;
  }
  fs.rmSync(bundle.dir, { recursive: true, force: true });
  fs.renameSync(scratch, bundle.dir);
  pruneOldBundles(path.dirname(bundle.dir));
}

/** Bundles kept in the cache: one per deploy base in use, with room for a switch back. */
const KEEP = 4;

/** Removes all but the `KEEP` most recently used bundles. */
function pruneOldBundles(parent: string): void {
  const bundles = fs
    .readdirSync(parent)
    .filter((name) => !name.includes(".tmp-"))
    .map((name) => ({ name, at: fs.statSync(path.join(parent, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of bundles.slice(KEEP)) fs.rmSync(path.join(parent, old.name), { recursive: true, force: true });
}

/** Copies a finished bundle's files into the build's assets folder. */
export function copyCmsBundle(bundle: CmsBundle, assetsDir: string): number {
  fs.mkdirSync(assetsDir, { recursive: true });
  let n = 0;
  for (const name of fs.readdirSync(bundle.dir)) {
    if (name.startsWith(".")) continue;
    fs.copyFileSync(path.join(bundle.dir, name), path.join(assetsDir, name));
    n++;
  }
  return n;
}
