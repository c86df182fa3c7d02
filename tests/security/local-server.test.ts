/**
 * The CMS's local server as `npm start` runs it (src/cli/start.ts: astro dev
 * and the local CMS server, on a copy of the fixture content), asked with real
 * HTTP requests what a hostile web page could ask it: posts can still be
 * written and read by the local site; paths outside the content folder
 * (traversal, absolute, encoded, through symlinks), a foreign `Host` (DNS
 * rebinding) and a foreign `Origin` are refused, and the file system shows
 * that nothing outside the content folder changed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devServerArgs } from "../../src/cli/start.ts";
import { childEnv, FIXTURE_CONTENT, ROOT, TMP } from "../support/build.ts";
import { freePort } from "../cms/support.ts";

/** A file outside the repository that an absolute path could name. */
const elsewhere = () => path.join(os.tmpdir(), `p2p-local-server-${process.pid}.astro`);
const JPEG = fs.readFileSync(path.join(FIXTURE_CONTENT, "posts/images/hero.jpg"));

let repo: string;
let content: string;
let runner: ChildProcess;
let output = "";
let cmsPort: number;
let sitePort: number;
let site: string;

/** An answer: status, CORS header and parsed body. */
interface Answer {
  status: number;
  allowOrigin: string | undefined;
  body: unknown;
}

/** A raw HTTP request to the local CMS server; `http.request`, since fetch may not set `Host`. */
function request(options: {
  body?: string;
  host?: string;
  origin?: string | null;
  method?: string;
  type?: string;
  headers?: Record<string, string>;
}): Promise<Answer> {
  const headers: Record<string, string> = { Host: options.host ?? `127.0.0.1:${cmsPort}`, ...options.headers };
  if (options.origin !== null) headers["Origin"] = options.origin ?? site;
  if (options.body !== undefined) headers["Content-Type"] = options.type ?? "application/json";
  return new Promise((resolve, reject) => {
    // A connection of its own (agent: false): a kept-alive one can be closed by the server's idle timeout just as the
    // next request starts writing, failing it with EPIPE (seen on a busy machine, on the oversized upload below).
    const connection = { host: "127.0.0.1", port: cmsPort, agent: false };
    const req = http.request({ ...connection, path: "/api/v1", method: options.method ?? "POST", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: kept as text
        }
        resolve({ status: res.statusCode ?? 0, allowOrigin: res.headers["access-control-allow-origin"], body });
      });
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Calls an action as the local site's CMS does. */
function api(action: string, params: object, extra: Parameters<typeof request>[0] = {}): Promise<Answer> {
  return request({ body: JSON.stringify({ action, params: { branch: "main", ...params } }), ...extra });
}

const persistEntry = (entryPath: string, raw = "---\ntitle: x\n---\n", more: object = {}) =>
  api("persistEntry", {
    entry: { slug: "x", path: entryPath, raw },
    assets: [],
    options: { commitMessage: "x", useWorkflow: false, status: "draft" },
    ...more,
  });
const persistMedia = (assetPath: string) =>
  api("persistMedia", { asset: { path: assetPath, content: JPEG.toString("base64"), encoding: "base64" }, options: { commitMessage: "x" } });

/** Every file of the repository outside the content folder, with a digest of its bytes (symlinks by their target). */
function outsideContent(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (full === content) continue;
      if (entry.isDirectory()) walk(full);
      else {
        const bytes = entry.isSymbolicLink() ? Buffer.from(fs.readlinkSync(full)) : fs.readFileSync(full);
        files[path.relative(repo, full)] = crypto.createHash("sha256").update(bytes).digest("hex");
      }
    }
  };
  walk(repo);
  return files;
}

