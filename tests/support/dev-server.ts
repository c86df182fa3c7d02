/**
 * `astro dev` for a test file: on a free loopback port, with a project root of
 * its own (`astroRoot`), so it never rewrites the generated files of a build or
 * of another server running at the same time.
 */
import { spawn } from "node:child_process";
import net from "node:net";
import { astroArgs, childEnv } from "./build.ts";

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A running dev server. */
export interface DevServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Everything it printed so far. */
  output(): string;
  /** Stops it and everything it started. */
  stop(): Promise<void>;
}

/**
 * Starts `astro dev` with `env` added to the test's environment (Vitest's own variables left out)
 * and resolves once `readyPath` answers 200: the first request waits for Vite to bundle
 * dependencies and compile the page, which on a busy machine takes a minute or more.
 */
export async function startDevServer(name: string, env: Record<string, string>, readyPath: string, timeoutMs = 150_000): Promise<DevServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // --ignore-lock: run alongside an author's own dev server without touching its lock file.
  const child = spawn(process.execPath, astroArgs(name, ["dev", "--host", "127.0.0.1", "--port", String(port), "--ignore-lock"]), {
    env: { ...childEnv(), ASTRO_TELEMETRY_DISABLED: "1", ...env },
    // Its own process group, so stopping it also stops anything it started.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const server: DevServer = {
    origin,
    output: () => output,
    async stop() {
      if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
      process.kill(-child.pid, "SIGTERM");
      const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
      if (!stopped) process.kill(-child.pid, "SIGKILL");
    },
  };
  const url = `${origin}${readyPath}`;
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro dev exited early (code ${child.exitCode}):\n${output}`);
    // A request can stall while Vite optimises dependencies: never wait forever on one attempt.
    const status = await fetch(url, { signal: AbortSignal.timeout(20_000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return server;
    if (Date.now() > until) {
      await server.stop();
      throw new Error(`astro dev did not answer ${url} with 200 within ${timeoutMs / 1000} s (last status ${status || "none"}):\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
