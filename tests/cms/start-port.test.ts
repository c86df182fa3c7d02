/**
 * `npm start -- --port <n>` for real: astro dev listens on that port rather than
 * PORT's, and the CMS's local server answers the site there.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { childEnv, FIXTURE_CONTENT, ROOT, TMP } from "../support/build.ts";
import { freePort } from "../support/dev-server.ts";
import { decapApi } from "./support.ts";

it("serves the site and the CMS on the port given with --port, which wins over PORT", async () => {
  const repo = path.join(TMP, "start", `port-${process.pid}`);
  fs.rmSync(repo, { recursive: true, force: true });
  fs.cpSync(FIXTURE_CONTENT, path.join(repo, "content"), { recursive: true });
  const [envPort, argPort, decapPort] = [await freePort(), await freePort(), await freePort()];
  // --ignore-lock: other tests may run their own dev server of this project at the same time.
  const runner = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src/cli/start.ts"), "--ignore-lock", "--port", String(argPort)], {
    cwd: ROOT,
    env: {
      ...childEnv(),
      PORT: String(envPort),
      DECAP_LOCAL_PORT: String(decapPort),
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
  // Any HTTP answer counts: the question is which port astro dev listens on, not how fast its first page is.
  const answers = async (url: string) => {
    try {
      await fetch(url, { signal: AbortSignal.timeout(15_000) });
      return true;
    } catch {
      return false;
    }
  };
  try {
    for (let started = Date.now(); !(await answers(`http://127.0.0.1:${argPort}/admin/`));) {
      if (runner.exitCode !== null || Date.now() - started > 150_000) throw new Error(`astro dev did not answer on --port ${argPort}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(output).toContain(`CMS: http://localhost:${argPort}/admin/`);
    expect(await answers(`http://127.0.0.1:${envPort}/robots.txt`)).toBe(false);
    const info = { action: "info", params: { branch: "main" } };
    expect((await decapApi(decapPort, info, { origin: `http://localhost:${argPort}` })).status).toBe(200);
    expect((await decapApi(decapPort, info, { origin: `http://localhost:${envPort}` })).ok).toBe(false);
  } finally {
    runner.kill("SIGINT");
    await new Promise((resolve) => (runner.exitCode === null ? runner.once("exit", resolve) : resolve(null)));
    fs.rmSync(repo, { recursive: true, force: true });
  }
}, 240_000);
