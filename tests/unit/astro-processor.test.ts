/**
 * The digest the Markdown processor carries in Astro's config: it must change
 * whenever the code that renders posts changes (else Astro keeps serving posts
 * rendered by the old code), and only then (else every build re-renders all).
 */
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { astroMarkdownProcessor, pipelineSourceDigest } from "../../src/markdown/astro-processor.ts";
import { ROOT, TMP } from "../support/build.ts";
import { writeFileIn } from "../support/files.ts";

const SCRATCH = path.join(TMP, "pipeline-digest");
const write = (rel: string, text: string) => writeFileIn(SCRATCH, rel, text);

beforeEach(() => {
  fs.rmSync(SCRATCH, { recursive: true, force: true });
  write("src/markdown/pipeline.ts", 'import remarkX from "./remark-x.ts";\n');
  write("src/markdown/remark-x.ts", 'import { readingTime } from "../lib/reading-time.ts";\nexport default () => readingTime;\n');
  write("src/lib/reading-time.ts", "export const readingTime = 1;\n");
  write("src/lib/unrelated.ts", "export const x = 1;\n");
  write("package-lock.json", '{"lockfileVersion":3}\n');
});

describe("the Markdown pipeline's source digest", () => {
  it("changes with a plugin, a site module a plugin imports, or the installed packages", () => {
    const before = pipelineSourceDigest(SCRATCH);
    const after = [
      () => write("src/markdown/remark-x.ts", 'import { readingTime } from "../lib/reading-time.ts";\nexport default () => readingTime + 1;\n'),
      () => write("src/markdown/rehype-new.ts", "export default () => undefined;\n"),
      () => write("src/lib/reading-time.ts", "export const readingTime = 2;\n"),
      () => write("package-lock.json", '{"lockfileVersion":3,"packages":{}}\n'),
    ].map((change) => (change(), pipelineSourceDigest(SCRATCH)));
    expect(new Set([before, ...after]).size).toBe(5);
  });

  it("stays the same when nothing it renders with changes", () => {
    const before = pipelineSourceDigest(SCRATCH);
    write("src/lib/unrelated.ts", "export const x = 2;\n");
    write("content/posts/a.md", "---\ntitle: A\n---\n");
    expect(pipelineSourceDigest(SCRATCH)).toBe(before);
  });

  it("travels in the processor's options, next to the site's plugins, where Astro's config digest sees it", () => {
    const processor = astroMarkdownProcessor(ROOT, { siteUrl: "https://example.org" });
    expect(processor.name).toBe("unified");
    expect(processor.options).toMatchObject({ sourceDigest: pipelineSourceDigest(ROOT), gfm: false, smartypants: false });
    expect(processor.options.remarkPlugins.length).toBeGreaterThan(0);
    expect(JSON.stringify(processor)).toContain(pipelineSourceDigest(ROOT));
  });
});
