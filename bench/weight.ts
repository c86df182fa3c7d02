/**
 * Page weight as a reader's browser sees it: each template is loaded in
 * Chromium from a local static server, every response is recorded by type
 * (HTML, CSS, JS, fonts, images, other), and its body is compressed with
 * gzip and brotli (node:zlib) to estimate what a compressing host sends.
 * Search bytes: the search page is opened, then a first and a second query
 * are typed; what each query fetched is counted separately.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { Page, Response } from "playwright-core";
import { isBlogPageName } from "../src/lib/urls.ts";
import { launchBrowser } from "../tests/support/browser.ts";
import { serveDist } from "../tests/support/serve.ts";

/** Raw and compressed bytes. */
export interface Bytes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** Resource kinds reported per template. */
export const KINDS = ["html", "css", "js", "fonts", "images", "other"] as const;
export type Kind = (typeof KINDS)[number];

/** Weight of one loaded page. */
export interface PageWeight {
  template: string;
  path: string;
  requests: number;
  byKind: Record<Kind, Bytes>;
  total: Bytes;
  /** Layout shift measured with PerformanceObserver during load (null when not measured). */
  cls: number | null;
}

const zero = (): Bytes => ({ raw: 0, gzip: 0, brotli: 0 });

/** Raw, gzip (level 9) and brotli (quality 11) sizes of a body; already-compressed formats are counted as they are. */
export function compressedSizes(body: Buffer, contentType = ""): Bytes {
  if (/^(image|font)\/|wasm|octet-stream/.test(contentType)) return { raw: body.length, gzip: body.length, brotli: body.length };
  return {
    raw: body.length,
    gzip: Math.min(body.length, zlib.gzipSync(body, { level: 9 }).length),
    brotli: Math.min(body.length, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
  };
}

function kindOf(response: Response): Kind {
  const type = response.request().resourceType();
  const ct = response.headers()["content-type"] ?? "";
  if (type === "document" || ct.startsWith("text/html")) return "html";
  if (type === "stylesheet" || ct.startsWith("text/css")) return "css";
  if (type === "script" || ct.includes("javascript") || ct.includes("wasm")) return "js";
  if (type === "font" || ct.startsWith("font/")) return "fonts";
  if (type === "image" || ct.startsWith("image/")) return "images";
  return "other";
}

function add(a: Bytes, b: Bytes): void {
  a.raw += b.raw;
  a.gzip += b.gzip;
  a.brotli += b.brotli;
}

/** Records every response of `page` while `action` runs, with its body's sizes. */
async function recording(page: Page, action: () => Promise<void>): Promise<Array<{ url: string; kind: Kind; bytes: Bytes }>> {
  const pending: Array<Promise<{ url: string; kind: Kind; bytes: Bytes } | null>> = [];
  const onResponse = (response: Response) => {
    if (response.url().startsWith("data:")) return;
    pending.push(
      response
        .body()
        .then((body) => ({ url: response.url(), kind: kindOf(response), bytes: compressedSizes(body, response.headers()["content-type"]) }))
        .catch(() => null),
    );
  };
  page.on("response", onResponse);
  try {
    await action();
  } finally {
    page.off("response", onResponse);
  }
  return (await Promise.all(pending)).filter((r) => r !== null);
}

/** The pages whose weight is reported: the first post, tag and blog-list pages found in the output. */
export function templatePaths(dist: string): Array<{ template: string; path: string }> {
  const firstDir = (dir: string, skip: (name: string) => boolean = () => false) => {
    const full = path.join(dist, dir);
    if (!fs.existsSync(full)) return null;
    const name = fs
      .readdirSync(full, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !skip(e.name) && fs.existsSync(path.join(full, e.name, "index.html")))
      .map((e) => e.name)
      .sort()[0];
    return name ? `/${dir}/${name}/` : null;
  };
  const candidates = [
    { template: "home", path: "/" },
    { template: "blog list", path: "/blog/" },
    { template: "post", path: firstDir("blog", isBlogPageName) },
    { template: "tag", path: firstDir("tags") },
    { template: "program", path: "/program/" },
    { template: "search", path: "/search/" },
  ];
  return candidates.filter((c): c is { template: string; path: string } => !!c.path && fs.existsSync(path.join(dist, c.path, "index.html")));
}

/** Loads each template of a built site in Chromium and reports its weight and layout shift. */
export async function measureWeights(dist: string): Promise<PageWeight[]> {
  const server = await serveDist(dist);
  const browser = await launchBrowser({}, true);
  try {
    const rows: PageWeight[] = [];
    for (const { template, path: p } of templatePaths(dist)) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
      await context.addInitScript(() => {
        const w = window as unknown as { __cls: number };
        w.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
            if (!e.hadRecentInput) w.__cls += e.value;
        }).observe({ type: "layout-shift", buffered: true });
      });
      const page = await context.newPage();
      const responses = await recording(page, async () => {
        await page.goto(new URL(p.slice(1), server.url).href, { waitUntil: "load" });
        await page.waitForLoadState("networkidle");
      });
      const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      const byKind = Object.fromEntries(KINDS.map((k) => [k, zero()])) as Record<Kind, Bytes>;
      const total = zero();
      for (const r of responses) {
        add(byKind[r.kind], r.bytes);
        add(total, r.bytes);
      }
      rows.push({ template, path: p, requests: responses.length, byKind, total, cls });
      await context.close();
    }
    return rows;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Bytes fetched by a first and a second search query. */
