/**
 * `src/lib/` holds pure modules only: no files, processes, workers or
 * environment. Code that touches them lives beside the feature, integration or
 * command that needs it (src/redirects/, src/deploy/, src/import/, src/fonts/,
 * src/search/, src/config/, src/content-check/, src/social-cards/,
 * src/integrations/, src/cli/).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LIB = path.resolve(import.meta.dirname, "../../src/lib");

/** What makes a module impure: imports of the file system, processes or workers, and reads of the environment or working folder. */
const IMPURE = [
  /\bfrom\s+["'](node:)?(fs|fs\/promises|child_process|worker_threads)["']/,
  /\bimport\(\s*["'](node:)?(fs|fs\/promises|child_process|worker_threads)["']\s*\)/,
  /\bprocess\.env\b/,
  /\bprocess\.cwd\s*\(/,
];

/** The rules a module's source breaks. */
function impurities(source: string): string[] {
  return IMPURE.filter((rule) => rule.test(source)).map(String);
}

function libModules(): string[] {
  return fs
    .readdirSync(LIB, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|mts|js|mjs)$/.test(f))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

describe("src/lib/ is pure", () => {
  it("recognises each kind of impurity", () => {
    expect(impurities('import fs from "node:fs";')).toHaveLength(1);
    expect(impurities('import { readFile } from "fs/promises";')).toHaveLength(1);
    expect(impurities('import { spawn } from "node:child_process";')).toHaveLength(1);
    expect(impurities('import { Worker } from "node:worker_threads";')).toHaveLength(1);
    expect(impurities('const m = await import("node:fs");')).toHaveLength(1);
    expect(impurities('const dir = process.env["P2P_CONTENT_DIR"];')).toHaveLength(1);
    expect(impurities("const here = process.cwd();")).toHaveLength(1);
    expect(impurities('import path from "node:path";\nimport { slugify } from "./slug.ts";')).toEqual([]);
  });

  it("has no module that touches files, processes, workers or the environment", () => {
    const offenders = libModules()
      .map((f) => ({ file: `src/lib/${f}`, rules: impurities(fs.readFileSync(path.join(LIB, f), "utf8")) }))
      .filter((o) => o.rules.length);
    expect(offenders).toEqual([]);
  });
});
