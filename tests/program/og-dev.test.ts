/**
 * Social cards in the authoring server (`astro dev`): the card pages render a
 * card when it is asked for, with the dev server's rules (drafts shown). A real
 * dev server under a sub-path, on a free loopback port.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_CONTENT, FIXTURE_NOW, TMP } from "../support/build.ts";
import { startDevServer, type DevServer } from "../support/dev-server.ts";
import { pngSize } from "./html.ts";

const BASE = "/path2practice";
const ASTRO_CACHE = path.join(TMP, "sites", "og-dev", "cache");
/** The social cards' folder in Astro's cache. */
const CACHE = path.join(ASTRO_CACHE, "social-cards");

let server: DevServer;
let origin = "";

beforeAll(async () => {
  fs.rmSync(CACHE, { recursive: true, force: true });
  server = await startDevServer(
    "og-dev",
    { P2P_CONTENT_DIR: FIXTURE_CONTENT, P2P_CACHE_DIR: ASTRO_CACHE, P2P_NOW: FIXTURE_NOW, SITE_BASE: BASE, TZ: "UTC" },
    `${BASE}/blog/`,
  );
  origin = server.origin;
}, 170_000);

afterAll(() => server?.stop());

/** Fetches a card URL under the base: status, type and picture size. */
async function card(sitePath: string): Promise<{ status: number; type: string | null; size?: { width: number; height: number } }> {
  const res = await fetch(`${origin}${BASE}${sitePath}`);
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get("content-type"), ...(res.ok ? { size: pngSize(body) } : {}) };
}

describe("social cards in the authoring server", () => {
  it("serves a post's card at the same URL as the built site", async () => {
    expect(await card("/og/posts/welcome.png")).toEqual({ status: 200, type: "image/png", size: { width: 1200, height: 630 } });
  });

  it("serves the program page's card", async () => {
    expect(await card("/og/program.png")).toEqual({ status: 200, type: "image/png", size: { width: 1200, height: 630 } });
  });

  it("serves cards of drafts, which the authoring server shows", async () => {
    expect((await card("/og/posts/draft-post.png")).status).toBe(200);
  });

  it("has no card for a post with its own image, nor for a post that does not exist", async () => {
    expect((await card("/og/posts/hero-image.png")).status).toBe(404);
    expect((await card("/og/posts/no-such-post.png")).status).toBe(404);
  });

  it("keeps the cards it rendered in the disk cache", () => {
    const files = fs.readdirSync(CACHE).filter((f) => f.endsWith(".png"));
    expect(files).toHaveLength(3);
  });
});
