/**
 * Chromium under the built headers: with a provider and a counter (the
 * `readers` build), the counter's script and pixel reach a loopback stand-in
 * of the counter, the signup form posts to a loopback stand-in of the
 * provider, which sends the reader to the site's /thanks/ page, with zero
 * policy violations and no cookies; with everything off (`main`), no request
 * leaves the site's origin. Axe checks the new blocks in light and dark, on a
 * phone and a desktop.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureDist, READERS_SETTINGS } from "../support/build.ts";
import { axeViolations, VIEWS, viewLabel } from "../support/axe.ts";
import { launchBrowser } from "../support/browser.ts";
import { serveDist, type Served } from "../support/serve.ts";
import { serveLikeHost } from "../deploy/host.ts";

/** What the stand-in for the provider and the counter received. */
interface Hit {
  host: string;
  method: string;
  path: string;
  body: string;
}

/**
 * One loopback server standing in for the third parties: the counter's script
 * (which counts the way GoatCounter's does, from its data attribute), its
 * count endpoint, and the provider's signup endpoint, which answers as
 * providers do: a redirect to the site's thank-you page.
 */
async function standIn(thanks: string): Promise<{ origin: string; hits: Hit[]; close(): Promise<void> }> {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      hits.push({ host: req.headers["x-original-host"] as string, method: req.method ?? "", path: url.pathname + url.search, body });
      if (url.pathname === "/count.js") {
        res.writeHead(200, { "Content-Type": "text/javascript" });
        res.end(
          `fetch(document.currentScript.dataset.goatcounter + "?p=" + encodeURIComponent(location.pathname), { method: "POST", mode: "no-cors" });`,
        );
      } else if (url.pathname.startsWith("/subscribe/")) res.writeHead(303, { Location: thanks }).end();
      else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Records policy violations from the first script on, and every request the page makes. */
async function watch(context: BrowserContext): Promise<{ page: Page; requests: string[]; violations: () => Promise<string[]>; console: string[] }> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI}`));
  });
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  const console: string[] = [];
  page.on("console", (m) => {
    if (/content security policy|refused to/i.test(m.text())) console.push(m.text());
  });
  return { page, requests, console, violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

describe("with a signup provider and a visit counter", () => {
  let site: Served;
  let third: Awaited<ReturnType<typeof standIn>>;
  /** Sends the provider's and the counter's https addresses to the loopback stand-in; the browser applies the policy first. */
  const toStandIn = (ctx: BrowserContext) =>
    ctx.route(/^https:\/\/[^/]*example\.net\//, async (route) => {
      const url = new URL(route.request().url());
      const response = await route.fetch({
        url: `${third.origin}${url.pathname}${url.search}`,
        headers: { ...route.request().headers(), "x-original-host": url.host },
        maxRedirects: 0,
      });
      await route.fulfill({ response });
    });
  let context: BrowserContext;

  beforeAll(async () => {
    site = await serveLikeHost(fixtureDist("readers"));
    third = await standIn(`${site.origin}/thanks/`);
    context = await browser.newContext();
    await toStandIn(context);
  });

  afterAll(async () => {
    await context?.close();
    await third?.close();
    await site?.close();
  });

  const counted = (path: string) =>
    third.hits.filter((h) => h.host === "quiethands.counter.example.net" && h.path === `/count?p=${encodeURIComponent(path)}`);

  it("runs the counter's script on pages with script, which counts the visit, with no violation and no cookie", async () => {
    const v = await watch(context);
    await v.page.goto(`${site.origin}/`, { waitUntil: "load" });
    await expect.poll(() => counted("/").length).toBe(1);
    expect(third.hits.filter((h) => h.host === "gc.example.net").map((h) => h.path)).toEqual(["/count.js"]);
    await v.page.waitForLoadState("networkidle");
    expect(await v.violations()).toEqual([]);
    expect(v.console).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expect(await v.page.evaluate(() => document.cookie)).toBe("");
    await v.page.close();
  });

  it("counts a post with the pixel alone: the post runs no script", async () => {
    const v = await watch(context);
    await v.page.goto(`${site.origin}/blog/welcome/`, { waitUntil: "load" });
    await expect.poll(() => counted("/blog/welcome/").length).toBe(1);
    expect(await v.page.locator("script:not([type='application/ld+json'])").count()).toBe(0);
    expect(v.requests.filter((r) => r.includes("count.js"))).toEqual([]);
    expect(await v.violations()).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    await v.page.close();
  });

  it("submits the form, JavaScript off, to the provider, which sends the reader to /thanks/", async () => {
    const nojs = await browser.newContext({ javaScriptEnabled: false });
    await toStandIn(nojs);
    const page = await nojs.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/content security policy|refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${site.origin}/blog/welcome/`, { waitUntil: "load" });
    const form = page.locator("form[action]");
    await form.getByLabel("Email address").fill("reader@example.org");
    await Promise.all([page.waitForURL(`${site.origin}/thanks/`), form.getByRole("button", { name: "Subscribe" }).click()]);
    const signup = third.hits.filter((h) => h.host === "newsletter.example.net");
    expect(signup.map((h) => [h.method, h.path])).toEqual([["POST", new URL(READERS_SETTINGS.newsletter.action).pathname]]);
    expect(Object.fromEntries(new URLSearchParams(signup[0]!.body))).toEqual({ email_address: "reader@example.org", nonce: "", list: "weekly" });
    await expect.poll(() => page.locator("h1").textContent()).toBe("Thank you");
    expect(violations).toEqual([]);
    expect(await nojs.cookies()).toEqual([]);
    await nojs.close();
  });

  it("blocks a form aimed anywhere else: the policy names only the provider", async () => {
    const v = await watch(context);
    await v.page.goto(`${site.origin}/`, { waitUntil: "load" });
    const before = third.hits.length;
    await v.page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>("form[action]")!;
      form.action = "https://elsewhere.example.net/subscribe/x";
      form.querySelector<HTMLInputElement>("input[type=email]")!.value = "reader@example.org";
      form.submit();
    });
    await expect.poll(() => v.violations()).toEqual(["form-action blocked https://elsewhere.example.net/subscribe/x"]);
    expect(third.hits.slice(before).filter((h) => h.host === "elsewhere.example.net")).toEqual([]);
    await v.page.close();
  });
});

