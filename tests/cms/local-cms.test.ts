/**
 * The CMS as the author uses it locally: Chromium against the built /admin/
 * page and the local CMS server on 127.0.0.1, on one temporary copy of the
 * fixture site for the whole file (each test adds its own posts and files, or
 * leaves the ones it edits as the others expect them).
 *
 * - The preview is the page: the preview pane of a post (hero image, tags,
 *   table of contents, update, program callout), a post with every Markdown
 *   feature, the about page, the program page and the site settings, each
 *   compared with the same region of the built page (these run first, on
 *   content no other test has edited yet). See `printed()` for the one thing
 *   that legitimately differs.
 * - The posts list marks what readers cannot see yet: "Scheduled" on posts
 *   dated later than now in the site's time zone, "Draft" on drafts, in
 *   Decap's list and grid views and after the list is sorted.
 * - Create, illustrate, publish, rebuild, edit, delete; refusals; round trips
 *   that must not change a post.
 * - Round trips of the program page, the about page, the site settings and the
 *   redirects, each opened and saved without a change: YAML parsed deep-equal,
 *   front matter deep-equal and the Markdown body identical. Key order and
 *   quoting may change; values may not.
 * - Big photos are stored fitted to the site, and at phone size (390x844) a
 *   post can be opened, edited and published. Screenshots at that size go to
 *   tests/.tmp/cms-phone/ for a person to look at.
 * - The local server answers on loopback only.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import matter from "gray-matter";
import type { Element, Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { imageSize } from "image-size";
import type { BrowserContext, Page } from "playwright-core";
import rehypeParse from "rehype-parse";
import sharp from "sharp";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import YAML from "yaml";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { previewHtml } from "../../admin/preview-html.ts";
import { validateContent } from "../../src/content-check/validate.ts";
import { sniffImageType } from "../../src/lib/image-type.ts";
import { MAX_IMAGE_WIDTH } from "../../src/lib/image-limits.ts";
import { renderMarkdown } from "../../src/markdown/pipeline.ts";
import { FIXTURE_NOW, ROOT, TMP } from "../support/build.ts";
import { buildCmsSite, decapApi, login, useLocalCms } from "./support.ts";

const PREVIEW_POST = "whole-post";
const KITCHEN_SINK = "kitchen-sink";
const SEED_POST = "massage-therapists-suffer-from-professional-isolation-and-it-hurts-us.md";
const SHOTS = path.join(TMP, "cms-phone");
/** How long the CMS may take to show something, or decap-server to write a file, on a busy machine. */
const SHOWN = { timeout: 30_000 };

/** Writes a post for the list marks. The CMS runs on the real clock, so the dates are relative to now. */
function writePost(root: string, slug: string, date: string, draft = false): void {
  const front = [`title: ${slug}`, "description: A post for the list marks.", `date: ${date}`, ...(draft ? ["draft: true"] : [])];
  fs.writeFileSync(path.join(root, "content/posts", `${slug}.md`), `---\n${front.join("\n")}\n---\n\nBody.\n`);
}

const cms = useLocalCms("local", (root) => {
  for (const name of [PREVIEW_POST, KITCHEN_SINK])
    fs.copyFileSync(path.join(import.meta.dirname, "fixtures/preview", `${name}.md`), path.join(root, "content/posts", `${name}.md`));
  // The seed post is read (never written) from the real content, to prove its round trip too.
  fs.copyFileSync(path.join(ROOT, "content/posts", SEED_POST), path.join(root, "content/posts", SEED_POST));
  const year = new Date().getUTCFullYear();
  writePost(root, "next-year", `${year + 1}-06-01`);
  // An hour ahead, as an instant: scheduled by the time of day, not only by the date.
  writePost(root, "within-the-hour", new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, "Z"));
  writePost(root, "last-year", `${year - 1}-06-01`);
  writePost(root, "unfinished", `${year - 1}-07-01`, true);
});
let posts: string;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  posts = path.join(cms.root, "content/posts");
  context = await cms.browser.newContext({ viewport: { width: 1280, height: 900 } });
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  // One tab for the file, logged in once: loading the CMS is most of a test's time.
  page = await context.newPage();
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    // Decap asks before leaving an unsaved form (yes) and offers to restore a local backup of one (never).
    void (/backup/i.test(dialog.message()) ? dialog.dismiss() : dialog.accept());
  });
  await login(page, `${cms.served.url}admin/`);
});

