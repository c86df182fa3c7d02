/**
 * The preview is the page: the real CMS in Chromium, on the local backend and
 * a copy of the fixture content, opens the preview of a post (hero image,
 * tags, table of contents, update, program callout), a post with every
 * Markdown feature, the about page, the program page and the site settings,
 * and each preview pane's DOM is compared with the same region of the built
 * page.
 *
 * Regions: a post's article and its callout; the about page's article; the
 * program page's sections; for settings, the header's name and navigation and
 * the footer of the home page (the header's search control belongs to the
 * page, not to the settings). Both sides are parsed and printed again, element
 * by element; whitespace between elements is not compared.
 *
 * One thing legitimately differs: images. The build writes optimised files
 * through Astro's image service (`src`, `srcset`, `sizes`, `width`, `height`,
 * and on images in the text `loading`, `decoding` and `data-astro-image*`
 * layout markers); the preview shows the uploaded file through Decap's media
 * URL. Those attributes of `<img>` are removed on both sides; `alt`, `class`
 * and the rest stay.
 * The browser's clock is set to the build's "now", so the program's next-call
 * date is the same on both sides.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Element, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import type { Browser, Page } from "playwright-core";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { previewHtml } from "../../admin/preview-html.ts";
import { launchBrowser } from "../support/browser.ts";
import { FIXTURE_NOW } from "../support/build.ts";
import { serveDist, type Served } from "../support/serve.ts";
import { buildCmsSite, freePort, login, startDecapServer, tempSite } from "./support.ts";

const POST = "whole-post";
const KITCHEN_SINK = "kitchen-sink";
vi.setConfig({ testTimeout: 120_000 });
const IMAGE_SERVICE_ATTRIBUTES = ["src", "srcSet", "sizes", "width", "height", "loading", "decoding", "dataAstroImage", "dataAstroImagePos"];

let dist: string;
let decap: ChildProcess;
let served: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const root = tempSite("preview-page");
  for (const name of [POST, KITCHEN_SINK]) {
    fs.copyFileSync(path.join(import.meta.dirname, "fixtures/preview", `${name}.md`), path.join(root, "content/posts", `${name}.md`));
  }
  const decapPort = await freePort();
  dist = await buildCmsSite("preview-page", root, decapPort);
  served = await serveDist(dist);
  decap = await startDecapServer(root, decapPort, served.url);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.clock.setFixedTime(new Date(FIXTURE_NOW));
  await login(page, `${served.url}admin/`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  decap?.kill();
});

const parse = (html: string): Root => unified().use(rehypeParse, { fragment: true }).parse(html);

/** Every element matching `test`, outermost first (matches inside a match are not listed again). */
function select(tree: Root | Element, test: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, "element", (node: Element) => {
    if (!test(node)) return undefined;
    found.push(node);
    return "skip";
  });
  return found;
}

const hasClass = (name: string) => (node: Element) => Array.isArray(node.properties["className"]) && node.properties["className"].includes(name);

/** The elements' HTML, one string each, images without the image service's attributes. */
function printed(elements: Element[]): string[] {
  return elements.map((element) => {
    const copy = structuredClone(element);
    visit(copy, "element", (node: Element) => {
      if (node.tagName === "img") for (const key of IMAGE_SERVICE_ATTRIBUTES) delete node.properties[key];
    });
    return toHtml(copy);
  });
}

/** The element children of the first element matching `test`. */
function childrenOf(tree: Root, test: (node: Element) => boolean): Element[] {
  const [parent] = select(tree, test);
  if (!parent) throw new Error("region not found");
  return parent.children.filter((c): c is Element => c.type === "element");
}

/** The built page at `file` (relative to dist/), parsed. */
const built = (file: string): Root => parse(fs.readFileSync(path.join(dist, file), "utf8"));

/** Opens an entry in the CMS and returns the preview pane's `body`, parsed, once `selector` with `title` shows (not the last entry's). */
async function preview(hash: string, title: string, selector = "h1"): Promise<Root> {
  // A fresh load of the CMS for each entry (the login stays in the browser's storage).
  await page.goto("about:blank");
  await page.goto(`${served.url}admin/#/collections/${hash}`);
  const frame = page.frameLocator("iframe").first();
  try {
    await frame.locator(selector, { hasText: title }).waitFor({ timeout: 60_000 });
  } catch (err) {
    throw new Error(
      `the preview of ${hash} did not show "${title}"; it shows: ${await frame
        .locator("body")
        .innerText({ timeout: 1000 })
        .catch(() => "nothing")}`,
      { cause: err },
    );
  }
  return parse(await frame.locator("body").innerHTML());
}