/** Polls until `url` answers or `ms` pass. */
async function waitForUrl(url: string, init: RequestInit, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ok = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${url}`);
}

beforeAll(async () => {
  // A repository folder with what an attacker would want to plant code in, beside the content.
  repo = path.join(TMP, "security", `local-server-${process.pid}`);
  fs.rmSync(repo, { recursive: true, force: true });
  content = path.join(repo, "content");
  fs.cpSync(FIXTURE_CONTENT, content, { recursive: true });
  for (const [file, text] of Object.entries({
    "src/pages/index.astro": "<p>home</p>\n",
    ".github/workflows/deploy.yml": "on: push\n",
    "astro.config.mjs": "export default {};\n",
    "secret.txt": "not for the CMS\n",
  })) {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.writeFileSync(path.join(repo, file), text);
  }
  // Symlinks inside the content folder that lead out of it: a folder, a file, and one that
  // dangles; in a folder the site does not build, so astro dev starts.
  fs.mkdirSync(path.join(content, "attic"));
  fs.writeFileSync(path.join(content, "attic/kept.md"), "kept\n");
  fs.symlinkSync("../../src", path.join(content, "attic/escape"));
  fs.symlinkSync("../../secret.txt", path.join(content, "attic/leak.md"));
  fs.symlinkSync("../../src/pages/planted.astro", path.join(content, "attic/dangling.md"));

  [sitePort, cmsPort] = [await freePort(), await freePort()];
  site = `http://localhost:${sitePort}`;
  // `npm start` itself, with this process's test variables left out (astro dev answers 404 under them).
  runner = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src/cli/start.ts"), "--ignore-lock"], {
    cwd: ROOT,
    env: {
      ...childEnv(),
      PORT: String(sitePort),
      DECAP_LOCAL_PORT: String(cmsPort),
      GIT_REPO_DIRECTORY: repo,
      P2P_CONTENT_DIR: content,
      P2P_CACHE_DIR: path.join(TMP, "security", `local-server-cache-${process.pid}`),
      ASTRO_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  runner.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  runner.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  await waitForUrl(`http://127.0.0.1:${sitePort}/blog/`, {}, 150_000).catch((err: Error) => {
    throw new Error(`${err.message}\n${output}`);
  });
  await waitForUrl(
    `http://127.0.0.1:${cmsPort}/api/v1`,
    { method: "POST", headers: { "Content-Type": "application/json", Origin: site }, body: JSON.stringify({ action: "info" }) },
    30_000,
  );
}, 200_000);

afterAll(async () => {
  if (runner && runner.exitCode === null) {
    const exited = new Promise((resolve) => runner.once("exit", resolve));
    runner.kill("SIGINT");
    await exited;
  }
  fs.rmSync(repo, { recursive: true, force: true });
});

describe("the local site", () => {
  it("writes a post and reads it back", async () => {
    const raw = "---\ntitle: Written over HTTP\ndescription: A post.\ndate: 2026-05-20\n---\n\nHello.\n";
    expect((await persistEntry("content/posts/written-over-http.md", raw)).status).toBe(200);
    expect(fs.readFileSync(path.join(content, "posts/written-over-http.md"), "utf8")).toBe(raw);
    const read = await api("getEntry", { path: "content/posts/written-over-http.md" });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ data: raw, file: { path: "content/posts/written-over-http.md" } });
    const listed = await api("entriesByFolder", { folder: "content/posts", extension: "md", depth: 1 });
    expect((listed.body as { file: { path: string } }[]).map((e) => e.file.path)).toContain("content/posts/written-over-http.md");
  });

  it("uploads an image into the media folder and lists it", async () => {
    expect((await persistMedia("content/posts/images/uploaded.jpg")).status).toBe(200);
    expect(fs.readFileSync(path.join(content, "posts/images/uploaded.jpg")).equals(JPEG)).toBe(true);
    const media = await api("getMedia", { mediaFolder: "content/posts/images" });
    expect((media.body as { path: string }[]).map((m) => m.path)).toContain("content/posts/images/uploaded.jpg");
  });

  it("is answered from both of its origins, and CORS names only the asking one", async () => {
    for (const origin of [`http://localhost:${sitePort}`, `http://127.0.0.1:${sitePort}`]) {
      const info = await api("info", {}, { origin });
      expect({ origin, status: info.status, allow: info.allowOrigin }).toEqual({ origin, status: 200, allow: origin });
      const preflight = await request({ method: "OPTIONS", origin, headers: { "Access-Control-Request-Method": "POST" } });
      expect({ origin, status: preflight.status, allow: preflight.allowOrigin }).toEqual({ origin, status: 204, allow: origin });
    }
  });
});

