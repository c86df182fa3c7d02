/**
 * The posts list in the CMS marks what readers cannot see yet: "Scheduled" on
 * posts dated later than now in the site's time zone, "Draft" on drafts, in
 * Decap's list and grid views and after the list is sorted. Chromium against
 * the built /admin/ page and the local CMS server, on a temporary copy of the
 * fixture site (whose own future-post.md and draft-post.md are marked too).
 */
import fs from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { serveDist, type Served } from "../support/serve.ts";
import { buildCmsSite, freePort, login, startDecapServer, tempSite } from "./support.ts";

const MARKS = { timeout: 30_000 };
let decap: ChildProcess;
let served: Served;
let browser: Browser;
let page: Page;

/** Writes a post into the temp site. The CMS runs on the real clock, so the dates are relative to now. */
function writePost(root: string, slug: string, date: string, draft = false): void {
  const front = [`title: ${slug}`, "description: A post for the list marks.", `date: ${date}`, ...(draft ? ["draft: true"] : [])];
  fs.writeFileSync(path.join(root, "content/posts", `${slug}.md`), `---\n${front.join("\n")}\n---\n\nBody.\n`);
}

beforeAll(async () => {
  const root = tempSite("marks");
  const year = new Date().getUTCFullYear();
  writePost(root, "next-year", `${year + 1}-06-01`);
  // An hour ahead, as an instant: scheduled by the time of day, not only by the date.
  writePost(root, "within-the-hour", new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, "Z"));
  writePost(root, "last-year", `${year - 1}-06-01`);
  writePost(root, "unfinished", `${year - 1}-07-01`, true);
  const decapPort = await freePort();
  served = await serveDist(await buildCmsSite("marks", root, decapPort));
  decap = await startDecapServer(root, decapPort, served.url);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(page, `${served.url}admin/`);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  decap?.kill();
});

/** Each post card's marks on screen, by slug ("" for none), for the cards shown. */
function marksShown(): Promise<Record<string, string>> {
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
async function expectMarks(): Promise<void> {
  await expect
    .poll(async () => {
      const shown = await marksShown();
      const listed = Object.fromEntries(Object.keys(EXPECTED).map((slug) => [slug, shown[slug]]));
      const others = Object.entries(shown).filter(([slug, marks]) => !(slug in EXPECTED) && marks);
      return { listed, others };
    }, MARKS)
    .toEqual({ listed: EXPECTED, others: [] });
}

describe("the CMS posts list", () => {
  it("marks scheduled posts and drafts in the list view, the grid view and after sorting", async () => {
    await page.goto(`${served.url}admin/#/collections/posts`);
    await page.getByRole("button", { name: "List view option" }).click();
    await page.locator('li[class*="-ListCard"]').first().waitFor(MARKS);
    await expectMarks();
    await page.getByRole("button", { name: "Grid view option" }).click();
    await page.locator('li[class*="-GridCard"]').first().waitFor(MARKS);
    await expectMarks();
    await page.getByRole("button", { name: "Sort by" }).click();
    await page.getByRole("menuitem", { name: "Title" }).click();
    await expectMarks();
    await page.getByRole("button", { name: "List view option" }).click();
    await page.locator('li[class*="-ListCard"]').first().waitFor(MARKS);
    await expectMarks();
  });
});
