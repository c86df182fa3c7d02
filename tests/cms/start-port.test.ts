/**
 * `npm start -- --port <n>` for real: astro dev listens on that port rather than
 * PORT's, and the CMS's local server answers the site there.
 */
import fs from "node:fs";
import { expect, it } from "vitest";
import { decapApi, fixtureRepo, freePort, spawnStart } from "./support.ts";

it("serves the site and the CMS on the port given with --port, which wins over PORT", async () => {
  const repo = fixtureRepo("port");
  const [envPort, argPort, decapPort] = [await freePort(), await freePort(), await freePort()];
  const { runner, output } = spawnStart(repo, { astro: envPort, decap: decapPort }, ["--port", String(argPort)]);
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
      if (runner.exitCode !== null || Date.now() - started > 150_000) throw new Error(`astro dev did not answer on --port ${argPort}:\n${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(output()).toContain(`CMS: http://localhost:${argPort}/admin/`);
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