describe("paths outside the content folder", () => {
  const hostile = () => [
    "src/pages/x.astro",
    "content/../src/pages/x.astro",
    "content/posts/../../src/pages/x.astro",
    ".github/workflows/x.yml",
    "astro.config.mjs",
    "secret.txt",
    "content",
    "",
    path.join(repo, "src/pages/x.astro"),
    elsewhere(),
    "content/..%2fsrc/pages/x.astro",
    "content/%2e%2e/src/pages/x.astro",
    "%2e%2e/src/pages/x.astro",
    "content\\..\\src\\pages\\x.astro",
    "content/attic/escape/pages/x.astro",
    "content/attic/leak.md",
    "content/attic/dangling.md",
    "content/posts/\0.md",
  ];
  let before: Record<string, string>;
  beforeAll(() => {
    before = outsideContent();
  });

  /** Asserts a refusal with a message that names the path. */
  function refused(answer: Answer, what: string): void {
    expect({ what, status: answer.status }).toEqual({ what, status: 403 });
    expect((answer.body as { error: string }).error).toMatch(/^Refused: .* is outside the content folder \(content\/\)\.$/);
  }

  it("are refused as a post, its new path, an asset of a post, or an upload", async () => {
    const post = path.join(content, "posts/welcome.md");
    const original = fs.readFileSync(post, "utf8");
    for (const p of hostile()) {
      refused(await persistEntry(p), `entry.path ${p}`);
      refused(
        await persistEntry("content/posts/welcome.md", "moved", { entry: { slug: "x", path: "content/posts/welcome.md", raw: "moved", newPath: p } }),
        `entry.newPath ${p}`,
      );
      refused(
        await persistEntry("content/posts/x.md", "x", {
          entry: undefined,
          dataFiles: [{ slug: "x", path: "content/posts/x.md", raw: "x", newPath: p }],
        }),
        `dataFiles[].newPath ${p}`,
      );
      refused(await persistEntry("content/posts/x.md", "x", { assets: [{ path: p, content: "aGk=", encoding: "base64" }] }), `assets[].path ${p}`);
      refused(await persistMedia(p), `asset.path ${p}`);
    }
    // A refused request writes nothing, not even its paths that were inside.
    expect(fs.existsSync(path.join(content, "posts/x.md"))).toBe(false);
    expect(fs.readFileSync(post, "utf8")).toBe(original);
    expect(outsideContent()).toEqual(before);
    expect(fs.existsSync(elsewhere())).toBe(false);
  });

  it("are refused for deletion", async () => {
    for (const p of hostile()) {
      refused(await api("deleteFile", { path: p, options: { commitMessage: "x" } }), `deleteFile ${p}`);
      refused(await api("deleteFiles", { paths: ["content/posts/welcome.md", p], options: { commitMessage: "x" } }), `deleteFiles ${p}`);
    }
    expect(fs.existsSync(path.join(content, "posts/welcome.md"))).toBe(true);
    expect(outsideContent()).toEqual(before);
  });

  it("are refused for reading and listing", async () => {
    for (const p of hostile()) {
      refused(await api("getEntry", { path: p }), `getEntry ${p}`);
      refused(await api("getMediaFile", { path: p }), `getMediaFile ${p}`);
      refused(await api("entriesByFiles", { files: [{ path: "content/posts/welcome.md" }, { path: p }] }), `entriesByFiles ${p}`);
    }
    for (const folder of ["src", ".", "", "content/..", ".github/workflows", repo, "content/attic/escape"]) {
      refused(await api("entriesByFolder", { folder, extension: "astro", depth: 5 }), `entriesByFolder ${folder}`);
      refused(await api("getMedia", { mediaFolder: folder }), `getMedia ${folder}`);
    }
  });

  it("never reach a listing through a symlink", async () => {
    const listed = await api("entriesByFolder", { folder: "content/attic", extension: "md", depth: 3 });
    expect(listed.status).toBe(200);
    const paths = (listed.body as { file: { path: string } }[]).map((e) => e.file.path);
    expect(paths).toEqual(["content/attic/kept.md"]);
    expect(paths).not.toContain("content/attic/leak.md");
    expect(JSON.stringify(listed.body)).not.toContain("not for the CMS");
    const all = await api("entriesByFolder", { folder: "content", extension: "md", depth: 5 });
    expect(JSON.stringify(all.body)).not.toContain("not for the CMS");
    expect((all.body as unknown[]).length).toBeGreaterThan(3);
  });

  it("are refused when the path is not a string", async () => {
    const answer = await api("getEntry", { path: ["content/posts/welcome.md"] });
    expect(answer.status).toBe(422);
    expect(await api("deleteFiles", { paths: "content/../astro.config.mjs", options: { commitMessage: "x" } })).toMatchObject({ status: 422 });
    expect(outsideContent()).toEqual(before);
  });
});

