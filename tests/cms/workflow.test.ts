/**
 * The production editorial workflow (draft, in review, ready, published),
 * driven in Chromium with the production collections and publish mode. The
 * local server knows only simple publishing, so this build uses Decap's
 * in-memory `test-repo` backend (set up in admin/cms.ts), seeded with the fixture
 * pages and settings; a config change that breaks the workflow fails here.
 * The posts folder starts empty: that backend lists a media folder's files as
 * uploads, and posts keep their pictures in a folder inside their own.
 */
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { buildSite, TMP } from "../support/build.ts";
import { serveDist, type Served } from "../support/serve.ts";
import { login, tempSite } from "./support.ts";

type Tree = { [name: string]: Tree | { path: string; content: string } };

let root: string;
let served: Served;
let browser: Browser;
let page: Page;
/** How long the CMS may take to show an entry on a busy machine. */
const LOADED = 60_000;

/** The text files under `dir`, as the test backend's `window.repoFiles` tree, with paths relative to `root`. */
function repoTree(dir: string): Tree {
  const tree: Tree = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) tree[entry.name] = repoTree(file);
    else if (/\.(md|mdx|yaml)$/.test(entry.name)) tree[entry.name] = { path: path.relative(root, file), content: fs.readFileSync(file, "utf8") };
  }
  return tree;
}

beforeAll(async () => {
  root = tempSite("workflow");
  const { dist } = await buildSite(
    { name: "cms-workflow", content: path.join(root, "content"), env: { TZ: "UTC" } },
    { GIT_REPO_DIRECTORY: root, P2P_CMS_TEST_REPO: "1" },
  );
  served = await serveDist(dist);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  fs.rmSync(path.join(root, "content/posts"), { recursive: true });
  const repoFiles = { content: repoTree(path.join(root, "content")) };
  await page.addInitScript((files) => Object.assign(window, { repoFiles: files }), repoFiles);
  // Decap asks before publishing (yes) and offers to restore an unsaved local backup of an entry
  // (never: a backup written just before a save finished would hide the Publish button).
  page.on("dialog", (dialog) => void (/backup/i.test(dialog.message()) ? dialog.dismiss() : dialog.accept()));
  // Decap's configuration check runs in this build (admin/config-schema.ts): its error stops the CMS before the login.
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await login(page, `${served.url}admin/`).catch((err: Error) => {
    throw new Error(`${err.message}\nErrors on the page: ${errors.join("\n") || "none"}`);
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** The workflow board: each column's heading and the titles of the cards in it. */
async function board(): Promise<Record<string, string[]>> {
  await page.goto(`${served.url}admin/#/workflow`);
  await page.locator('[class*="-ColumnHeader"]').first().waitFor();
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[class*="-ColumnHeader"]')].map((h) => [
        h.textContent,
        [...(h.parentElement?.querySelectorAll('[class*="-CardTitle"]') ?? [])].map((c) => c.textContent),
      ]),
    ),
  );
}

/** The file the test backend holds at `file` (relative to the site folder), once published. */
function published(file: string): Promise<string | undefined> {
  return page.evaluate((segments) => {
    let node: unknown = (window as unknown as { repoFiles: unknown }).repoFiles;
    for (const s of segments) node = (node as Record<string, unknown> | undefined)?.[s];
    return (node as { content?: string } | undefined)?.content;
  }, file.split("/"));
}

/**
 * Opens the entry from its workflow card and waits for its editor: the entry's address and
 * the toolbar's Status control showing `status` (the entry loaded, not the board still on screen).
 */
async function openFromBoard(title: string, slug: string, status: string): Promise<void> {
  await page.locator('[class*="-CardTitle"]', { hasText: title }).click();
  // The board adds `?ref=workflow` to the entry's address.
  await page.waitForURL(new RegExp(`/admin/#/collections/posts/entries/${slug}(\\?|$)`), { timeout: LOADED });
  await expect.poll(() => page.getByRole("button", { name: /^Status:/ }).innerText(), { timeout: LOADED }).toContain(status);
}

/** Sets the open entry's status with the toolbar's status menu. */
async function setStatus(status: "In review" | "Ready"): Promise<void> {
  await page.getByRole("button", { name: /^Status:/ }).click();
  await page.getByRole("menuitem", { name: status }).click();
  await expect.poll(() => page.getByRole("button", { name: /^Status:/ }).innerText(), { timeout: 15_000 }).toContain(status);
}

// Each test opens the entry from the board at least once, which may take up to LOADED.
describe("the editorial workflow", { timeout: 3 * LOADED }, () => {
  const title = "Through the workflow";
  const slug = "through-the-workflow";
  const file = `content/posts/${slug}.md`;
  // The list and the board show a post as its summary: title and date.
  const card = `${title} · 2026-05-20`;

  it("saves a new post as a draft, unpublished", async () => {
    await page.goto(`${served.url}admin/#/collections/posts/new`);
    await page.locator('[id^="title-field"]').fill(title);
    await page.locator('[id^="description-field"]').fill("Draft, review, ready, published.");
    await page.locator('[id^="date-field"]').fill("2026-05-20");
    await page.locator('[data-slate-editor="true"]').first().click();
    await page.keyboard.type("Reviewed before it went live.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("button", { name: /^Status: Draft/ }).waitFor({ timeout: 15_000 });
    expect(await board()).toEqual({ Drafts: [card], "In Review": [], Ready: [] });
    expect(await published(file)).toBeUndefined();
  });

  it("moves it to in review, then ready, on a phone-sized screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openFromBoard(title, slug, "Draft");
    await setStatus("In review");
    await page.screenshot({ path: path.join(TMP, "cms-workflow", "status-on-a-phone.png") });
    expect(await board()).toEqual({ Drafts: [], "In Review": [card], Ready: [] });
    await openFromBoard(title, slug, "In review");
    await setStatus("Ready");
    expect(await board()).toEqual({ Drafts: [], "In Review": [], Ready: [card] });
    expect(await published(file)).toBeUndefined();
  });

  it("publishes it, still on a phone-sized screen: off the board, and the post file written with everything the author entered", async () => {
    await openFromBoard(title, slug, "Ready");
    const publish = page.getByRole("button", { name: "Publish", exact: true });
    const box = await publish.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await publish.click();
    await page.getByRole("menuitem", { name: "Publish now" }).click();
    await expect.poll(() => published(file), { timeout: 15_000 }).toBeDefined();
    const { data, content } = matter((await published(file)) ?? "");
    expect(data).toMatchObject({ title, description: "Draft, review, ready, published." });
    expect(content.trim()).toBe("Reviewed before it went live.");
    expect(await board()).toEqual({ Drafts: [], "In Review": [], Ready: [] });
  });
});
