/** Every page of the fixture build is valid HTML (html-validate, strict presets). */
import path from "node:path";
import { HtmlValidate, StaticConfigLoader } from "html-validate";
import { describe, expect, it } from "vitest";
import { fixtureDist } from "../support/build.ts";
import { htmlPages } from "./site.ts";

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

describe("the built HTML", () => {
  it.each(["main", "subpath"] as const)("is valid on every page of the %s build", async (name) => {
    const dist = fixtureDist(name);
    const pages = htmlPages(dist);
    expect(pages).toContain("/blog/welcome/index.html");
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(path.join(dist, page));
      for (const result of report.results) {
        for (const m of result.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ""})`);
      }
    }
    expect(problems).toEqual([]);
  });
});