// Each test starts from the posts list, so an unsaved form of one test never reaches the next.
beforeEach(async () => {
  await page.goto(`${cms.served.url}admin/#/collections/posts`);
  await page.locator('a[href^="#/collections/posts/entries/"]').first().waitFor(SHOWN);
});

afterAll(async () => {
  await context?.close();
});

/**
 * Previews against pages. Regions: a post's article and its callout; the about page's article;
 * the program page's sections; for settings, the header's name and navigation and the footer of
 * the home page (the header's search control belongs to the page, not to the settings). Both
 * sides are parsed and printed again, element by element; whitespace between elements is not
 * compared. One thing legitimately differs: images. The build writes optimised files through
 * Astro's image service (`src`, `srcset`, `sizes`, `width`, `height`, and on images in the text
 * `loading`, `decoding` and `data-astro-image*` layout markers); the preview shows the uploaded
 * file through Decap's media URL. Those attributes of `<img>` are removed on both sides; `alt`,
 * `class` and the rest stay.
 */
const IMAGE_SERVICE_ATTRIBUTES = ["src", "srcSet", "sizes", "width", "height", "loading", "decoding", "dataAstroImage", "dataAstroImagePos"];
/** A tab whose clock is the build's "now", so the program's next-call date is the same on both sides. */
let previewTab: Page;

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
const built = (file: string): Root => parse(fs.readFileSync(path.join(cms.dist, file), "utf8"));

/** Opens an entry in the CMS and returns the preview pane's `body`, parsed, once `selector` with `title` shows (not the last entry's). */
async function preview(hash: string, title: string, selector = "h1"): Promise<Root> {
  // A fresh load of the CMS for each entry (the login stays in the browser's storage).
  await previewTab.goto("about:blank");
  await previewTab.goto(`${cms.served.url}admin/#/collections/${hash}`);
  const frame = previewTab.frameLocator("iframe").first();
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

describe("each CMS preview shows its page", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    previewTab = await context.newPage();
    await previewTab.clock.setFixedTime(new Date(FIXTURE_NOW));
  });
  afterAll(async () => {
    await previewTab.close();
  });

  it("a post: header, hero image, table of contents, text, tags and the program callout", async () => {
    const view = await preview(`posts/entries/${PREVIEW_POST}`, "Everything a post page shows");
    const page = built(`blog/${PREVIEW_POST}/index.html`);
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
    expect(parts[0]).toMatch(/class="tags[ "]/);
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
    expect(signup(view)).toEqual(signup(built(`blog/${PREVIEW_POST}/index.html`)));
  });
});

describe("the preview's Markdown", () => {
  it("drops script and event handlers from raw HTML, as the page does", async () => {
    const { html } = await previewHtml('Text <img src="x.jpg" onerror="alert(1)"> <script>alert(2)</script> <a href="javascript:alert(3)">link</a>');
    expect(html).not.toMatch(/onerror|<script|javascript:/);
  });
});

/** Each post card's marks on screen, by slug ("" for none), for the cards shown. */
function marksShown(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const card of document.querySelectorAll<HTMLAnchorElement>('a[href^="#/collections/posts/entries/"]')) {
      // Innermost elements only: a mark's box holds the same text.
      const marks = [...card.querySelectorAll("h2 *")].filter((e) => {
        if (e.childElementCount) return false;
        const box = e.getBoundingClientRect();
        return (e.textContent === "Scheduled" || e.textContent === "Draft") && box.width > 0 && box.height > 0;
      });
      out[card.hash.split("/").pop()!] = marks.map((e) => e.textContent).join(",");
    }
    return out;
  });
}

