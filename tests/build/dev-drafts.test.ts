/**
 * The authoring server (`astro dev`) shows drafts and scheduled posts, marked
 * as such, so the author can read them before publishing. A real dev server on
 * the fixture content, on a free loopback port, fetched over HTTP.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { FIXTURE_CONTENT, FIXTURE_NOW, ROOT, TMP } from "../support/build.ts";

/** A port nobody is listening on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The environment minus Vitest's markers: with VITEST or NODE_ENV=test set, the dev server answers every page with 404. */
function withoutTestRunnerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith("VITEST") && key !== "NODE_ENV" && key !== "TEST"));
}

/** Polls `url` until the server answers (the first request compiles the page). */
async function waitFor(url: string, child: ChildProcess, log: () => string, timeoutMs = 150_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`astro dev exited early:\n${log()}`);
    try {
      // The first request waits for Vite to bundle dependencies; never wait forever on one attempt.
      const res = await fetch(url, { signal: AbortSignal.timeout(20_000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`astro dev did not answer ${url} in time:\n${log()}`);
}

describe("the authoring server", () => {
  let child: ChildProcess;
  let origin = "";
  let output = "";

  beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    // --ignore-lock: run alongside an author's own dev server without touching its lock file.
    const args = ["dev", "--host", "127.0.0.1", "--port", String(port), "--ignore-lock"];
    child = spawn(process.execPath, [path.join(ROOT, "node_modules/astro/bin/astro.mjs"), ...args], {
      cwd: ROOT,
      env: {
        ...withoutTestRunnerEnv(process.env),
        ASTRO_TELEMETRY_DISABLED: "1",
        P2P_CONTENT_DIR: FIXTURE_CONTENT,
        P2P_CACHE_DIR: path.join(TMP, "sites", "dev-drafts", "cache"),
        P2P_NOW: FIXTURE_NOW,
        TZ: "UTC",
      },
      // Its own process group, so stopping it also stops anything it started.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    await waitFor(`${origin}/blog/`, child, () => output);
  }, 170_000);

  afterAll(async () => {
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
  });

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
  });

  it("starts the list with the scheduled post, newest first", async () => {
    const html = await (await fetch(`${origin}/blog/`)).text();
    expect(/<article class="card"[^>]*>[\s\S]*?<\/article>/.exec(html)?.[0]).toContain("A post from the future");
  });

  it("shows the draft's own page, flagged as not published", async () => {
    const res = await fetch(`${origin}/blog/draft-post/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("zanzibarquux");
    expect(html).toMatch(/Draft: not published/);
  });

  it("shows the scheduled post too, so the author can proofread it", async () => {
    const res = await fetch(`${origin}/blog/future-post/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("futurewordxyz");
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
