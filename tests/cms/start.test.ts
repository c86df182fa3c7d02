/**
 * `npm start` for real: the runner starts astro dev and decap-server on a copy
 * of the fixture content, both answer on loopback (astro dev on the port given
 * with `--port`, which wins over PORT), and Ctrl+C (SIGINT) stops both; when
 * one of the two dies, the other is stopped too.
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServers } from "../../src/cli/start.ts";
import { decapApi, fixtureRepo, freePort, spawnStart } from "./support.ts";

/** Whether something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Polls `check` until it holds or `ms` pass. */
async function waitFor(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const ok = (url: string, init?: RequestInit) => async () => {
  try {
    // A request can stall while Vite optimises dependencies on first load: give up and ask again.
    return (await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) })).ok;
  } catch {
    return false;
  }
};

const repos: string[] = [];
afterAll(() => {
  for (const repo of repos) fs.rmSync(repo, { recursive: true, force: true });
});

describe("npm start", () => {
  it("serves the site and the CMS's local backend on loopback, on the port given with --port rather than PORT's, and Ctrl+C stops both", async () => {
    const repo = fixtureRepo("sigint");
    repos.push(repo);
    const [envPort, astroPort, decapPort] = [await freePort(), await freePort(), await freePort()];
    const { runner, output } = spawnStart(repo, { astro: envPort, decap: decapPort }, ["--port", String(astroPort)]);
    const exited = new Promise<number | null>((resolve) => runner.once("exit", (code) => resolve(code)));
    const info = { action: "info", params: { branch: "main" } };
    try {
      // The first page waits for the CMS script and Vite's dependency scan: minutes on a busy machine.
      await waitFor(ok(`http://127.0.0.1:${astroPort}/blog/`), 240_000, "astro dev").catch((err: Error) => {
        throw new Error(`${err.message}\n${output()}`);
      });
      // As the CMS on the local site asks it: the server answers no other origin.
      const answers = () =>
        decapApi(decapPort, info, { origin: `http://localhost:${astroPort}` }).then(
          (r) => r.ok,
          () => false,
        );
      await waitFor(answers, 30_000, "decap-server");
      expect(output()).toContain(`CMS: http://localhost:${astroPort}/admin/`);
      expect(await listening(envPort)).toBe(false);
      expect((await decapApi(decapPort, info, { origin: `http://localhost:${envPort}` })).ok).toBe(false);
      const admin = await fetch(`http://127.0.0.1:${astroPort}/admin/`);
      expect(admin.status).toBe(200);
      expect(await admin.text()).toContain('<meta name="robots" content="noindex"');
      runner.kill("SIGINT");
      await expect(exited).resolves.toBe(0);
      await waitFor(async () => !(await listening(astroPort)) && !(await listening(decapPort)), 15_000, "both servers to stop");
    } finally {
      if (runner.exitCode === null) runner.kill("SIGKILL");
    }
  }, 300_000);

  it("stops the dev server when decap-server dies", async () => {
    const repo = fixtureRepo("crash");
    repos.push(repo);
    const [astroPort, decapPort] = [await freePort(), await freePort()];
    const running = startServers({
      astroPort,
      decapPort,
      repoDir: repo,
      env: { P2P_CONTENT_DIR: path.join(repo, "content"), P2P_CACHE_DIR: path.join(repo, ".cache") },
      stdio: "pipe",
      astroArgs: ["--ignore-lock"],
    });
    try {
      await waitFor(() => listening(decapPort), 30_000, "decap-server");
      running.decap.kill("SIGKILL");
      await running.done;
      expect(running.astro.exitCode !== null || running.astro.signalCode !== null).toBe(true);
      expect(await listening(astroPort)).toBe(false);
    } finally {
      running.stop();
    }
  }, 90_000);
});
