/**
 * The real local CMS setup for browser tests: a temporary copy of the fixture
 * site laid out as `<tmp>/content/...`, the local CMS server (as `npm start`
 * runs it) on 127.0.0.1 with that folder as its repository, and the site (with
 * /admin/) built by Astro and served on 127.0.0.1. The real content folder is
 * never touched.
 *
 * The CMS is served from a build rather than `astro dev`: the dev server
 * restarts and reloads whenever anything in the work tree changes, which would
 * make browser tests flaky; `npm start` itself is tested in start.test.ts.
 */
import { spawn, type ChildProcess, type ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { localCmsServerArgs } from "../../src/cli/start.ts";
import { launchBrowser } from "../support/browser.ts";
import { buildSite, childEnv, FIXTURE_CONTENT, ROOT, TMP } from "../support/build.ts";
import { freePort } from "../support/dev-server.ts";
import { serveDist, type Served } from "../support/serve.ts";

export { freePort };

/**
 * A fresh copy of the fixture content at `tests/.tmp/cms/<name>/content`; returns the folder above it.
 * The same folder every run, so the build's caches (kept per build name) stay valid for the next run.
 */
export function tempSite(name: string): string {
  const root = path.join(TMP, "cms", name);
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  fs.cpSync(FIXTURE_CONTENT, path.join(root, "content"), { recursive: true });
  return root;
}

/** Posts the local CMS server's API as a page of the site at `origin` would. */
export async function decapApi(port: number, body: object, { host = "127.0.0.1", origin }: { host?: string; origin: string }): Promise<Response> {
  return fetch(`http://${host}:${port}/api/v1`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: origin },
    body: JSON.stringify(body),
  });
}

/** Starts the local CMS server the way `npm start` does, for the site served at `siteUrl`, and waits until it answers. */
export async function startDecapServer(repoDir: string, port: number, siteUrl: string): Promise<ChildProcess> {
  const { origin, port: sitePort } = new URL(siteUrl);
  const args = localCmsServerArgs({ decapPort: port, repoDir, contentDir: path.join(repoDir, "content"), sitePort: Number(sitePort) });
  const child = spawn(process.execPath, args, { cwd: repoDir, stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`the local CMS server exited with ${child.exitCode}`);
    const ok = await decapApi(port, { action: "info" }, { origin }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("the local CMS server did not start");
}

/** Builds a temp site with its CMS pointed at decap-server on `decapPort`. */
export async function buildCmsSite(name: string, root: string, decapPort?: number): Promise<string> {
  const env = { GIT_REPO_DIRECTORY: root, ...(decapPort ? { DECAP_LOCAL_PORT: String(decapPort) } : {}) };
  const { dist } = await buildSite({ name: `cms-${name}`, content: path.join(root, "content"), env: { TZ: "UTC" } }, env);
  return dist;
}

/** A test file's local CMS; the fields are set once `beforeAll` has run. */
export interface LocalCms {
  /** The repository folder: the site's files are in `<root>/content`. */
  root: string;
  /** The built site the CMS pages are served from. */
  dist: string;
  served: Served;
  decapPort: number;
  browser: Browser;
}

/**
 * Registers the hooks that give a test file one local CMS: a fresh copy of the fixture site
 * (`prepare` adds to it before the build), the site built and served, the local CMS server
 * on that copy, and one Chromium; all stopped after the file's tests.
 */
export function useLocalCms(name: string, prepare: (root: string) => void = () => {}): LocalCms {
  const cms = {} as LocalCms;
  let decap: ChildProcess | undefined;
  beforeAll(async () => {
    cms.root = tempSite(name);
    prepare(cms.root);
    cms.decapPort = await freePort();
    cms.dist = await buildCmsSite(name, cms.root, cms.decapPort);
    cms.served = await serveDist(cms.dist);
    decap = await startDecapServer(cms.root, cms.decapPort, cms.served.url);
    cms.browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await cms.browser?.close();
    await cms.served?.close();
    decap?.kill();
  });
  return cms;
}

/** Opens the CMS and logs in to the local backend (no account: one button; later tabs are already logged in). */
export async function login(page: Page, adminUrl: string): Promise<void> {
  await page.goto(adminUrl);
  const button = page.getByRole("button", { name: "Login" });
  const ready = page.locator(`a[href="#/collections/posts/new"]`);
  await button.or(ready).first().waitFor({ timeout: 60_000 });
  if (await button.isVisible()) await button.click();
  await ready.waitFor({ timeout: 60_000 });
}

/** A fresh copy of the fixture content at `tests/.tmp/start/<name>-<pid>/content`; returns the repository folder. */
export function fixtureRepo(name: string): string {
  const repo = path.join(TMP, "start", `${name}-${process.pid}`);
  fs.rmSync(repo, { recursive: true, force: true });
  fs.cpSync(FIXTURE_CONTENT, path.join(repo, "content"), { recursive: true });
  return repo;
}

/** `npm start` as the author runs it, on `repo`, with PORT and DECAP_LOCAL_PORT set; `output()` is all it said so far. */
export function spawnStart(
  repo: string,
  ports: { astro: number; decap: number },
  args: string[] = [],
): { runner: ChildProcessByStdio<null, Readable, Readable>; output: () => string } {
  // --ignore-lock: other tests may run their own dev server of this project at the same time.
  const runner = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src/cli/start.ts"), "--ignore-lock", ...args], {
    cwd: ROOT,
    env: {
      ...childEnv(),
      PORT: String(ports.astro),
      DECAP_LOCAL_PORT: String(ports.decap),
      GIT_REPO_DIRECTORY: repo,
      P2P_CONTENT_DIR: path.join(repo, "content"),
      P2P_CACHE_DIR: path.join(repo, ".cache"),
      ASTRO_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  runner.stdout.on("data", (d: Buffer) => (output += d.toString()));
  runner.stderr.on("data", (d: Buffer) => (output += d.toString()));
  return { runner, output: () => output };
}