describe("with everything off", () => {
  let site: Served;
  beforeAll(async () => {
    site = await serveLikeHost(fixtureDist("main"));
  });
  afterAll(async () => {
    await site?.close();
  });

  it("makes no request to any other origin and sets no cookie, on any kind of page", async () => {
    const context = await browser.newContext();
    const pages = ["/", "/blog/", "/blog/archive/", "/blog/welcome/", "/blog/hero-image/", "/tags/series/", "/program/", "/about/", "/thanks/"];
    const elsewhere: string[] = [];
    let seen = 0;
    for (const path of pages) {
      const v = await watch(context);
      await v.page.goto(`${site.origin}${path}`, { waitUntil: "load" });
      await v.page.waitForLoadState("networkidle");
      seen += v.requests.length;
      elsewhere.push(...v.requests.filter((r) => !r.startsWith(`${site.origin}/`)).map((r) => `${path}: ${r}`));
      expect(await v.violations(), path).toEqual([]);
      await v.page.close();
    }
    expect(seen).toBeGreaterThan(pages.length * 3);
    expect(elsewhere).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});

describe("the new blocks are accessible (axe-core, WCAG 2.2 AA)", () => {
  let sites: Served[];
  beforeAll(async () => {
    sites = await Promise.all([serveDist(fixtureDist("readers")), serveDist(fixtureDist("main"))]);
  });
  afterAll(async () => {
    await Promise.all(sites.map((s) => s.close()));
  });

  it.each([
    ["/blog/welcome/", "readers"],
    ["/program/", "readers"],
    ["/", "main"],
    ["/blog/tag-case/", "main"],
  ] as const)(
    `finds no violation in the signup form, its fallback and the byline on %s (the %s build) at ${VIEWS.map(viewLabel).join(", ")}`,
    async (path, build) => {
      const [first] = VIEWS;
      const context = await browser.newContext({ viewport: { width: first.width, height: first.height }, colorScheme: first.colorScheme });
      // Counter requests would leave the machine; the blocks are what is checked here.
      await context.route(/^https:\/\//, (route) => route.abort());
      const page = await context.newPage();
      await page.goto(`${sites[build === "readers" ? 0 : 1]!.origin}${path}`, { waitUntil: "load" });
      const found = await axeViolations(page, { include: ["[data-signup]", ".byline"], minPasses: 3 });
      await context.close();
      expect(found).toEqual([]);
    },
  );
});
