/**
 * The CMS's figures: the bytes of script the built /admin/ page loads before
 * its login shows (the entry and its static imports; chunks loaded with
 * `import()`, such as the preview, are left out), how long /admin/ takes
 * on `npm start` from opening the page to a visible Login button, with empty
 * caches (cold) and on a restart with them (warm), and how long a post saved
 * through the local CMS server takes to show on its page.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import zlib from "node:zlib";
import { init, parse } from "es-module-lexer";
import { freePort } from "../tests/cms/support.ts";
import { launchBrowser } from "../tests/support/browser.ts";
import { ROOT } from "./builds.ts";

/** The login screen's script. */
export interface CmsScriptBytes {
  files: number;
  raw: number;
  gzip: number;
}

/** Times on the authoring server, in ms. */
export interface CmsDevTimes {
  coldMs: number;
  warmMs: number;
  /** From the save request to the post's page serving the new text (warm server). */
  saveMs?: number | undefined;
}

/** Figures for the report. */
export interface CmsFigures {
  script: CmsScriptBytes | null;
  dev: CmsDevTimes | null;
}

/** Sums the admin page's module script and every module it imports statically, gzip at level 9 as the page weights are. */
export async function cmsScriptBytes(dist: string): Promise<CmsScriptBytes | null> {
  const html = fs.readFileSync(path.join(dist, "admin/index.html"), "utf8");
  const src = /<script[^>]*type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!src) return null;
  // The bench builds at base "/": the URL path is the file's path under dist.
  const file = (url: string, from: string) => path.join(dist, decodeURIComponent(new URL(url, `http://site${from}`).pathname));
  const entry = file(src, "/admin/");
  await init;
  const seen = new Set<string>();
  const queue = [entry];
  const urlOf = (f: string) => `/${path.relative(dist, f).split(path.sep).join("/")}`;
  let raw = 0;
  let gzip = 0;
  while (queue.length) {
    const current = queue.shift()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const body = fs.readFileSync(current);
    raw += body.length;
    gzip += zlib.gzipSync(body, { level: 9 }).length;
    const [imports] = parse(body.toString("utf8"));
    // d === -1: a static import; dynamic ones load later (the preview, the save check's pipeline).
    for (const imp of imports) if (imp.d === -1 && imp.n && /^\.{0,2}\//.test(imp.n)) queue.push(file(imp.n, urlOf(current)));
  }
  return { files: seen.size, raw, gzip };
}