const EXPECTED = {
  "next-year": "Scheduled",
  "within-the-hour": "Scheduled",
  "future-post": "Scheduled",
  unfinished: "Draft",
  "draft-post": "Draft",
  "last-year": "",
  welcome: "",
};

/** Waits until the posts above show their marks and every other card none. */
async function expectMarks(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const shown = await marksShown(page);
      const listed = Object.fromEntries(Object.keys(EXPECTED).map((slug) => [slug, shown[slug]]));
      const others = Object.entries(shown).filter(([slug, marks]) => !(slug in EXPECTED) && marks);
      return { listed, others };
    }, SHOWN)
    .toEqual({ listed: EXPECTED, others: [] });
}

describe("the CMS posts list", () => {
  it("marks scheduled posts and drafts in the list view, the grid view and after sorting", async () => {
    await page.getByRole("button", { name: "List view option" }).click();
    await page.locator('li[class*="-ListCard"]').first().waitFor(SHOWN);
    await expectMarks(page);
    await page.getByRole("button", { name: "Grid view option" }).click();
    await page.locator('li[class*="-GridCard"]').first().waitFor(SHOWN);
    await expectMarks(page);
    await page.getByRole("button", { name: "Sort by" }).click();
    await page.getByRole("menuitem", { name: "Title" }).click();
    await expectMarks(page);
    await page.getByRole("button", { name: "List view option" }).click();
    await page.locator('li[class*="-ListCard"]').first().waitFor(SHOWN);
    await expectMarks(page);
  });
});

/** Opens a new post form. */
async function newPost(): Promise<void> {
  await page.goto(`${cms.served.url}admin/#/collections/posts/new`);
  await page.locator('[id^="title-field"]').waitFor();
}

/** Clicks Publish → Publish now. */
async function publish(): Promise<void> {
  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByText("Publish now").click();
}

/** Text of the CMS's notifications and field errors shown right now (callers poll until the expected ones appear). */
async function errorsShown(): Promise<string[]> {
  const texts = await page.locator('[class*="Toast"], [class*="toast"], ul[class*="ControlErrorsList"] li').allTextContents();
  // Toasts nest (container, toast, body): each message once, in order.
  return [...new Set(texts.map((t) => t.trim()).filter(Boolean))];
}

/** Rendered HTML of a post body through the site's pipeline. */
async function bodyHtml(file: string): Promise<string> {
  return (await renderMarkdown(matter(fs.readFileSync(file, "utf8")).content)).html;
}

/**
 * Waits until `file` holds what `check` expects and has stopped changing: decap-server
 * writes a file in place, so a read in the middle of a save can see it half written.
 */
async function waitForSaved(file: string, check: (text: string) => boolean, what: string): Promise<void> {
  let last = "";
  await waitFor(() => {
    const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    const settled = text !== "" && text === last && check(text);
    last = text;
    return settled;
  }, what);
}

/** Polls `check` until it holds. */
async function waitFor(check: () => boolean, what: string): Promise<void> {
  await expect.poll(check, { ...SHOWN, interval: 100, message: `timed out waiting for ${what}` }).toBe(true);
}

