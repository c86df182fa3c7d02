/**
 * Round trips: the program page, the about page, the site settings and the
 * redirects, each opened in the CMS (Chromium, local backend, a temporary copy
 * of the fixture site) and saved without a change, keep their data: YAML parsed
 * deep-equal, front matter deep-equal and the Markdown body identical. Key order
 * and quoting may change; values may not.
 */
import fs from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import matter from "gray-matter";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { launchBrowser } from "../support/browser.ts";
import { ROOT } from "../support/build.ts";
import { serveDist, type Served } from "../support/serve.ts";
import { buildCmsSite, freePort, login, startDecapServer, tempSite } from "./support.ts";

let root: string;
let decap: ChildProcess;
let served: Served;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  root = tempSite("round-trip");
  const decapPort = await freePort();
  served = await serveDist(await buildCmsSite("round-trip", root, decapPort));
  decap = await startDecapServer(root, decapPort, served.url);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

// A fresh tab per file: an entry opened by changing only the address's #fragment keeps
// Decap's state of the entry before it.
beforeEach(async () => {
  await page?.close();
  page = await context.newPage();
  // Decap offers to restore an unsaved local backup of an entry: never (each save starts clean).
  page.on("dialog", (dialog) => void (/backup/i.test(dialog.message()) ? dialog.dismiss() : dialog.accept()));
  await login(page, `${served.url}admin/`);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  decap?.kill();
});

/** What a file says, as the site reads it. */
function data(file: string): unknown {
  const text = fs.readFileSync(file, "utf8");
  if (file.endsWith(".md")) {
    const { data: frontMatter, content } = matter(text);
    return { frontMatter, body: content.trim() };
  }
  return parse(text) as unknown;
}

/**
 * Waits until decap-server has written `file` again (its modification time moves past the
 * one set before the save) and the text has stopped changing (it writes in place).
 */
async function waitForWrite(file: string, before: number): Promise<void> {
  let last: string | undefined;
  for (let i = 0; i < 150; i++) {
    if (fs.statSync(file).mtimeMs > before) {
      const text = fs.readFileSync(file, "utf8");
      if (text === last) return;
      last = text;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for the CMS to save ${file}`);
}

/** Clicks Publish → Publish now and waits until decap-server has written `file`. */
async function publish(file: string): Promise<void> {
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
      const file = path.join(root, "content", relative);
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
        await publish(file);
      };
      await page.goto(`${served.url}admin/#/collections/${entry}`);
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
    const about = path.join(root, "content/pages/about.md");
    const program = path.join(root, "content/pages/program.yaml");
    const aboutBefore = data(about);
    const programTitle = (parse(fs.readFileSync(program, "utf8")) as { title: string }).title;
    await page.goto(`${served.url}admin/#/collections/pages/entries/about`);
    const title = page.locator('input[id^="title-field"]').first();
    await expect.poll(() => title.inputValue()).toBe((aboutBefore as { frontMatter: { title: string } }).frontMatter.title);
    // As the address bar or the history would: only the #fragment changes.
    await page.evaluate(() => (location.hash = "#/collections/program/entries/program"));
    await expect.poll(() => page.locator('input[id^="title-field"]').first().inputValue(), { timeout: 30_000 }).toBe(programTitle);
    const input = page.locator('input[id^="title-field"]').first();
    await input.press("End");
    await input.press("Q");
    await publish(program);
    expect((parse(fs.readFileSync(program, "utf8")) as { title: string }).title).toBe(`${programTitle}Q`);
    expect(data(about)).toEqual(aboutBefore);
  });
});
