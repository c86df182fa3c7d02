/**
 * `npm start`: the Astro dev server and the CMS's local server (local-cms/server.ts: decap-server's file-system backend
 * behind guards, on 127.0.0.1 only, for the local site and the content folder only), so the author edits the local
 * files at http://localhost:4321/admin/ with no account. Ctrl+C stops both; when either stops, so does the other.
 *
 * Environment: PORT (Astro, default 4321; `npm start -- --port 5000` too), DECAP_LOCAL_PORT (local CMS server,
 * default 8081), P2P_CONTENT_DIR (content folder), GIT_REPO_DIRECTORY (the folder Decap paths are relative to,
 * default: this project).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RUN_TS } from "../lib/node-ts.ts";
import { LOCAL_CMS_SERVER } from "./local-cms/server.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The two processes and how to start them. */
interface StartOptions {
  astroPort: number;
  decapPort: number;
  /** Folder the CMS's paths are relative to. */
  repoDir: string;
  /** Extra environment for both processes. */
  env?: NodeJS.ProcessEnv;
  /** Where the children's output goes. */
  stdio?: "inherit" | "pipe";
  /** Extra arguments for `astro dev` (`npm start -- --open`). */
  astroArgs?: string[];
}

/**
 * astro dev's port and its other arguments: the last `--port` among the arguments (`npm start -- --port 5000`), else
 * `astroPort` (PORT). Astro reads a repeated `--port` as no port at all, so it is passed once.
 */
export function devServerArgs(options: Pick<StartOptions, "astroPort" | "astroArgs">): { port: number; args: string[] } {
  let port = options.astroPort;
  const args: string[] = [];
  const given = options.astroArgs ?? [];
  for (let i = 0; i < given.length; i++) {
    const arg = given[i]!;
    const value = arg === "--port" ? given[++i] : arg.startsWith("--port=") ? arg.slice("--port=".length) : undefined;
    if (value === undefined) args.push(arg);
    else if (/^\d+$/.test(value)) port = Number(value);
    else throw new Error(`--port needs a port number, not "${value}"`);
  }
  return { port, args: ["--port", String(port), ...args] };
}

/** Node arguments that start the local CMS server for a repository folder, its content folder and the site's port. */
export function localCmsServerArgs(o: { decapPort: number; repoDir: string; contentDir: string; sitePort: number }): string[] {
  return [...RUN_TS, LOCAL_CMS_SERVER, `--port=${o.decapPort}`, `--repo=${o.repoDir}`, `--content=${o.contentDir}`, `--site-port=${o.sitePort}`];
}

/** Starts astro dev (on the returned `port`) and the local CMS server; each one's exit stops the other, `stop()` ends both, `done` waits for both. */
export function startServers(options: StartOptions) {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    GIT_REPO_DIRECTORY: options.repoDir,
    DECAP_LOCAL_PORT: String(options.decapPort),
  };
  const stdio = options.stdio ?? "inherit";
  // The content folder as the Astro dev server (run from ROOT) and the CMS config see it.
  const contentDir = path.resolve(ROOT, base["P2P_CONTENT_DIR"] ?? "content");
  const dev = devServerArgs(options);
  const decap = spawn(process.execPath, localCmsServerArgs({ ...options, contentDir, sitePort: dev.port }), {
    cwd: options.repoDir,
    env: base,
    stdio: ["ignore", stdio, stdio],
  });
  const astro = spawn(process.execPath, [path.join(ROOT, "node_modules/astro/bin/astro.mjs"), "dev", "--host", "127.0.0.1", ...dev.args], {
    cwd: ROOT,
    env: { ...base, ASTRO_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", stdio, stdio],
  });
  const children = [astro, decap];
  const stop = () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  };
  for (const child of children) child.once("exit", stop);
  return { astro, decap, port: dev.port, stop, done: Promise.all(children.map((child) => once(child, "exit"))) };
}

/** Runs the servers in the foreground until Ctrl+C or until one of them exits. */
async function main(): Promise<void> {
  const astroPort = Number(process.env["PORT"] ?? 4321);
  const decapPort = Number(process.env["DECAP_LOCAL_PORT"] ?? 8081);
  const repoDir = path.resolve(process.env["GIT_REPO_DIRECTORY"] ?? ROOT);
  // Anything after `npm start --` goes to astro dev, e.g. --open or --ignore-lock.
  const running = startServers({ astroPort, decapPort, repoDir, astroArgs: process.argv.slice(2) });
  console.log(`CMS: http://localhost:${running.port}/admin/  (local files, local CMS server on 127.0.0.1:${decapPort})`);
  let interrupted = false;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      interrupted = true;
      running.stop();
    });
  }
  await running.done;
  // After Ctrl+C, stopping is success whatever the servers answer (astro dev can exit 1 when
  // stopped mid-request); otherwise a server that ended on its own with an error is a failure.
  const failed = [running.astro, running.decap].some((c) => c.exitCode !== 0 && c.signalCode !== "SIGTERM" && c.signalCode !== "SIGINT");
  process.exitCode = !interrupted && failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
