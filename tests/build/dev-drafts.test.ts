/**
 * The authoring server (`astro dev`) shows drafts and scheduled posts, marked
 * as such, so the author can read them before publishing. A real dev server on
 * the fixture content, on a free loopback port, fetched over HTTP.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { FIXTURE_CONTENT, FIXTURE_NOW } from "../support/build.ts";
import { startDevServer, type DevServer } from "../support/dev-server.ts";

describe("the authoring server", () => {
  let server: DevServer;
  let origin = "";

  beforeAll(async () => {
    server = await startDevServer("dev-drafts", { P2P_CONTENT_DIR: FIXTURE_CONTENT, P2P_NOW: FIXTURE_NOW, TZ: "UTC" }, "/blog/");
    origin = server.origin;
  }, 170_000);

  afterAll(() => server?.stop());

  /** The card of the post titled `title`, following the blog list's "Older posts" links from /blog/. */
  async function card(title: string): Promise<string> {
    let url: string | undefined = `${origin}/blog/`;
    while (url) {
      const html: string = await (await fetch(url)).text();
      const found = [...html.matchAll(/<article class="card"[^>]*>[\s\S]*?<\/article>/g)].map((m) => m[0]).find((c) => c.includes(`>${title}<`));
      if (found) return found;
      const next = /<a href="([^"]+)" rel="next"/.exec(html)?.[1];
      url = next ? new URL(next, origin).href : undefined;
    }
    return "";
  }

  it("lists the draft in the blog list with a Draft badge", async () => {
    const draft = await card("An unfinished draft");
    expect(draft).toContain('href="/blog/draft-post/"');
    expect(draft).toMatch(/<span class="badge"[^>]*>Draft<\/span>/);
  });

  it("lists published posts without the badge", async () => {
    const welcome = await card("Welcome to the studio blog");
    expect(welcome).toContain('href="/blog/welcome/"');
    expect(welcome).not.toContain(">Draft<");
    expect(welcome).not.toContain(">Scheduled<");
  });

  it("starts the list with the scheduled post, newest first, with a Scheduled badge", async () => {
    const html = await (await fetch(`${origin}/blog/`)).text();
    const first = /<article class="card"[^>]*>[\s\S]*?<\/article>/.exec(html)?.[0];
    expect(first).toContain("A post from the future");
    expect(first).toMatch(/<span class="badge"[^>]*>Scheduled<\/span>/);
  });

  it("shows the draft's own page, flagged as not published", async () => {
    const res = await fetch(`${origin}/blog/draft-post/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("zanzibarquux");
    expect(html).toMatch(/Draft: not published/);
  });

  it("shows the scheduled post too, flagged as scheduled, so the author can proofread it", async () => {
    const res = await fetch(`${origin}/blog/future-post/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("futurewordxyz");
    expect(html).toMatch(/Scheduled: not published before its date/);
  });

  describe("search", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    /** Result titles the /search/ page shows for `query`, from a real Chromium. */
    async function search(query: string): Promise<string[]> {
      const page = await browser.newPage();
      try {
        // Vite may reload a page once while it optimizes a dependency it met late: read the page it settles on.
        for (let attempt = 1; ; attempt++) {
          try {
            await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
            // The first search indexes the dev server's pages: give it time.
            await page.waitForFunction((q) => (document.querySelector(".search-status")?.textContent ?? "").includes(`“${q}”`), query, {
              timeout: 120_000,
            });
            return await page.locator(".search-result-link").allTextContents();
          } catch (err) {
            if (attempt >= 3 || !/context was destroyed|navigat/i.test(String(err))) throw err;
          }
        }
      } finally {
        await page.close();
      }
    }

    it("finds posts from the pages the dev server serves, drafts included, with tag filters listed", async () => {
      expect(await search("heronlight")).toEqual(["Welcome to the studio blog"]);
      expect(await search("zanzibarquux")).toEqual(["An unfinished draft"]);
      const filters = (await (await fetch(`${origin}/search-filters.json`)).json()) as { tag: string[]; year: string[] };
      expect(filters.tag).toContain("Networking");
    }, 180_000);
  });
});
