/**
 * The CMS as the author uses it locally: Chromium against the built /admin/
 * page and the local CMS server on 127.0.0.1, writing into a temporary copy of the
 * fixture site. Create, illustrate, publish, rebuild, edit, delete; refusals;
 * round trips that must not change a post.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import matter from "gray-matter";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validateContent } from "../../src/content-check/validate.ts";
import { renderMarkdown } from "../../src/markdown/pipeline.ts";
import { launchBrowser } from "../support/browser.ts";
import { ROOT } from "../support/build.ts";
import { serveDist, type Served } from "../support/serve.ts";
import { buildCmsSite, decapApi, freePort, login, startDecapServer, tempSite } from "./support.ts";

const SEED_POST = "massage-therapists-suffer-from-professional-isolation-and-it-hurts-us.md";
let root: string;
let posts: string;
let decapPort: number;
let decap: ChildProcess;
let served: Served;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  root = tempSite("local");
  posts = path.join(root, "content/posts");
  // The seed post is read (never written) from the real content, to prove its round trip too.
  fs.copyFileSync(path.join(ROOT, "content/posts", SEED_POST), path.join(posts, SEED_POST));
  decapPort = await freePort();
  const dist = await buildCmsSite("local", root, decapPort);
  served = await serveDist(dist);
  decap = await startDecapServer(root, decapPort, served.url);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

// A fresh tab per test, so an unsaved form of one test never leaks into the next.
beforeEach(async () => {
  await page?.close();
  page = await context.newPage();
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    // Decap offers to restore an unsaved local backup of an entry: never (each test starts clean).
    void (/backup/i.test(dialog.message()) ? dialog.dismiss() : dialog.accept());
  });
  await login(page, `${served.url}admin/`);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  decap?.kill();
});

/** Opens a new post form. */
async function newPost(): Promise<void> {
  await page.goto(`${served.url}admin/#/collections/posts/new`);
  await page.locator('[id^="title-field"]').waitFor();
}

/** Clicks Publish → Publish now. */
async function publish(): Promise<void> {
  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByText("Publish now").click();
}

/** How long the CMS may take to show a refusal. */
const SHOWN = { timeout: 15_000 };

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

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("writing a post in the local CMS", () => {
  const file = () => path.join(posts, "a-walk-in-the-cms.md");
  const photo = () => path.join(posts, "images", "walk-photo.jpg");

  it("publishes a post with title, description, tags, a hero image with alt text and body text", async () => {
    const upload = path.join(root, "walk-photo.jpg");
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
    await expect.poll(() => preview.locator("article.post h1").innerText()).toBe("A walk in the CMS");
    await expect.poll(() => preview.locator("img.hero").evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
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
    const { problems } = validateContent(path.join(root, "content"), "America/Los_Angeles");
    expect(problems.filter((p) => p.file === file())).toEqual([]);
  });

  it("shows the new post with an optimised hero image after a rebuild", async () => {
    const dist = await buildCmsSite("local-rebuild", root);
    const html = fs.readFileSync(path.join(dist, "blog/a-walk-in-the-cms/index.html"), "utf8");
    expect(html).toContain("<h1");
    expect(html).toContain("A walk in the CMS");
    expect(html).toContain("Hello from the CMS.");
    const hero = /<img[^>]*class="hero"[^>]*>|<img[^>]*alt="A soft gradient from sand to green"[^>]*>/.exec(html)?.[0] ?? "";
    expect(hero).toMatch(/src="\/_astro\/[^"]+\.webp"/);
    expect(hero).toMatch(/srcset="[^"]+480w[^"]+"/);
    expect(hero).toMatch(/width="\d+"/);
    expect(hero).toMatch(/height="\d+"/);
  }, 180_000);

  it("edits the post", async () => {
    await page.goto(`${served.url}admin/#/collections/posts/entries/a-walk-in-the-cms`);
    const description = page.locator('[id^="description-field"]');
    await description.waitFor();
    await description.fill("Edited in the browser.");
    await publish();
    await waitForSaved(file(), (text) => matter(text).data["description"] === "Edited in the browser.", "the edit");
    expect(matter(fs.readFileSync(file(), "utf8")).data["imageAlt"]).toBe("A soft gradient from sand to green");
  });

  it("deletes the post", async () => {
    await page.goto(`${served.url}admin/#/collections/posts/entries/a-walk-in-the-cms`);
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
    const upload = path.join(root, "no-alt.jpg");
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
    const svg = path.join(root, "drawing.svg");
    fs.writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await newPost();
    await page.getByRole("button", { name: /Choose an image/i }).click();
    dialogs.length = 0;
    await page.locator('input[type="file"]').setInputFiles(svg);
    await waitFor(() => dialogs.length > 0, "the refusal");
    expect(dialogs[0]).toMatchInlineSnapshot(`"Not uploaded: drawing.svg. Images must be JPEG, PNG, WebP, AVIF or GIF (not SVG)."`);
    await expect.poll(() => page.getByText("drawing.svg").count()).toBe(0);
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
      await page.goto(`${served.url}admin/#/collections/posts/entries/${name.replace(/\.md$/, "")}`);
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
    await page.goto(`${served.url}admin/#/collections/posts/entries/sections-and-structure`);
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

describe("the local CMS server", () => {
  it("answers on 127.0.0.1", async () => {
    expect((await decapApi(decapPort, { action: "info" }, { origin: new URL(served.url).origin })).ok).toBe(true);
  });

  it("is not reachable on any non-loopback address of this machine", async () => {
    const addresses = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => (a!.family === "IPv6" ? `[${a!.address.split("%")[0]}]` : a!.address));
    for (const host of [...addresses, "[::1]"]) {
      const reached = await decapApi(decapPort, { action: "info" }, { host, origin: new URL(served.url).origin }).then(
        () => true,
        () => false,
      );
      expect({ host, reached }).toEqual({ host, reached: false });
    }
  });
});