describe("requests that are not the local site's", () => {
  it("refuse a foreign Host (DNS rebinding), even with the local site's Origin", async () => {
    for (const host of [
      `evil.example:${cmsPort}`,
      `127.0.0.1.evil.example:${cmsPort}`,
      `localhost:${cmsPort + 1}`,
      "localhost",
      `0.0.0.0:${cmsPort}`,
      `localhost.:${cmsPort}`,
    ]) {
      const answer = await request({
        host,
        body: JSON.stringify({
          action: "persistEntry",
          params: {
            branch: "main",
            entry: { slug: "x", path: "content/posts/rebound.md", raw: "x" },
            assets: [],
            options: { commitMessage: "x", useWorkflow: false, status: "draft" },
          },
        }),
      });
      expect({ host, status: answer.status }).toEqual({ host, status: 403 });
      expect((answer.body as { error: string }).error).toContain("only requests to localhost");
      expect(fs.existsSync(path.join(content, "posts/rebound.md"))).toBe(false);
      expect(
        (await request({ host, body: JSON.stringify({ action: "getEntry", params: { branch: "main", path: "content/posts/welcome.md" } }) })).status,
      ).toBe(403);
    }
  });

  it("answer localhost and [::1] by name", async () => {
    for (const host of [`localhost:${cmsPort}`, `LOCALHOST:${cmsPort}`, `[::1]:${cmsPort}`]) {
      expect({ host, status: (await api("info", {}, { host })).status }).toEqual({ host, status: 200 });
    }
  });

  it("refuse a foreign Origin or none, and CORS does not answer them", async () => {
    for (const origin of [
      "http://evil.example",
      `http://evil.example:${sitePort}`,
      `http://localhost:${cmsPort}`,
      `http://localhost:${sitePort + 1}`,
      `https://localhost:${sitePort}`,
      "null",
      null,
    ]) {
      const write = await request({
        origin,
        body: JSON.stringify({
          action: "persistEntry",
          params: {
            branch: "main",
            entry: { slug: "x", path: "content/posts/foreign.md", raw: "x" },
            assets: [],
            options: { commitMessage: "x", useWorkflow: false, status: "draft" },
          },
        }),
      });
      expect({ origin, status: write.status, allow: write.allowOrigin }).toEqual({ origin, status: 403, allow: undefined });
      expect(fs.existsSync(path.join(content, "posts/foreign.md"))).toBe(false);
      if (origin === null) continue;
      const preflight = await request({ method: "OPTIONS", origin, headers: { "Access-Control-Request-Method": "POST" } });
      expect({ origin, status: preflight.status, allow: preflight.allowOrigin }).toEqual({ origin, status: 403, allow: undefined });
    }
  });

  it("refuse actions outside the file-system mode, bodies that are not JSON, and oversized bodies", async () => {
    expect((await api("unpublishedEntries", {})).status).toBe(422);
    expect((await api("publishUnpublishedEntry", { collection: "posts", slug: "x" })).status).toBe(422);
    const form = await request({ body: JSON.stringify({ action: "info" }), type: "text/plain" });
    expect(form.status).toBe(415);
    const big = await api("persistMedia", {
      asset: { path: "content/posts/images/huge.jpg", content: "A".repeat(40 * 1024 * 1024), encoding: "base64" },
      options: { commitMessage: "x" },
    });
    expect(big.status).toBe(413);
    expect(fs.existsSync(path.join(content, "posts/images/huge.jpg"))).toBe(false);
  });

  it("cannot be reached on any non-loopback address of this machine", async () => {
    const addresses = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => (a!.family === "IPv6" ? `[${a!.address.split("%")[0]}]` : a!.address));
    for (const address of [...addresses, "[::1]"]) {
      const reached = await fetch(`http://${address}:${cmsPort}/api/v1`, { method: "POST", signal: AbortSignal.timeout(5_000) }).then(
        () => true,
        () => false,
      );
      expect({ address, reached }).toEqual({ address, reached: false });
    }
  });
});

describe("the local site's port", () => {
  it("follows `npm start -- --port N`, the last one winning, and passes astro dev that one port only", () => {
    expect(devServerArgs({ astroPort: 4321 })).toEqual({ port: 4321, args: ["--port", "4321"] });
    expect(devServerArgs({ astroPort: 4321, astroArgs: ["--open", "--port", "5000"] })).toEqual({ port: 5000, args: ["--port", "5000", "--open"] });
    expect(devServerArgs({ astroPort: 4321, astroArgs: ["--port=5000", "--port", "6000"] }).port).toBe(6000);
    expect(() => devServerArgs({ astroPort: 4321, astroArgs: ["--port", "next"] })).toThrow('--port needs a port number, not "next"');
  });
});
