/**
 * One sanitizer for post HTML: a hostile post is built with the real Astro
 * build (through a test config without the content guard, which would refuse
 * it), and its page, its feed item and its CMS preview must carry no active
 * content and the same article HTML. The real build refuses the post naming
 * the file, `content:check` lists each removed construct at its line, and
 * the CMS save guard shows the same words before saving.
 */
import fs from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import type { Element, ElementContent, Root } from "hast";
import matter from "gray-matter";
import rehypeParse from "rehype-parse";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { beforeAll, describe, expect, it } from "vitest";
import { previewHtml } from "../../admin/preview-html.ts";
import { checkEntry, EntryRefused, specFor } from "../../admin/save-guard.ts";
import { settingsFile } from "../../src/config/paths.ts";
import { loadSettings } from "../../src/config/settings.ts";
import { runCli, scratch } from "../cli/run.ts";
import { buildSite, FIXTURE_CONTENT } from "../support/build.ts";
import { childrenOfClass } from "../support/hast.ts";

const HOSTILE = path.join(import.meta.dirname, "fixtures/hostile.md");
const CODE_MDX = path.join(import.meta.dirname, "fixtures/code.mdx");
const TEST_CONFIG = path.join(import.meta.dirname, "astro.config.mjs");

/** A content folder with the fixture site's settings and pages and the given posts. */
function contentWith(name: string, posts: string[]): string {
  const content = path.join(scratch(name), "content");
  for (const dir of ["settings", "pages"]) fs.cpSync(path.join(FIXTURE_CONTENT, dir), path.join(content, dir), { recursive: true });
  // The fixture's redirects lead to its own posts, which this folder does not have.
  fs.writeFileSync(path.join(content, "settings/redirects.yaml"), "redirects: []\n");
  fs.mkdirSync(path.join(content, "posts"), { recursive: true });
  for (const post of posts) fs.copyFileSync(post, path.join(content, "posts", path.basename(post)));
  return content;
}

const parseHtml = (html: string, fragment: boolean): Root => unified().use(rehypeParse, { fragment }).parse(html);

/** Article HTML printed the same way for all three: addresses resolved against the post's URL (the feed carries absolute ones). */
function normalise(nodes: ElementContent[], pageUrl: string): string {
  const root: Root = { type: "root", children: structuredClone(nodes) };
  visit(root, "element", (node: Element) => {
    for (const key of ["href", "src"]) {
      const value = node.properties[key];
      if (typeof value === "string") node.properties[key] = new URL(value, pageUrl).href;
    }
  });
  return unified().use(rehypeStringify).stringify(root).trim();
}

const ACTIVE_ELEMENTS = new Set([
  "script",
  "style",
  "iframe",
  "frame",
  "object",
  "embed",
  "form",
  "input",
  "button",
  "meta",
  "base",
  "link",
  "svg",
  "math",
  "template",
]);

/** Everything in a tree that could run, load, send or restyle: should be nothing. */
function activeContent(nodes: ElementContent[]): string[] {
  const found: string[] = [];
  visit({ type: "root", children: nodes } as Root, "element", (node: Element) => {
    const checkbox = node.tagName === "input" && node.properties["type"] === "checkbox" && node.properties["disabled"] === true;
    if (ACTIVE_ELEMENTS.has(node.tagName) && !checkbox) found.push(`<${node.tagName}>`);
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on/i.test(key) || key === "style" || key === "srcDoc" || key === "formAction") found.push(`${node.tagName}[${key}]`);
      if (
        (key === "href" || key === "src") &&
        typeof value === "string" &&
        /^\s*[a-z][a-z0-9+.-]*:/i.test(value) &&
        !/^(https?|mailto|tel):/i.test(value)
      ) {
        found.push(`${node.tagName}[${key}=${value}]`);
      }
    }
  });
  return found;
}

/** Tag names in a tree, to see that allowed HTML survived. */
function tagNames(nodes: ElementContent[]): Set<string> {
  const names = new Set<string>();
  visit({ type: "root", children: nodes } as Root, "element", (node: Element) => void names.add(node.tagName));
  return names;
}

