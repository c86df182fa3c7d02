/**
 * Measures what search costs on the wire, the way a reader pays for it: load a page,
 * open the header search with "/", type a query, wait for results; then type a second
 * query. Byte counts come from Chromium (Playwright's request sizes, i.e. CDP Network
 * events): response body plus headers as transferred, so a compressing server shows
 * compressed sizes.
 */
import type { Browser, Page, Request } from "playwright-core";
import { launchBrowser } from "./browser.ts";

/** One request seen during a phase. */
export interface TransferredRequest {
  url: string;
  /** Body bytes as transferred (compressed if the server compressed). */
  bodyBytes: number;
  /** Body plus response headers. */
  bytes: number;
}

/** Requests and byte totals of one phase. */
export interface TransferTally {
  requests: TransferredRequest[];
  /** Sum of `bytes` over all requests. */
  bytes: number;
  /** Sum of `bytes` over requests for the Pagefind bundle (`/pagefind/`). */
  pagefindBytes: number;
  /** Results Chromium showed for the query (0 for the page-load phase). */
  results: number;
}

/** What a page load, a first search and a second search cost. */
export interface SearchTransfer {
  pageLoad: TransferTally;
  first: TransferTally;
  second: TransferTally;
}

async function bodyLength(r: Request): Promise<number> {
  const response = await r.response();
  const declared = Number(response?.headers()["content-length"] ?? 0);
  if (declared) return declared;
  try {
    return (await response?.body())?.length ?? 0;
  } catch {
    return 0;
  }
}

async function tally(requests: Request[], results = 0): Promise<TransferTally> {
  const rows = await Promise.all(
    requests.map(async (r) => {
      const s = await r.sizes();
      // Chromium reports 0 body bytes for a worker's own script (pagefind-worker.js): fall back to the response.
      const body = s.responseBodySize || (await bodyLength(r));
      return { url: r.url(), bodyBytes: body, bytes: body + s.responseHeadersSize };
    }),
  );
  const sum = (list: TransferredRequest[]) => list.reduce((n, r) => n + r.bytes, 0);
  return { requests: rows, bytes: sum(rows), pagefindBytes: sum(rows.filter((r) => new URL(r.url).pathname.includes("/pagefind/"))), results };
}

const inflight = new WeakMap<Page, Set<Request>>();

/** Resolves once no request has been in flight for 250 ms (lazy images and late index chunks included). */
async function quiet(page: Page): Promise<void> {
  const open = inflight.get(page) ?? new Set();
  for (let idle = 0; idle < 5;) {
    await page.waitForTimeout(50);
    idle = open.size === 0 ? idle + 1 : 0;
  }
}

/** Types a query into the open search and waits until the status line reports on it and the network is quiet. */
async function searchFor(page: Page, query: string): Promise<number> {
  const input = page.locator(".search-dialog .search-input");
  await input.fill(query);
  await page.waitForFunction((q) => {
    const status = document.querySelector(".search-dialog .search-status")?.textContent ?? "";
    return status.includes(`“${q}”`);
  }, query);
  await quiet(page);
  return page.locator(".search-dialog .search-result").count();
}

/**
 * Bytes transferred in Chromium for a page load of `siteUrl`, then a first and a second
 * search query typed into the header search dialog. Pass a `browser` to reuse one.
 */
export async function measureSearchTransfer(
  siteUrl: string,
  queries: readonly [string, string],
  options: { browser?: Browser } = {},
): Promise<SearchTransfer> {
  const browser = options.browser ?? (await launchBrowser());
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    let phase: Request[] = [];
    const open = new Set<Request>();
    inflight.set(page, open);
    page.on("request", (r) => open.add(r));
    page.on("requestfailed", (r) => open.delete(r));
    page.on("requestfinished", (r) => {
      open.delete(r);
      phase.push(r);
    });
    await page.goto(siteUrl, { waitUntil: "networkidle" });
    const pageLoad = await tally(phase);

    phase = [];
    await page.keyboard.press("/");
    await page.locator(".search-dialog[open] .search-input").waitFor();
    const firstResults = await searchFor(page, queries[0]);
    const first = await tally(phase, firstResults);

    phase = [];
    const secondResults = await searchFor(page, queries[1]);
    const second = await tally(phase, secondResults);
    return { pageLoad, first, second };
  } finally {
    await context.close();
    if (!options.browser) await browser.close();
  }
}