describe("writing a post in the local CMS", () => {
  const file = () => path.join(posts, "a-walk-in-the-cms.md");
  const photo = () => path.join(posts, "images", "walk-photo.jpg");

  it("publishes a post with title, description, tags, a hero image with alt text and body text", async () => {
    const upload = path.join(cms.root, "walk-photo.jpg");
    fs.copyFileSync(path.join(ROOT, "tests/fixtures/site/content/posts/images/hero.jpg"), upload);
    await newPost();
    await page.locator('[id^="title-field"]').fill("A walk in the CMS");
    await page.locator('[id^="description-field"]').fill("Written and published in the browser.");
    await page.locator('[id^="date-field"]').fill("2026-05-20");
    await page.locator('[id^="tags-field"]').fill("Networking, Writing");
    await page.getByRole("button", { name: /Choose an image/i }).click();
    await page.locator('input[type="file"]').setInputFiles(upload);
    await page.getByRole("button", { name: "Choose selected" }).click();
    await page.locator('[id^="imageAlt-field"]').fill("A soft gradient from sand to green");
    await page.locator('[data-slate-editor="true"]').first().click();
    await page.keyboard.type("Hello from the CMS.");
    // The preview pane shows the hero image and the text, as the post page will.
    const preview = page.frameLocator("iframe").first();
    await expect.poll(() => preview.locator("article.post h1").innerText(), SHOWN).toBe("A walk in the CMS");
    await expect.poll(() => preview.locator("img.hero").evaluate((img) => (img as HTMLImageElement).naturalWidth), SHOWN).toBeGreaterThan(0);
    await publish();
    await waitForSaved(file(), (text) => text.includes("Hello from the CMS."), "the post file");

    const { data, content } = matter(fs.readFileSync(file(), "utf8"));
    expect(data).toMatchObject({
      title: "A walk in the CMS",
      description: "Written and published in the browser.",
      tags: ["Networking", "Writing"],
      image: "images/walk-photo.jpg",
      imageAlt: "A soft gradient from sand to green",
    });
    expect(content.trim()).toBe("Hello from the CMS.");
    expect(fs.existsSync(photo())).toBe(true);
    const { problems } = validateContent(path.join(cms.root, "content"), "America/Los_Angeles");
    expect(problems.filter((p) => p.file === file())).toEqual([]);
  });

  it("shows the new post with an optimised hero image after a rebuild", async () => {
    const dist = await buildCmsSite("local-rebuild", cms.root);
    const html = fs.readFileSync(path.join(dist, "blog/a-walk-in-the-cms/index.html"), "utf8");
    expect(html).toContain("<h1");
    expect(html).toContain("A walk in the CMS");
    expect(html).toContain("Hello from the CMS.");
    const hero = /<img[^>]*class="hero"[^>]*>|<img[^>]*alt="A soft gradient from sand to green"[^>]*>/.exec(html)?.[0] ?? "";
    expect(hero).toMatch(/src="\/_astro\/[^"]+\.webp"/);
    expect(hero).toMatch(/srcset="[^"]+480w[^"]+"/);
    expect(hero).toMatch(/width="\d+"/);
    expect(hero).toMatch(/height="\d+"/);
  }, 300_000);

  it("edits the post", async () => {
    await page.goto(`${cms.served.url}admin/#/collections/posts/entries/a-walk-in-the-cms`);
    const description = page.locator('[id^="description-field"]');
    await description.waitFor();
    await description.fill("Edited in the browser.");
    await publish();
    await waitForSaved(file(), (text) => matter(text).data["description"] === "Edited in the browser.", "the edit");
    expect(matter(fs.readFileSync(file(), "utf8")).data["imageAlt"]).toBe("A soft gradient from sand to green");
  });

  it("deletes the post", async () => {
    expect(fs.existsSync(file())).toBe(true);
    await page.goto(`${cms.served.url}admin/#/collections/posts/entries/a-walk-in-the-cms`);
    await page.getByRole("button", { name: "Delete entry" }).click();
    await waitFor(() => !fs.existsSync(file()), "the file to go");
  });
});