describe("a hostile post on the page, in the feed and in the CMS preview", () => {
  let page: Root;
  let feedItem: ElementContent[];
  let preview: ElementContent[];
  let pageUrl: string;

  beforeAll(async () => {
    const content = contentWith("sanitize-hostile", [HOSTILE]);
    const { dist } = await buildSite({ name: "security-hostile", content, env: { TZ: "UTC" }, config: TEST_CONFIG });
    const { url } = loadSettings(settingsFile(content));
    pageUrl = new URL("/blog/hostile/", url).href;
    page = parseHtml(fs.readFileSync(path.join(dist, "blog/hostile/index.html"), "utf8"), false);
    const feed = new XMLParser().parse(fs.readFileSync(path.join(dist, "rss.xml"), "utf8")) as {
      rss: { channel: { item: Array<{ link: string; "content:encoded": string }> | { link: string; "content:encoded": string } } };
    };
    const item = [feed.rss.channel.item].flat().find((i) => i.link === pageUrl);
    if (!item) throw new Error(`no feed item links to ${pageUrl}`);
    feedItem = parseHtml(item["content:encoded"], true).children as ElementContent[];
    preview = parseHtml((await previewHtml(matter(fs.readFileSync(HOSTILE, "utf8")).content, { siteUrl: url })).html, true)
      .children as ElementContent[];
  }, 300_000);

  it("carry no scripts, handlers, frames, objects, forms, meta, base, SVG, styles or other schemes", () => {
    const article = childrenOfClass(page, "prose");
    expect(activeContent(article)).toEqual([]);
    expect(activeContent(feedItem)).toEqual([]);
    expect(activeContent(preview)).toEqual([]);
  });

  it("leave no refresh, base address, frame or inline script anywhere in the page", () => {
    const found: string[] = [];
    visit(page, "element", (node: Element) => {
      if (
        node.tagName === "base" ||
        node.tagName === "iframe" ||
        node.tagName === "object" ||
        (node.tagName === "meta" && node.properties["httpEquiv"])
      )
        found.push(node.tagName);
      // The page's own JSON-LD is data, which browsers never run.
      const data = node.properties["type"] === "application/ld+json";
      if (node.tagName === "script" && !data && (node.children.length > 0 || !node.properties["src"])) found.push("inline script");
    });
    expect(found).toEqual([]);
  });

  it("keep the allowed HTML: details, abbr, kbd, mark, sup, sub, figures, images and http(s), mailto and tel links", () => {
    const article = childrenOfClass(page, "prose");
    expect([...tagNames(article)]).toEqual(
      expect.arrayContaining(["details", "summary", "abbr", "kbd", "mark", "sup", "sub", "figure", "figcaption", "img", "a"]),
    );
    const hrefs: string[] = [];
    visit(
      { type: "root", children: article } as Root,
      "element",
      (node: Element) => void (typeof node.properties["href"] === "string" && hrefs.push(node.properties["href"])),
    );
    expect(hrefs).toEqual(expect.arrayContaining(["tel:+15555550100", "mailto:hi@example.com", "https://example.com/", "/blog/"]));
    expect(normalise(article, pageUrl)).toContain("Styled and clickable.");
  });

  it("show the same sanitized article HTML", () => {
    const article = normalise(childrenOfClass(page, "prose"), pageUrl);
    expect(normalise(feedItem, pageUrl)).toBe(article);
    expect(normalise(preview, pageUrl)).toBe(article);
  });
});

