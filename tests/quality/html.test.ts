/**
 * Every page of the fixture builds is valid HTML, by two validators: html-validate (strict presets, every template,
 * nothing outside the document) and the W3C's Nu Html Checker (vnu-jar, on the machine's Java), which judges what
 * html-validate does not, such as the text of a <time> without a datetime.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { HtmlValidate, StaticConfigLoader } from "html-validate";
import { describe, expect, it } from "vitest";
import { FIXTURE_SITES, fixtureDist, ROOT, type FixtureName } from "../support/build.ts";
import { htmlPages, outsideDocument } from "./site.ts";

/**
 * The recommended and whole-document presets, minus three rules that judge
 * something other than validity here:
 * - require-sri: every script and stylesheet is served from the site's own
 *   origin by the same host as the page; a hash would protect nothing.
 * - long-title: a search-engine hint about the author's post titles, not markup.
 * - wcag/h32: the search page's form has one field and submits with Enter (HTML's
 *   implicit submission); its script replaces the form with live results.
 */
const validator = new HtmlValidate(
  new StaticConfigLoader({
    extends: ["html-validate:recommended", "html-validate:document"],
    rules: { "require-sri": "off", "long-title": "off", "wcag/h32": "off" },
  }),
);

/**
 * One built page per page template of src/pages, as a pattern over build paths
 * (the main fixture build). A template missing here fails the coverage test, so
 * a new template cannot go unvalidated.
 */
const TEMPLATE_PAGES: Record<string, RegExp> = {
  "404.astro": /^\/404\.html$/,
  "about.astro": /^\/about\/index\.html$/,
  "blog/[...page].astro": /^\/blog\/(\d+\/)?index\.html$/,
  "blog/[slug].astro": /^\/blog\/(?!\d+\/|archive\/)[^/]+\/index\.html$/,
  "blog/archive.astro": /^\/blog\/archive\/index\.html$/,
  "index.astro": /^\/index\.html$/,
  "program/index.astro": /^\/program\/index\.html$/,
  "search.astro": /^\/search\/index\.html$/,
  "tags/[tag].astro": /^\/tags\/[^/]+\/index\.html$/,
  "tags/index.astro": /^\/tags\/index\.html$/,
  "thanks.astro": /^\/thanks\/index\.html$/,
};

/** Page templates (.astro and .md routes) under src/pages, relative to it. */
function pageTemplates(): string[] {
  const dir = path.join(ROOT, "src/pages");
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => /\.(astro|md|mdx|html)$/.test(f))
    .sort();
}

const DOCUMENT = (after: string) =>
  `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><main><p>Text</p></main></body>\n</html>${after}\n`;

describe("the check for content outside the document", () => {
  it("accepts a document that ends with its </html>", () => {
    expect(outsideDocument(DOCUMENT(""))).toEqual([]);
  });

  it.each([
    ["a script after </html>", '<script type="module" src="/a.js"></script>'],
    ["an element after </html>", "<p>late</p>"],
    ["text after </html>", "late"],
  ])("reports %s, which html-validate passes", async (_what, after) => {
    expect((await validator.validateString(DOCUMENT(after))).valid).toBe(true);
    expect(outsideDocument(DOCUMENT(after))).not.toEqual([]);
  });

  it("reports an element between </body> and </html>", () => {
    expect(outsideDocument(DOCUMENT("").replace("</body>", "</body><script></script>"))).toEqual(["<script> at line 2 after </body>"]);
  });

  it("reports a file that does not end with </html>", () => {
    expect(outsideDocument("<!doctype html><title>t</title><p>Text</p>")).toEqual(["no </html> end tag"]);
  });
});

describe("the built HTML", () => {
  it("covers every page template", () => {
    const pages = htmlPages(fixtureDist("main"));
    expect(pageTemplates()).toEqual(Object.keys(TEMPLATE_PAGES).sort());
    const uncovered = Object.entries(TEMPLATE_PAGES).filter(([, pattern]) => !pages.some((p) => pattern.test(p)));
    expect(uncovered.map(([template]) => template)).toEqual([]);
  });

  it.each(["main", "subpath"] as const)("is valid on every page of the %s build", async (name) => {
    const dist = fixtureDist(name);
    const pages = htmlPages(dist);
    expect(pages).toContain("/blog/welcome/index.html");
    // Written by the CMS bundle's integration, not a template: validated all the same.
    expect(pages).toContain("/admin/index.html");
    const problems: string[] = [];
    for (const page of pages) {
      const file = path.join(dist, page);
      for (const problem of outsideDocument(fs.readFileSync(file, "utf8"))) problems.push(`${page}: ${problem}`);
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ""})`);
      }
    }
    expect(problems).toEqual([]);
  });
});

/** One finding of the Nu Html Checker (`--format json`): errors, and infos that are warnings. */
type NuMessage = { type: string; subType?: string; url: string; firstLine?: number; lastLine?: number; message: string };

describe("the Nu Html Checker", () => {
  it("finds no error or warning on any page of any shared build", async () => {
    const pages = (Object.keys(FIXTURE_SITES) as FixtureName[]).flatMap((name) => {
      const dist = fixtureDist(name);
      return htmlPages(dist).map((p) => path.join(dist, p));
    });
    expect(pages.length).toBeGreaterThan(100);
    const jar = createRequire(import.meta.url)("vnu-jar") as string;
    // It reports on stderr and exits 1 when it found anything; Java missing is an error of its own.
    const { stderr } = await promisify(execFile)("java", ["-jar", jar, "--format", "json", "--skip-non-html", ...pages], {
      maxBuffer: 64 * 1024 * 1024,
    }).catch((err: { code?: unknown; stderr?: string }) => {
      if (err.code === "ENOENT") throw new Error("the Nu Html Checker needs Java: apt-get install default-jre-headless");
      return { stderr: err.stderr ?? "" };
    });
    const { messages } = JSON.parse(stderr) as { messages: NuMessage[] };
    const found = messages
      .filter((m) => m.type === "error" || m.subType === "warning")
      .map((m) => `${path.relative(path.join(ROOT, "tests/.tmp/sites"), new URL(m.url).pathname)}:${m.lastLine ?? m.firstLine ?? 0} ${m.message}`);
    expect(found).toEqual([]);
  });
});
