/**
 * Screenshots of every reader-facing template at phone and desktop widths,
 * light and dark, for a person to look at:
 *   npx tsx tests/support/screenshots.ts <dist> <out-dir> [page-name ...]
 */
import fs from "node:fs";
import path from "node:path";
import { launchBrowser } from "./browser.ts";
import { serveDist } from "./serve.ts";

/** The pages that show each template, by name. */
export const TEMPLATE_PAGES: Record<string, string> = {
  home: "",
  blog: "blog/",
  "blog-2": "blog/2/",
  post: "blog/sections-and-structure/",
  hero: "blog/hero-image/",
  tags: "tags/",
  tag: "tags/networking/",
  about: "about/",
  "404": "404.html",
};

/** Widths a person checks: a small phone and a laptop. */
export const WIDTHS = [375, 1280];

/** Saves full-page PNGs of `pages` to `out` and returns their paths. */
export async function screenshot(dist: string, out: string, pages = Object.keys(TEMPLATE_PAGES)): Promise<string[]> {
  fs.mkdirSync(out, { recursive: true });
  const server = await serveDist(dist);
  const browser = await launchBrowser();
  const files: string[] = [];
  try {
    for (const scheme of ["light", "dark"] as const) {
      for (const width of WIDTHS) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
        for (const name of pages) {
          await page.goto(server.url + (TEMPLATE_PAGES[name] ?? name));
          const file = path.join(out, `${name}-${width}-${scheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          files.push(file);
        }
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist, out, ...pages] = process.argv.slice(2);
  if (!dist || !out) throw new Error("usage: tsx tests/support/screenshots.ts <dist> <out-dir> [page ...]");
  const files = await screenshot(path.resolve(dist), path.resolve(out), pages.length ? pages : undefined);
  console.log(files.join("\n"));
}