describe("what the sanitizer removes is reported, never silently dropped", () => {
  it("content:check lists each construct as file:line: error with a hint", async () => {
    const content = contentWith("sanitize-check", [HOSTILE]);
    const r = await runCli("content-check", ["--content", "content"], { cwd: path.dirname(content), env: { P2P_NOW: "2026-06-01T12:00:00Z" } });
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n").filter((l) => l.startsWith("content/posts/hostile.md:"));
    expect(lines.join("\n")).toMatchInlineSnapshot(`
      "content/posts/hostile.md:11: error: raw <script> is not allowed (embedded scripts are not allowed; use a link)
      content/posts/hostile.md:13: error: HTML attribute "onerror" runs code (posts cannot run code; remove the attribute)
      content/posts/hostile.md:13: error: HTML attribute "style" on <img> is not allowed (inline styles are not allowed; the site's own styles apply to every post)
      content/posts/hostile.md:15: error: a javascript: address in a link (use an https://, mailto: or tel: address, or a site address such as /blog/)
      content/posts/hostile.md:15: error: a javascript: address in HTML (use an https://, mailto: or tel: address, or a site address such as /blog/)
      content/posts/hostile.md:17: error: raw <iframe> is not allowed (embedded frames, players and objects are not allowed; use a link to the page instead)
      content/posts/hostile.md:19: error: raw <form> is not allowed (forms are not allowed in posts; link to the page that has the form)
      content/posts/hostile.md:19: error: raw <input> is not allowed (forms are not allowed in posts; link to the page that has the form)
      content/posts/hostile.md:19: error: raw <button> is not allowed (forms are not allowed in posts; link to the page that has the form)
      content/posts/hostile.md:21: error: raw <meta> is not allowed (page settings such as a refresh, a base address or a title are not allowed in a post)
      content/posts/hostile.md:23: error: raw <base> is not allowed (page settings such as a refresh, a base address or a title are not allowed in a post)
      content/posts/hostile.md:25: error: raw <object> is not allowed (embedded frames, players and objects are not allowed; use a link to the page instead)
      content/posts/hostile.md:27: error: raw <svg> is not allowed (inline SVG and MathML are not allowed; use an image file: JPEG, PNG, WebP, AVIF or GIF)
      content/posts/hostile.md:29: error: raw <style> is not allowed (style sheets are not allowed; the site's own styles apply to every post)
      content/posts/hostile.md:31: error: HTML attribute "style" on <p> is not allowed (inline styles are not allowed; the site's own styles apply to every post)
      content/posts/hostile.md:31: error: HTML attribute "onclick" runs code (posts cannot run code; remove the attribute)"
    `);
  });

  it("the real build stops and names the file", async () => {
    const content = contentWith("sanitize-guarded", [HOSTILE]);
    const failure = await buildSite({ name: "security-guarded", content, env: { TZ: "UTC" } }).then(
      () => undefined,
      (err: unknown) => err as { log?: string },
    );
    expect(failure, "the build should have failed").toBeDefined();
    expect(failure?.log).toMatch(/The build stopped: \d+ content problems/);
    expect(failure?.log).toMatch(/posts\/hostile\.md:11: error: raw <script> is not allowed \(embedded scripts are not allowed; use a link\)/);
    expect(failure?.log).toMatch(/posts\/hostile\.md:13: error: HTML attribute "onerror" runs code/);
  }, 300_000);

  it("the CMS refuses to save with the same message", () => {
    const spec = specFor("posts")!;
    const { data, content: body } = matter(fs.readFileSync(HOSTILE, "utf8"));
    const check = checkEntry(spec, { ...data, body }, "UTC");
    expect(check.problems).toContain("Body, line 4: raw <script> is not allowed (embedded scripts are not allowed; use a link)");
    expect(check.problems).toContain("Body, line 12: raw <form> is not allowed (forms are not allowed in posts; link to the page that has the form)");
    expect(new EntryRefused(check.problems).message).toMatch(/^Not saved\. .*raw <script> is not allowed/);
    const clean = checkEntry(spec, { ...data, body: "A <mark>plain</mark> post with a [link](https://example.com/)." }, "UTC");
    expect(clean.problems).toEqual([]);
  });
});

describe(".mdx is code", () => {
  it("content:check warns on process.env, imports from outside src/components and exports", async () => {
    const content = contentWith("sanitize-mdx", [CODE_MDX]);
    const r = await runCli("content-check", ["--json", "--content", content], { env: { P2P_NOW: "2026-06-01T12:00:00Z" } });
    const { problems } = JSON.parse(r.stdout) as { problems: Array<{ severity: string; file: string; line: number; message: string }> };
    const mine = problems.filter((p) => p.file.endsWith("code.mdx")).map((p) => `${p.line}: ${p.severity}: ${p.message}`);
    expect(mine).toEqual([
      '10: warning: imports "node:fs", which is not one of the site\'s components',
      "12: warning: exports a value from the post",
      "12: warning: reads the build's environment variables",
      "14: warning: reads the build's environment variables",
    ]);
  });
});
