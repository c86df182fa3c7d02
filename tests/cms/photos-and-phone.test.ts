/**
 * The author's CMS on the local backend: big photos are stored fitted to the
 * site, and at phone size (390x844) a post can be opened, edited and
 * published. Screenshots at that size go to tests/.tmp/cms-phone/ for a
 * person to look at.
 */
import fs from "node:fs";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import matter from "gray-matter";
import { imageSize } from "image-size";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import YAML from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sniffImageType } from "../../src/lib/image-type.ts";
import { MAX_IMAGE_WIDTH } from "../../src/lib/image-limits.ts";
import { launchBrowser } from "../support/browser.ts";
import { TMP } from "../support/build.ts";
import { serveDist, type Served } from "../support/serve.ts";
import { buildCmsSite, freePort, login, startDecapServer, tempSite } from "./support.ts";

const SHOTS = path.join(TMP, "cms-phone");
let root: string;
let decap: ChildProcess;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  root = tempSite("photos-phone");
  const decapPort = await freePort();
  const dist = await buildCmsSite("photos-phone", root, decapPort);
  served = await serveDist(dist);
  decap = await startDecapServer(root, decapPort, served.url);
  browser = await launchBrowser();
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  decap?.kill();
});

/** Polls `read` until it returns a value (decap-server writes in place: a file is complete once its size stops changing). */
async function settledFile(file: string): Promise<Buffer> {
  let last = -1;
  for (let i = 0; i < 150; i++) {
    const size = fs.existsSync(file) ? fs.statSync(file).size : -1;
    if (size > 0 && size === last) return fs.readFileSync(file);
    last = size;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${file}`);
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
  const bytes = await settledFile(path.join(root, "content/posts/images", stored));
  await page.keyboard.press("Escape");
  const { width = 0, height = 0 } = imageSize(bytes);
  return { type: sniffImageType(bytes), width, height };
}

describe("the site's own CMS", () => {
  it("shows the site's name in the tab, its mark in the header and a link back to the site", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, `${served.url}admin/`);
    const site = YAML.parse(fs.readFileSync(path.join(root, "content/settings/site.yaml"), "utf8")) as { title: string; url: string };
    expect(await page.title()).toBe(`${site.title} · Content manager`);
    const logo = page.locator('header img[src$="favicon.svg"]');
    expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth && img.getBoundingClientRect().width > 40)).toBe(true);
    expect(await page.locator(`header a[href="${site.url}"]`).count()).toBe(1);
    await page.close();
  });
});

describe("photos", () => {
  it("stores a 6000x4000 photo as a JPEG 2,400 px wide, and a small transparent PNG as a JPEG of its own size", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, `${served.url}admin/`);
    const big = path.join(root, "big-camera-photo.jpg");
    await picture(big, 6000, 4000, "jpeg");
    expect(await upload(page, big, "big-camera-photo.jpg")).toEqual({ type: "jpeg", width: MAX_IMAGE_WIDTH, height: 1600 });

    const small = path.join(root, "small-screenshot.png");
    await picture(small, 800, 500, "png", true);
    expect(await upload(page, small, "small-screenshot.jpg")).toEqual({ type: "jpeg", width: 800, height: 500 });
    expect(fs.existsSync(path.join(root, "content/posts/images/small-screenshot.png"))).toBe(false);
    // Its transparent half turned white, not JPEG's default black.
    const corner = await sharp(path.join(root, "content/posts/images/small-screenshot.jpg"))
      .extract({ left: 10, top: 10, width: 1, height: 1 })
      .raw()
      .toBuffer();
    expect(Math.min(...corner)).toBeGreaterThan(240);
    await page.close();
  }, 120_000);
});

describe("at phone size", () => {
  it("opens a post from the list, edits its text and summary, and publishes it", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    page.on("dialog", (dialog) => void (/backup/i.test(dialog.message()) ? dialog.dismiss() : dialog.accept()));
    const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
    await login(page, `${served.url}admin/`);
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
    await expect.poll(() => preview.locator("article.post").innerText(), { timeout: 15_000 }).toContain("Written on the train.");
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
    const file = path.join(root, "content/posts/date-only.md");
    await expect.poll(() => String(matter(fs.readFileSync(file, "utf8")).data["description"]), { timeout: 15_000 }).toBe("Edited on a phone.");
    const { data, content } = matter(await settledFile(file));
    expect(content.trim()).toBe("Dates are hard. Written on the train.");
    expect(data).toMatchObject({ title: "A date-only post", tags: ["Dates"] });
    await shot("5-published");
    await context.close();
  }, 120_000);
});