describe("the CMS refuses what the site would refuse", () => {
  const before = () => fs.readdirSync(posts).sort();

  it("does not publish a post without a title", async () => {
    const files = before();
    await newPost();
    await page.locator('[id^="description-field"]').fill("No title here.");
    await page.locator('[id^="date-field"]').fill("2026-05-20");
    await publish();
    await expect.poll(errorsShown, SHOWN).toContain("Title is required.");
    expect(before()).toEqual(files);
  });

  it("does not publish a post without a description", async () => {
    const files = before();
    await newPost();
    await page.locator('[id^="title-field"]').fill("No description");
    await page.locator('[id^="date-field"]').fill("2026-05-20");
    await publish();
    await expect.poll(errorsShown, SHOWN).toContain("Description is required.");
    expect(before()).toEqual(files);
  });

  it("does not publish a description longer than 200 characters", async () => {
    const files = before();
    await newPost();
    await page.locator('[id^="title-field"]').fill("Too long");
    await page.locator('[id^="description-field"]').fill("x".repeat(201));
    await page.locator('[id^="date-field"]').fill("2026-05-20");
    await publish();
    await expect
      .poll(async () => (await errorsShown()).join("\n"), SHOWN)
      .toBe("Description didn't match the pattern: Must be at most 200 characters.");
    expect(before()).toEqual(files);
  });

  it("does not publish a hero image without alt text", async () => {
    const files = before();
    await newPost();
    await page.locator('[id^="title-field"]').fill("No alt text");
    await page.locator('[id^="description-field"]').fill("A picture nobody described.");
    await page.locator('[id^="date-field"]').fill("2026-05-20");
    const upload = path.join(cms.root, "no-alt.jpg");
    fs.copyFileSync(path.join(ROOT, "tests/fixtures/site/content/posts/images/hero.jpg"), upload);
    await page.getByRole("button", { name: /Choose an image/i }).click();
    await page.locator('input[type="file"]').setInputFiles(upload);
    await page.getByRole("button", { name: "Choose selected" }).click();
    await publish();
    await expect
      .poll(async () => (await errorsShown()).join("\n"), SHOWN)
      .toBe(
        "Failed to persist entry: EntryRefused: Not saved. Hero image description (alt text): is required when an image is set (describe the image)",
      );
    expect(before()).toEqual(files);
  });

  it("refuses SVG uploads and says which images are accepted", async () => {
    const images = fs.readdirSync(path.join(posts, "images")).sort();
    const svg = path.join(cms.root, "drawing.svg");
    fs.writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await newPost();
    await page.getByRole("button", { name: /Choose an image/i }).click();
    dialogs.length = 0;
    await page.locator('input[type="file"]').setInputFiles(svg);
    await waitFor(() => dialogs.length > 0, "the refusal");
    expect(dialogs[0]).toMatchInlineSnapshot(`"Not uploaded: drawing.svg. Images must be JPEG, PNG, WebP, AVIF or GIF (not SVG)."`);
    await expect.poll(() => page.getByText("drawing.svg").count(), SHOWN).toBe(0);
    await page.keyboard.press("Escape");
    expect(fs.readdirSync(path.join(posts, "images")).sort()).toEqual(images);
  });
});

describe("opening a post in the CMS and saving it", () => {
  const cases = [SEED_POST, "sections-and-structure.md", "hero-image.md", "special-characters.md", "welcome.md"];

  // Decap saves only a changed entry (undoing a change disables Publish), so each round trip
  // changes the description and checks that nothing else moved: every other front-matter
  // key and value, and the rendered HTML of the body.
  for (const name of cases) {
    it(`keeps ${name}'s rendered HTML and every other front-matter key`, async () => {
      const file = path.join(posts, name);
      const original = matter(fs.readFileSync(file, "utf8"));
      const htmlBefore = await bodyHtml(file);
      await page.goto(`${cms.served.url}admin/#/collections/posts/entries/${name.replace(/\.md$/, "")}`);
      const description = page.locator('[id^="description-field"]').first();
      await description.waitFor();
      await description.fill("Revised in the CMS.");
      await publish();
      await waitForSaved(file, (text) => matter(text).data["description"] === "Revised in the CMS.", "the save");
      const saved = matter(fs.readFileSync(file, "utf8"));
      expect({ ...saved.data, description: undefined }).toEqual({ ...original.data, description: undefined });
      expect(await bodyHtml(file)).toBe(htmlBefore);
    });
  }

  it("keeps the rendered HTML of lists, links, code, tables and footnotes when the body is edited in rich-text mode", async () => {
    const file = path.join(posts, "sections-and-structure.md");
    const original = fs.readFileSync(file, "utf8");
    const htmlBefore = await bodyHtml(file);
    await page.goto(`${cms.served.url}admin/#/collections/posts/entries/sections-and-structure`);
    const editor = page.locator('[data-slate-editor="true"]').first();
    await editor.waitFor();
    await editor.getByText("An introduction paragraph").click();
    await page.keyboard.type("Qzx");
    await publish();
    await waitForSaved(file, (text) => text !== original && text.includes("Qzx"), "the save");
    // The rich-text editor re-writes the whole Markdown body; taking the one typed word
    // back out of the rendered page must give exactly the page before the edit.
    const after = await bodyHtml(file);
    expect(after).toContain("Qzx");
    expect(after.replace("Qzx", "")).toBe(htmlBefore);
  });
});

