/**
 * The CMS script of the last build, reused while nothing it is made of has changed: every file esbuild read for it
 * (admin/, the schema and Markdown pipeline under src/, the packages' own files), by content; esbuild's version; the
 * lockfile; and how it is built (base path, entry naming, config check). Kept in Astro's cache folder, which hosts
 * and the deploy workflow keep between builds (README, "Rebuilds and caches").
 *
 * It earns its place: the bundle is 2,500 files and 3.7 MB of minified script, 2-4 s of esbuild on both cores, most
 * of a warm build of a small site. `npm run bench` prints what it saves ("CMS script cache saves ...").
 */
import fs from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import * as esbuild from "esbuild";
import isPathInside from "is-path-inside";
import type { CmsBuildTarget, CmsBundle } from "./cms-esbuild.ts";

/** What the cache folder's manifest.json records; written last, so a half-written cache is never read. */
type Manifest = { key: string; inputs: Record<string, string>; entry: string; preload: string[]; files: string[] };

const digest = (data: string | Uint8Array) => createHash("sha256").update(data).digest("base64url");

function fileDigest(file: string): string | undefined {
  try {
    return digest(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

/** What every build with the same inputs shares: not the output folder, which changes the files' places, not their bytes. */
function cacheKey(target: CmsBuildTarget): string {
  const { root, publicPath, hashed, checkConfig } = target;
  return digest(
    JSON.stringify({
      esbuild: esbuild.version,
      lockfile: fileDigest(path.join(root, "package-lock.json")) ?? null,
      root,
      publicPath,
      hashed,
      checkConfig: !!checkConfig,
    }),
  );
}

function read(dir: string, key: string): CmsBundle | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
  if (manifest.key !== key) return undefined;
  for (const [file, hash] of Object.entries(manifest.inputs)) if (fileDigest(file) !== hash) return undefined;
  try {
    const files = manifest.files.map((name) => ({ name, contents: fs.readFileSync(filePath(dir, name)) }));
    return { entry: manifest.entry, preload: manifest.preload, files, inputs: Object.keys(manifest.inputs) };
  } catch {
    return undefined;
  }
}

/** A bundle file's place in the cache; esbuild names them, but a name is still never a way out of the folder. */
function filePath(dir: string, name: string): string {
  const file = path.join(dir, "files", name);
  if (!isPathInside(file, dir)) throw new Error(`CMS script cache: the file name "${name}" leaves the cache folder`);
  return file;
}

function write(dir: string, key: string, bundle: CmsBundle, startedMs: number): void {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const file of bundle.files) {
    const dest = filePath(dir, file.name);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, file.contents);
  }
  const inputs: Record<string, string> = {};
  for (const file of bundle.inputs) {
    const hash = fileDigest(file);
    // An input that is gone, or was saved while esbuild ran (the bundle may hold the older text), cannot vouch for
    // this bundle: leave no manifest, so the next build bundles again.
    if (hash === undefined || fs.statSync(file).mtimeMs >= startedMs) return;
    inputs[file] = hash;
  }
  const manifest: Manifest = { key, inputs, entry: bundle.entry, preload: bundle.preload, files: bundle.files.map((f) => f.name) };
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
}

/** The cached bundle in `dir` when it is still what `build` would make, else `build`'s, kept for next time. */
export async function cachedCmsBundle(
  target: CmsBuildTarget,
  dir: string,
  build: () => Promise<CmsBundle>,
): Promise<CmsBundle & { cached: boolean }> {
  const key = cacheKey(target);
  const hit = read(dir, key);
  if (hit) return { ...hit, cached: true };
  const startedMs = Date.now();
  const bundle = await build();
  write(dir, key, bundle, startedMs);
  return { ...bundle, cached: false };
}
