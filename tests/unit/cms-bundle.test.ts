import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { buildCmsBundle, buildCmsBundleInWorker, type CmsBuildTarget } from "../../src/integrations/cms-esbuild.ts";
import { TMP } from "../support/build.ts";
import { writeFileIn } from "../support/files.ts";

const ROOT = path.join(TMP, "cms-bundle");
const write = (rel: string, text: string) => writeFileIn(ROOT, rel, text);
const target = (hashed: boolean): CmsBuildTarget => ({ root: ROOT, outdir: path.join(ROOT, "dist/_astro"), publicPath: "/sub/_astro/", hashed });

beforeEach(() => {
  fs.rmSync(ROOT, { recursive: true, force: true });
  write("src/styles/fonts.css", '@font-face { font-family: F; src: url("./fonts/f.woff2") format("woff2"); }\n');
  write("src/styles/fonts/f.woff2", "wOF2 font bytes");
  write("a/early.ts", "export const early = 'also on demand';\n");
  write("admin/later.ts", "import { shared } from './shared.ts';\nexport const later = 'loaded on demand' + shared();\n");
  // Imported statically by the entry and by the later chunk: a shared chunk the entry needs at once.
  write("admin/shared.ts", "export const shared = () => 'needed at once';\n");
  write(
    "admin/cms.ts",
    [
      'import css from "../src/styles/fonts.css?inline";',
      'import { shared } from "./shared.ts";',
      "console.log(css, shared());",
      'document.body.onclick = () => import("./later.ts").then((m) => console.log(m.later));',
      // Split-off chunks are entry points in esbuild's metafile too, listed before or after the CMS's own.
      'document.body.onkeydown = () => import("../a/early.ts");',
      "",
    ].join("\n"),
  );
});
afterAll(() => fs.rmSync(ROOT, { recursive: true, force: true }));

describe("the CMS bundle", () => {
  it("names the entry by its content, splits dynamic imports off, and inlines CSS whose fonts become files under the base", async () => {
    const bundle = await buildCmsBundle(target(true));
    expect(bundle.entry).toMatch(/^cms-[A-Z0-9]+\.js$/);
    const text = (name: string) => Buffer.from(bundle.files.find((f) => f.name === name)!.contents).toString("utf8");
    const entry = text(bundle.entry);
    expect(entry).toContain("onclick");
    expect(entry).not.toContain("loaded on demand");
    const later = bundle.files.find((f) => f.name.startsWith("cms-later-"));
    expect(later && Buffer.from(later.contents).toString("utf8")).toContain("loaded on demand");
    expect(entry).toContain(`import("/sub/_astro/${later!.name}")`);
    const font = bundle.files.find((f) => f.name.endsWith(".woff2"));
    expect(font?.name).toMatch(/^cms-f-[A-Z0-9]+\.woff2$/);
    expect(entry).toContain(`url("/sub/_astro/${font!.name}")`);
    expect((await buildCmsBundle(target(false))).entry).toBe("cms.js");
  });

  it("lists the chunks the entry imports statically, for the page to preload, and not the ones it loads on demand", async () => {
    const bundle = await buildCmsBundle(target(true));
    const text = (name: string) => Buffer.from(bundle.files.find((f) => f.name === name)!.contents).toString("utf8");
    expect(bundle.preload).toHaveLength(1);
    expect(text(bundle.preload[0]!)).toContain("needed at once");
    expect(bundle.preload.some((n) => n.startsWith("cms-later-"))).toBe(false);
  });

  it("fails with esbuild's message naming the file and line when the CMS code does not compile", async () => {
    write("admin/cms.ts", 'import { missing } from "./no-such-module.ts";\nconst broken = ;\nconsole.log(missing, broken);\n');
    // In the build's worker thread too, which hands the same message back.
    for (const failure of [buildCmsBundle(target(true)), buildCmsBundleInWorker(target(true))]) {
      await expect(failure).rejects.toThrow(/^The CMS script \(admin\/cms\.ts\) failed to build:/);
      await expect(failure).rejects.toThrow(/\[ERROR\] Unexpected ";"\s+admin\/cms\.ts:2:15:/);
    }
  });

  it("builds the same bundle in a worker thread as in the calling one", async () => {
    const [here, worker] = await Promise.all([buildCmsBundle(target(true)), buildCmsBundleInWorker(target(true))]);
    expect(worker.entry).toBe(here.entry);
    expect(worker.preload).toEqual(here.preload);
    const bytes = (b: typeof here) => b.files.map((f) => `${f.name}:${Buffer.from(f.contents).toString("base64")}`).sort();
    expect(bytes(worker)).toEqual(bytes(here));
  });
});
