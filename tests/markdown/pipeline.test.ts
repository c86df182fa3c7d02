/**
 * Fixture tests for the Markdown pipeline: each folder under fixtures/ holds
 * `input.md` and the reviewed `output.html` (and `meta.json`: reading time and
 * table of contents) that `renderMarkdown()` must produce; an optional
 * `options.json` adds pipeline options (such as a deployment `base`).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderMarkdown, type PipelineOptions } from "../../src/markdown/pipeline.ts";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
/** The site URL the fixtures are rendered for (links to it stay internal). */
export const FIXTURE_SITE_URL = "https://www.path2practice.com";

const cases = fs.readdirSync(FIXTURES).sort();

describe("the Markdown pipeline", () => {
  it("has fixture cases to check", () => {
    expect(cases).toEqual(expect.arrayContaining(["base-links", "external-links", "gfm", "heading-anchors", "heading-ids", "reading-time", "toc"]));
  });

  for (const name of cases) {
    it(`renders the ${name} fixture as reviewed`, async () => {
      const dir = path.join(FIXTURES, name);
      const optionsFile = path.join(dir, "options.json");
      const extra = fs.existsSync(optionsFile) ? (JSON.parse(fs.readFileSync(optionsFile, "utf8")) as PipelineOptions) : {};
      const { html, meta } = await renderMarkdown(fs.readFileSync(path.join(dir, "input.md"), "utf8"), { siteUrl: FIXTURE_SITE_URL, ...extra });
      expect(html.trim()).toBe(fs.readFileSync(path.join(dir, "output.html"), "utf8").trim());
      expect(meta).toEqual(JSON.parse(fs.readFileSync(path.join(dir, "meta.json"), "utf8")));
    });
  }
});
