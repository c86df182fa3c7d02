/**
 * The Markdown processor astro.config.mjs gives Astro: `unified()` from @astrojs/markdown-remark
 * with the site's plugins (pipeline.ts), carrying a digest of the pipeline's source. Astro keeps each
 * post's rendered HTML until the post's file or the config's JSON changes, and JSON leaves plugin
 * functions out: without the digest, unchanged posts kept the old plugins' output. A changed digest
 * makes Astro clear its store, and its incremental build render every page.
 * Node only (the CMS imports pipeline.ts, never this file).
 */
import { unified } from "@astrojs/markdown-remark";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { astroProcessorOptions, type PipelineOptions } from "./pipeline.ts";

/** Files whose code shapes rendered Markdown: this folder, the site modules it imports, and the package versions. */
function pipelineFiles(root: string): string[] {
  const dir = path.join(root, "src/markdown");
  const own = fs.globSync("*.ts", { cwd: dir }).map((f) => path.join(dir, f));
  const imported = own.flatMap((file) =>
    [...fs.readFileSync(file, "utf8").matchAll(/from "(\.\.\/[^"]+\.ts)"/g)].map((m) => path.resolve(dir, m[1]!)),
  );
  return [...new Set([...own, ...imported, path.join(root, "package-lock.json")])].filter((f) => fs.existsSync(f)).sort();
}

/** Digest of the code that renders Markdown in the project at `root`: each file's path (a renamed file counts) and bytes. */
export function pipelineSourceDigest(root: string): string {
  const hash = createHash("sha256");
  for (const file of pipelineFiles(root)) hash.update(path.relative(root, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("base64url").slice(0, 16);
}

/** `unified()` with the site's plugins for the project at `root`; its options carry `sourceDigest` (see above). */
export function astroMarkdownProcessor(root: string, options: PipelineOptions = {}): ReturnType<typeof unified> {
  const processor = unified(astroProcessorOptions(options));
  // Astro's config schema keeps `options` as this very object (the renderer reads it), extra keys included.
  Object.assign(processor.options, { sourceDigest: pipelineSourceDigest(root) });
  return processor;
}