/** What a file says, as the site reads it. */
function data(file: string): unknown {
  const text = fs.readFileSync(file, "utf8");
  if (file.endsWith(".md")) {
    const { data: frontMatter, content } = matter(text);
    return { frontMatter, body: content.trim() };
  }
  return YAML.parse(text) as unknown;
}

/**
 * Waits until decap-server has written `file` again (its modification time moves past the
 * one set before the save) and the text has stopped changing (it writes in place).
 */
async function waitForWrite(file: string, before: number): Promise<void> {
  let last: string | undefined;
  await waitFor(() => {
    if (fs.statSync(file).mtimeMs <= before) return false;
    const text = fs.readFileSync(file, "utf8");
    const settled = text === last;
    last = text;
    return settled;
  }, `the CMS to save ${file}`);
}

/** Clicks Publish → Publish now and waits until decap-server has written `file`. */
async function publishFile(file: string): Promise<void> {
  // An old modification time, so the save is seen even when it writes the same text.
  fs.utimesSync(file, new Date(0), new Date(0));
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByText("Publish now").click();
  await waitForWrite(file, 0);
}

describe("saving a page or settings file in the CMS with its data unchanged", () => {
  const cases = [
    { name: "the program page", file: "pages/program.yaml", entry: "program/entries/program", field: "title" },
    // The site's own program page: an example schedule, an empty note, price and testimonial list.
    {
      name: "the site's own program page",
      file: "pages/program.yaml",
      entry: "program/entries/program",
      field: "title",
      source: path.join(ROOT, "content/pages/program.yaml"),
    },
    { name: "the about page", file: "pages/about.md", entry: "pages/entries/about", field: "title" },
    { name: "the site settings", file: "settings/site.yaml", entry: "settings/entries/site", field: "tagline" },
    { name: "the redirects", file: "settings/redirects.yaml", entry: "redirects/entries/redirects", field: "from", expand: "/post/welcome-old" },
  ];

  // Decap saves only an entry whose data differs from the file it loaded (taking an edit back
  // disables Publish), so each file is saved twice: with one character added to a field, then,
  // reloaded, with it removed. The second save writes the original data from the CMS's own
  // reading of the file.
  for (const { name, file: relative, entry, field, expand, source } of cases) {
    it(`keeps ${name}'s data`, async () => {
      const file = path.join(cms.root, "content", relative);
      // Read (never written) from the real content; the CMS reads the file when the entry opens.
      if (source) fs.copyFileSync(source, file);
      const before = data(file);
      const edit = async (key: string) => {
        // A list shows its items folded: the first button beside an item's summary unfolds it.
        if (expand) await page.getByText(expand).first().locator("xpath=..").getByRole("button").first().click();
        const input = page.locator(`input[id^="${field}-field"]`).first();
        await input.waitFor();
        await input.press("End");
        await input.press(key);
        await publishFile(file);
      };
      await page.goto(`${cms.served.url}admin/#/collections/${entry}`);
      await edit("Q");
      expect(data(file)).not.toEqual(before);
      await page.reload();
      await edit("Backspace");
      expect(data(file)).toEqual(before);
    });
  }
});