describe("each CMS preview shows its page", () => {
  it("a post: header, hero image, table of contents, text, tags and the program callout", async () => {
    const view = await preview(`posts/entries/${POST}`, "Everything a post page shows");
    const page = built(`blog/${POST}/index.html`);
    const article = (tree: Root) => childrenOf(tree, (n) => n.tagName === "article" && hasClass("post")(n));
    const parts = printed(article(view));
    // Every part is really there: the comparison is not of two empty articles.
    expect(article(view).map((e) => `${e.tagName}.${String((e.properties["className"] as string[])[0])}`)).toEqual([
      "header.post-header",
      "img.hero",
      "details.toc",
      "div.prose",
    ]);
    expect(parts[0]).toContain("Updated");
    expect(parts[0]).toContain('class="tags"');
    expect(parts).toEqual(printed(article(page)));
    const callout = (tree: Root) => printed(select(tree, hasClass("callout")));
    expect(callout(view)).toHaveLength(1);
    expect(callout(view)).toEqual(callout(page));
  });

  it("a post with every Markdown feature: headings, lists, links, images, code, tables, blockquotes, footnotes", async () => {
    const view = await preview(`posts/entries/${KITCHEN_SINK}`, "Every kind of Markdown");
    const prose = (tree: Root) => printed(select(tree, hasClass("prose")));
    const [html = ""] = prose(view);
    for (const feature of [
      "<h2",
      "<h3",
      "<h4",
      "<ul",
      "<ol",
      "<blockquote",
      "<pre><code",
      "<table",
      "<img",
      'class="footnotes"',
      "<del",
      'type="checkbox"',
    ]) {
      expect(html).toContain(feature);
    }
    expect(html).toContain('rel="noopener noreferrer external"');
    expect(prose(view)).toEqual(prose(built(`blog/${KITCHEN_SINK}/index.html`)));
  });

  it("the about page: heading, text and contact line", async () => {
    const view = await preview("pages/entries/about", "About the studio");
    const article = (tree: Root) => printed(childrenOf(tree, (n) => n.tagName === "article"));
    expect(article(view)).toHaveLength(3);
    expect(article(view)).toEqual(article(built("about/index.html")));
  });

  it("the program page: every section", async () => {
    const view = await preview("program/entries/program", "Fixture headline");
    const sections = (tree: Root) => select(tree, (n) => n.properties["dataSection"] !== undefined);
    const names = (tree: Root) => sections(tree).map((s) => s.properties["dataSection"]);
    expect(names(view)).toEqual(["hero", "problem", "benefits", "how-it-works", "schedule", "testimonials", "faq", "closing"]);
    expect(names(view)).toEqual(names(built("program/index.html")));
    expect(printed(sections(view))).toEqual(printed(sections(built("program/index.html"))));
  });

  it("the site settings: the header's name and navigation, the email signup block and the footer", async () => {
    const view = await preview("settings/entries/site", "Quiet Hands Studio", "footer .name");
    const parts = (tree: Root) =>
      printed([...select(tree, hasClass("brand")), ...select(tree, (n) => n.tagName === "nav"), ...select(tree, hasClass("site-footer"))]);
    expect(parts(view)).toHaveLength(4);
    expect(parts(view)).toEqual(parts(built("index.html")));
    // The block as it ends a post (this fixture names no provider: the feed and the contact address).
    const signup = (tree: Root) => printed(select(tree, hasClass("signup")));
    expect(signup(view)).toHaveLength(1);
    expect(signup(view)).toEqual(signup(built(`blog/${POST}/index.html`)));
  });
});

describe("the preview's Markdown", () => {
  it("drops script and event handlers from raw HTML, as the page does", async () => {
    const { html } = await previewHtml('Text <img src="x.jpg" onerror="alert(1)"> <script>alert(2)</script> <a href="javascript:alert(3)">link</a>');
    expect(html).not.toMatch(/onerror|<script|javascript:/);
  });
});
