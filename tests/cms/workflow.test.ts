/**
 * The production editorial workflow (draft, in review, ready, published),
 * driven in Chromium with the production collections and publish mode. The
 * local server knows only simple publishing, so this build uses Decap's
 * in-memory `test-repo` backend (admin/test-repo.ts), seeded with the fixture
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
  page.on("dialog", (dialog) => void dialog.accept());
  // Decap's configuration check runs in this build (admin/test-repo.ts): its error stops the CMS before the login.
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await login(page, `${served.url}admin/`).catch((err: Error) => {
    throw new Error(`${err.message}\nErrors on the page: ${errors.join("\n") || "none"}`);
  });
}, 180_000);

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

/** Opens the entry from its workflow card and sets its status with the toolbar's status menu. */
async function setStatus(title: string, status: "In review" | "Ready"): Promise<void> {
  await page.locator('[class*="-CardTitle"]', { hasText: title }).click();
  await page.getByRole("button", { name: /^Status:/ }).click();
  await page.getByRole("menuitem", { name: status }).click();
  await expect.poll(() => page.getByRole("button", { name: /^Status:/ }).innerText(), { timeout: 15_000 }).toContain(status);
}

describe("the editorial workflow", () => {
  const title = "Through the workflow";
  const file = "content/posts/through-the-workflow.md";
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
    await setStatus(title, "In review");
    await page.screenshot({ path: path.join(TMP, "cms-workflow", "status-on-a-phone.png") });
    expect(await board()).toEqual({ Drafts: [], "In Review": [card], Ready: [] });
    await setStatus(title, "Ready");
    expect(await board()).toEqual({ Drafts: [], "In Review": [], Ready: [card] });
    expect(await published(file)).toBeUndefined();
  });

  it("publishes it, still on a phone-sized screen: off the board, and the post file written with everything the author entered", async () => {
    await page.locator('[class*="-CardTitle"]', { hasText: title }).click();
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
