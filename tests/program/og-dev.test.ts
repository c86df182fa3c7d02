/**
 * Social cards in the authoring server (`astro dev`): the card pages render a
 * card when it is asked for, with the dev server's rules (drafts shown). A real
 * dev server under a sub-path, on a free loopback port.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_CONTENT, FIXTURE_NOW, ROOT, TMP } from "../support/build.ts";
import { pngSize } from "./html.ts";

const BASE = "/path2practice";
const ASTRO_CACHE = path.join(TMP, "sites", "og-dev", "cache");
/** The social cards' folder in Astro's cache. */
const CACHE = path.join(ASTRO_CACHE, "social-cards");

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

let child: ChildProcess;
let origin = "";
let output = "";

/** Polls `url` until the server answers (the first request waits for Vite). */
async function waitFor(url: string, timeoutMs = 150_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`astro dev exited early:\n${output}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(20_000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`astro dev did not answer ${url} in time:\n${output}`);
}

beforeAll(async () => {
  fs.rmSync(CACHE, { recursive: true, force: true });
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
      P2P_CACHE_DIR: ASTRO_CACHE,
      P2P_NOW: FIXTURE_NOW,
      SITE_BASE: BASE,
      TZ: "UTC",
    },
    // Its own process group, so stopping it also stops anything it started.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  await waitFor(`${origin}${BASE}/blog/`);
}, 170_000);

afterAll(async () => {
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
});

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