export interface SearchBytes {
  /** Everything the first query fetched from a page that had not searched yet (Pagefind's script, WASM, metadata, index chunks, fragments): raw as served, and gzip/brotli as a compressing host would send it. */
  first: Bytes;
  firstRequests: number;
  second: Bytes;
  secondRequests: number;
  /** The site's own search UI scripts (loaded with the page and on opening the search), not Pagefind's bundle. */
  uiJs: Bytes;
  /** Results shown for the first and second query (0 means the queries found nothing: the figures would not count). */
  results: [number, number];
}

/** Sizes of the files behind a list of URLs of a served site (headers left out), as they would be compressed. */
function filesBytes(dist: string, origin: string, urls: string[]): Bytes {
  const total = zero();
  for (const url of urls) {
    const u = new URL(url);
    if (u.origin !== origin) continue;
    let file = path.join(dist, decodeURIComponent(u.pathname));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) continue;
    const ext = path.extname(file);
    // Pagefind's .pf_* files and WASM are already gzip-compressed by Pagefind; hosts send them as they are.
    const binary = /^\.(pf_\w+|wasm|png|jpe?g|webp|avif|woff2?)$/.test(ext);
    add(total, compressedSizes(fs.readFileSync(file), binary ? "application/octet-stream" : "text/plain"));
  }
  return total;
}

/**
 * A reader's search from the home page, measured with the search feature's own
 * helper (tests/support/search-transfer.ts: open the header search with "/",
 * type a query, wait for results, then a second query). Returns null when the
 * site has no search dialog.
 */
export async function measureSearch(dist: string, queries: [string, string] = ["referral", "shoulder tension"]): Promise<SearchBytes | null> {
  if (!fs.existsSync(path.join(dist, "pagefind"))) return null;
  const { measureSearchTransfer } = await import("../tests/support/search-transfer.ts");
  const server = await serveDist(dist);
  try {
    const t = await measureSearchTransfer(server.url, queries);
    const urls = (phase: typeof t.first) => phase.requests.map((r) => r.url);
    const ui = [...t.pageLoad.requests, ...t.first.requests].filter(
      (r) => /\.m?js$/.test(new URL(r.url).pathname) && !new URL(r.url).pathname.includes("/pagefind/"),
    );
    return {
      first: filesBytes(dist, server.origin, urls(t.first)),
      firstRequests: t.first.requests.length,
      second: filesBytes(dist, server.origin, urls(t.second)),
      secondRequests: t.second.requests.length,
      uiJs: filesBytes(
        dist,
        server.origin,
        ui.map((r) => r.url),
      ),
      results: [t.first.results, t.second.results],
    };
  } catch (err) {
    // A site without the header search dialog: report n/a rather than fail the whole run.
    if (err instanceof Error && /search-dialog|Timeout/i.test(err.message)) return null;
    throw err;
  } finally {
    await server.close();
  }
}