/** Saves a changed post through the local CMS server, as the CMS does, and times until its page shows the change. */
async function timeSave(repo: string, ports: { astro: number; decap: number }): Promise<number> {
  const folder = path.join(repo, "content/posts");
  const name = fs.readdirSync(folder).find((f) => f.endsWith(".md"));
  if (!name) throw new Error(`no post to edit in ${folder}`);
  const page = `http://127.0.0.1:${ports.astro}/blog/${name.slice(0, -3)}/`;
  // The page once before the save, as the author would have seen it.
  if (!(await fetch(page)).ok) throw new Error(`${page} did not answer before the save`);
  const marker = `Saved at ${Date.now()}`;
  const raw = `${fs.readFileSync(path.join(folder, name), "utf8")}\n${marker}\n`;
  const started = performance.now();
  const saved = await fetch(`http://127.0.0.1:${ports.decap}/api/v1`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: `http://127.0.0.1:${ports.astro}` },
    body: JSON.stringify({
      action: "persistEntry",
      params: {
        branch: "main",
        entry: { slug: name.slice(0, -3), path: `content/posts/${name}`, raw },
        assets: [],
        options: { commitMessage: "bench", useWorkflow: false, status: "draft" },
      },
    }),
  });
  if (!saved.ok) throw new Error(`the local CMS server refused the save: ${saved.status} ${await saved.text()}`);
  while (performance.now() - started < 60_000) {
    if ((await (await fetch(page)).text()).includes(marker)) return Math.round(performance.now() - started);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${page} did not show the saved text within 60 s`);
}

/**
 * Runs in the page before its scripts: records `window.loginShownAt`, the time (ms since the
 * navigation began) of the first frame painted with a visible Login button. A string, not a
 * function: the TypeScript runner would wrap a function's inner functions in helpers the page lacks.
 */
const MARK_LOGIN_SHOWN = `
  const shown = () => [...document.querySelectorAll("button")].some((b) =>
    /^\\s*Login\\b/.test(b.textContent || "") && b.getClientRects().length > 0 && getComputedStyle(b).visibility !== "hidden");
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.loginShownAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
`;

/**
 * Starts `npm start` on `repo` (content at `<repo>/content`), waits for Astro's "ready", and times /admin/ to
 * its Login button; with `save`, then times a saved post to its page.
 */
async function timeDev(repo: string, cacheDir: string, ports: { astro: number; decap: number }, niceness: number, save: boolean) {
  const { astro: astroPort, decap: decapPort } = ports;
  const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
  const args = [tsx, path.join(ROOT, "src/cli/start.ts"), "--ignore-lock"];
  const cmd = niceness > 0 ? "nice" : process.execPath;
  const runner = spawn(cmd, niceness > 0 ? ["-n", String(niceness), process.execPath, ...args] : args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(astroPort),
      DECAP_LOCAL_PORT: String(decapPort),
      GIT_REPO_DIRECTORY: repo,
      P2P_CONTENT_DIR: path.join(repo, "content"),
      P2P_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      // Astro's own line ("astro v7.x ready in ... ms"), colours removed.
      if (/astro\s+v\S+\s+ready in/i.test(stripVTControlCharacters(output))) resolve();
    };
    runner.stdout.on("data", onData);
    runner.stderr.on("data", onData);
    runner.once("exit", (code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`)));
    setTimeout(() => reject(new Error(`npm start was not ready after 5 minutes:\n${output}`)), 300_000).unref();
  });
  const exited = new Promise<void>((resolve) => runner.once("exit", () => resolve()));
  const browser = await launchBrowser({}, true);
  try {
    await ready;
    const page = await browser.newPage();
    await page.addInitScript({ content: MARK_LOGIN_SHOWN });
    const started = performance.now();
    await page.goto(`http://127.0.0.1:${astroPort}/admin/`, { waitUntil: "commit", timeout: 120_000 });
    const htmlMs = Math.round(performance.now() - started);
    await page.getByRole("button", { name: "Login" }).waitFor({ state: "visible", timeout: 120_000 });
    // The page's own clock (from the start of the navigation), not the moment Playwright's polling
    // noticed the button, which can come up to half a second later.
    const shownAt = await page.waitForFunction(() => (window as unknown as { loginShownAt?: number }).loginShownAt);
    const ms = Math.round(Number(await shownAt.jsonValue()));
    if (process.env["BENCH_CMS_LOG"]) process.stderr.write(`${output}\n/admin/ HTML after ${htmlMs} ms, Login after ${ms} ms\n`);
    return { loginMs: ms, saveMs: save ? await timeSave(repo, ports) : undefined };
  } catch (err) {
    throw new Error(`${(err as Error).message}\nnpm start said:\n${output}`);
  } finally {
    await browser.close();
    runner.kill("SIGINT");
    const forced = setTimeout(() => runner.kill("SIGKILL"), 20_000);
    await exited;
    clearTimeout(forced);
  }
}

/** Login times with fresh caches, then on a restart that finds them; the save time on the restarted server. */
export async function cmsDevTimes(repo: string, niceness: number): Promise<CmsDevTimes> {
  const cacheDir = path.join(repo, "dev-cache");
  fs.rmSync(cacheDir, { recursive: true, force: true });
  // The same ports both times, as for an author: Astro keeps the server's port in the configuration
  // it fingerprints, and a new port would make the restart clear its content store and reload the page.
  const ports = { astro: await freePort(), decap: await freePort() };
  const cold = await timeDev(repo, cacheDir, ports, niceness, false);
  const warm = await timeDev(repo, cacheDir, ports, niceness, true);
  return { coldMs: cold.loginMs, warmMs: warm.loginMs, saveMs: warm.saveMs };
}