describe("an entry opened from another by its address", () => {
  it("shows its own data, and a save writes it to its own file", async () => {
    const about = path.join(cms.root, "content/pages/about.md");
    const program = path.join(cms.root, "content/pages/program.yaml");
    const aboutBefore = data(about);
    const programTitle = (YAML.parse(fs.readFileSync(program, "utf8")) as { title: string }).title;
    await page.goto(`${cms.served.url}admin/#/collections/pages/entries/about`);
    const title = page.locator('input[id^="title-field"]').first();
    await expect.poll(() => title.inputValue(), SHOWN).toBe((aboutBefore as { frontMatter: { title: string } }).frontMatter.title);
    // As the address bar or the history would: only the #fragment changes.
    await page.evaluate(() => (location.hash = "#/collections/program/entries/program"));
    await expect.poll(() => page.locator('input[id^="title-field"]').first().inputValue(), SHOWN).toBe(programTitle);
    const input = page.locator('input[id^="title-field"]').first();
    await input.press("End");
    await input.press("Q");
    await publishFile(program);
    expect((YAML.parse(fs.readFileSync(program, "utf8")) as { title: string }).title).toBe(`${programTitle}Q`);
    expect(data(about)).toEqual(aboutBefore);
  });
});

describe("the local CMS server", () => {
  it("answers on 127.0.0.1", async () => {
    expect((await decapApi(cms.decapPort, { action: "info" }, { origin: new URL(cms.served.url).origin })).ok).toBe(true);
  });

  it("is not reachable on any non-loopback address of this machine", async () => {
    const addresses = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => (a!.family === "IPv6" ? `[${a!.address.split("%")[0]}]` : a!.address));
    for (const host of [...addresses, "[::1]"]) {
      const reached = await decapApi(cms.decapPort, { action: "info" }, { host, origin: new URL(cms.served.url).origin }).then(
        () => true,
        () => false,
      );
      expect({ host, reached }).toEqual({ host, reached: false });
    }
  });
});

/** The bytes of `file` once written (decap-server writes in place: a file is complete once its size stops changing). */
async function settledFile(file: string): Promise<Buffer> {
  let last = -1;
  await waitFor(() => {
    const size = fs.existsSync(file) ? fs.statSync(file).size : -1;
    const settled = size > 0 && size === last;
    last = size;
    return settled;
  }, file);
  return fs.readFileSync(file);
}

/** A test picture of stripes (a photo-sized file that is quick to make), with a transparent half when `alpha`. */
async function picture(file: string, width: number, height: number, format: "jpeg" | "png", alpha = false): Promise<void> {
  const channels = alpha ? 4 : 3;
  const pixels = Buffer.alloc(width * height * channels);
  for (let i = 0; i < width * height; i++) {
    const [x, y] = [i % width, Math.floor(i / width)];
    pixels.set([x % 256, y % 256, (x + y) % 256, ...(alpha ? [x < width / 2 ? 0 : 255] : [])], i * channels);
  }
  const image = sharp(pixels, { raw: { width, height, channels } });
  await (format === "jpeg" ? image.jpeg({ quality: 90 }) : image.png()).toFile(file);
}

/** Uploads `file` in the media library and returns the real format and size of what the CMS wrote to the posts' images folder. */
async function upload(page: Page, file: string, stored: string): Promise<{ type: string | undefined; width: number; height: number }> {
  await page.getByRole("button", { name: "Media" }).click();
  await page.locator('input[type="file"]').setInputFiles(file);
  const bytes = await settledFile(path.join(cms.root, "content/posts/images", stored));
  await page.keyboard.press("Escape");
  const { width = 0, height = 0 } = imageSize(bytes);
  return { type: sniffImageType(bytes), width, height };
}

