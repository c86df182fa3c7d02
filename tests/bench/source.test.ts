import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { countLines, sourceSize } from "../../bench/source.ts";
import { TMP } from "../support/build.ts";
import { writeFileIn } from "../support/files.ts";

const ROOT = path.join(TMP, "bench-source-size");
afterAll(() => fs.rmSync(ROOT, { recursive: true, force: true }));

describe("the size of the site's code", () => {
  it("counts lines as wc -l does: newline characters, blank and comment lines included", () => {
    expect(countLines(Buffer.from(""))).toBe(0);
    expect(countLines(Buffer.from("a\n\n// note\nb\n"))).toBe(4);
    expect(countLines(Buffer.from("no newline at the end"))).toBe(0);
  });

  it("counts the text files under src/ and admin/, nested ones too, and leaves out binary files and other folders", () => {
    fs.rmSync(ROOT, { recursive: true, force: true });
    writeFileIn(ROOT, "src/lib/a.ts", "export const a = 1;\n\n// why\n");
    writeFileIn(ROOT, "src/pages/index.astro", "---\n---\n<p>hi</p>\n");
    writeFileIn(ROOT, "admin/cms.ts", "import './x.ts';\n");
    writeFileIn(ROOT, "bench/run.ts", "one\ntwo\n");
    writeFileIn(ROOT, "tests/x.test.ts", "one\n");
    fs.writeFileSync(path.join(ROOT, "src/lib/font.woff2"), Buffer.from([0x77, 0x4f, 0x46, 0x32, 0x00, 0x0a, 0x0a]));
    expect(sourceSize(ROOT)).toEqual({ dirs: ["src", "admin"], files: 3, lines: 7 });
  });
});
