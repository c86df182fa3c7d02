import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { CMS_ENTRY_ENV, cmsBundleFor, cmsBundleKey, cmsScriptUrl, copyCmsBundle, ensureCmsBundle, isBuilt } from "../../src/lib/cms-bundle.ts";
import { TMP } from "../support/build.ts";
import { writeFileIn } from "../support/files.ts";

const ROOT = path.join(TMP, "cms-bundle-key");
const write = (rel: string, text: string) => writeFileIn(ROOT, rel, text);

beforeEach(() => {
  fs.rmSync(ROOT, { recursive: true, force: true });
  write("admin/cms.ts", "import './preview.ts';\n");
  write("src/markdown/pipeline.ts", "export const plugins = [];\n");
  write("src/cli/new.ts", "// a command\n");
  write("content/posts/hello.md", "---\ntitle: Hello\n---\nHi.\n");
  write("package-lock.json", '{"lockfileVersion":3}\n');
});
afterAll(() => fs.rmSync(ROOT, { recursive: true, force: true }));

describe("the CMS bundle's cache key", () => {
  it("stays the same when only content changes, so an edited post reuses the bundle", () => {
    const before = cmsBundleKey(ROOT, "/", "8.0.0");
    write("content/posts/hello.md", "---\ntitle: Hello again\n---\nChanged.\n");
    write("content/posts/new.md", "---\ntitle: New\n---\n");
    expect(cmsBundleKey(ROOT, "/", "8.0.0")).toBe(before);
  });

  it("changes with the CMS code, the shared pipeline, the packages, the base and the bundler", () => {
    const before = cmsBundleKey(ROOT, "/", "8.0.0");
    const changes: Array<() => string> = [
      () => (write("admin/cms.ts", "import './preview.ts';\n// edited\n"), cmsBundleKey(ROOT, "/", "8.0.0")),
      () => (write("src/markdown/pipeline.ts", "export const plugins = [1];\n"), cmsBundleKey(ROOT, "/", "8.0.0")),
      () => (write("src/markdown/new-plugin.ts", "export {};\n"), cmsBundleKey(ROOT, "/", "8.0.0")),
      () => (write("package-lock.json", '{"lockfileVersion":3,"packages":{}}\n'), cmsBundleKey(ROOT, "/", "8.0.0")),
      () => cmsBundleKey(ROOT, "/path2practice/", "8.0.0"),
      () => cmsBundleKey(ROOT, "/", "8.1.0"),
    ];
    const keys = changes.map((change) => change());
    for (const key of keys) expect(key).not.toBe(before);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("ignores the benchmark and the command-line folder, which never reach the browser", () => {
    const before = cmsBundleKey(ROOT, "/", "8.0.0");
    write("bench/run.ts", "// benchmark\n");
    write("src/cli/new.ts", "// a command, edited\n");
    expect(cmsBundleKey(ROOT, "/", "8.0.0")).toBe(before);
  });
});

describe("a cached bundle", () => {
  it("counts as built only once its completion marker is written, and copies without the marker", () => {
    const bundle = cmsBundleFor(path.join(ROOT, "cache"), "abc123", "_astro");
    expect(bundle.entry).toBe("cms.abc123.js");
    fs.mkdirSync(bundle.dir, { recursive: true });
    fs.writeFileSync(path.join(bundle.dir, bundle.entry), "console.log(1)");
    expect(isBuilt(bundle)).toBe(false);
    fs.writeFileSync(path.join(bundle.dir, ".complete"), "");
    expect(isBuilt(bundle)).toBe(true);
    const assets = path.join(ROOT, "dist/_astro");
    expect(copyCmsBundle(bundle, assets)).toBe(1);
    expect(fs.readdirSync(assets)).toEqual(["cms.abc123.js"]);
  });

  it("is linked by the admin page under the base, and a build without the integration fails loudly", () => {
    const saved = process.env[CMS_ENTRY_ENV];
    try {
      delete process.env[CMS_ENTRY_ENV];
      expect(cmsScriptUrl("/path2practice", true)).toBe("/path2practice/admin/cms.ts");
      expect(() => cmsScriptUrl("/", false)).toThrow(/cms-bundle integration/);
      process.env[CMS_ENTRY_ENV] = "_astro/cms.abc123.js";
      expect(cmsScriptUrl("/path2practice/", false)).toBe("/path2practice/_astro/cms.abc123.js");
    } finally {
      if (saved === undefined) delete process.env[CMS_ENTRY_ENV];
      else process.env[CMS_ENTRY_ENV] = saved;
    }
  });

  it("fails the build with the bundler's own message when the CMS code does not compile, and caches nothing", async () => {
    write("admin/cms.ts", "import { missing } from './no-such-module.ts';\nconsole.log(missing);\n");
    const bundle = cmsBundleFor(path.join(ROOT, "cache"), "broken1", "_astro");
    await expect(ensureCmsBundle(ROOT, "/", bundle)).rejects.toThrow(/CMS bundle \(admin\/cms\.ts\) failed to build[\s\S]*no-such-module/);
    expect(isBuilt(bundle)).toBe(false);
    const cached = path.join(ROOT, "cache/cms-bundle");
    expect(fs.existsSync(cached) ? fs.readdirSync(cached).filter((d) => d.startsWith("broken1")) : []).toEqual([]);
  }, 60_000);
});