describe("the site's own CMS", () => {
  it("shows the site's name in the tab, its mark in the header and a link back to the site", async () => {
    const site = YAML.parse(fs.readFileSync(path.join(cms.root, "content/settings/site.yaml"), "utf8")) as { title: string; url: string };
    expect(await page.title()).toBe(`${site.title} · Content manager`);
    const logo = page.locator('header img[src$="favicon.svg"]');
    expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth && img.getBoundingClientRect().width > 40)).toBe(true);
    expect(await page.locator(`header a[href="${site.url}"]`).count()).toBe(1);
  });
});

describe("photos", () => {
  it("stores a 6000x4000 photo as a JPEG 2,400 px wide, and a small transparent PNG as a JPEG of its own size", async () => {
    // A tab of its own: the media library opened from the header, never from a post's image field before.
    const page = await cms.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, `${cms.served.url}admin/`);
    const big = path.join(cms.root, "big-camera-photo.jpg");
    await picture(big, 6000, 4000, "jpeg");
    expect(await upload(page, big, "big-camera-photo.jpg")).toEqual({ type: "jpeg", width: MAX_IMAGE_WIDTH, height: 1600 });

    const small = path.join(cms.root, "small-screenshot.png");
    await picture(small, 800, 500, "png", true);
    expect(await upload(page, small, "small-screenshot.jpg")).toEqual({ type: "jpeg", width: 800, height: 500 });
    expect(fs.existsSync(path.join(cms.root, "content/posts/images/small-screenshot.png"))).toBe(false);
    // Its transparent half turned white, not JPEG's default black.
    const corner = await sharp(path.join(cms.root, "content/posts/images/small-screenshot.jpg"))
      .extract({ left: 10, top: 10, width: 1, height: 1 })
      .raw()
      .toBuffer();
    expect(Math.min(...corner)).toBeGreaterThan(240);
    await page.close();
  }, 120_000);
});

describe("at phone size", () => {
  it("opens a post from the list, edits its text and summary, and publishes it", async () => {
    const context = await cms.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    page.on("dialog", (dialog) => void (/backup/i.test(dialog.message()) ? dialog.dismiss() : dialog.accept()));
    const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
    await login(page, `${cms.served.url}admin/`);
    await shot("1-list");

    await page.getByRole("link", { name: /A date-only post/ }).tap();
    const description = page.locator('[id^="description-field"]');
    await description.waitFor();
    await shot("2-editor");
    // The form fits the screen: nothing to scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await description.fill("Edited on a phone.");
    const body = page.locator('[data-slate-editor="true"]').first();
    await body.scrollIntoViewIfNeeded();
    await body.tap();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Written on the train.");

    // The preview replaces the form on a phone, and the same button brings the form back.
    const toggle = page.getByRole("button", { name: "Toggle preview" });
    await toggle.tap();
    const preview = page.frameLocator("iframe").first();
    await expect.poll(() => preview.locator("article.post").innerText(), SHOWN).toContain("Written on the train.");
    expect(await description.isVisible()).toBe(false);
    await shot("3-preview");
    await toggle.tap();
    await description.waitFor();

    await page.getByRole("button", { name: /Choose an image/i }).tap();
    await page.getByRole("button", { name: "Choose selected" }).waitFor();
    await shot("4-media-library");
    await page.keyboard.press("Escape");

    const publish = page.getByRole("button", { name: "Publish" });
    const box = await publish.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390 && box.y + box.height <= 844).toBe(true);
    await publish.tap();
    await page.getByText("Publish now").tap();
    const file = path.join(cms.root, "content/posts/date-only.md");
    await expect.poll(() => String(matter(fs.readFileSync(file, "utf8")).data["description"]), SHOWN).toBe("Edited on a phone.");
    const { data, content } = matter(await settledFile(file));
    expect(content.trim()).toBe("Dates are hard. Written on the train.");
    expect(data).toMatchObject({ title: "A date-only post", tags: ["Dates"] });
    await shot("5-published");
    await context.close();
  }, 120_000);
});
