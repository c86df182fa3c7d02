/** Runs a command-line tool as a real subprocess (node with the tsx loader), the way `npm run` does. */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { ROOT, TMP } from "../support/build.ts";

const exec = promisify(execFile);

/** What a finished command left behind. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `src/cli/<tool>.ts` with arguments; never throws on a non-zero exit. */
export async function runCli(
  tool: "new" | "content-check" | "import-wix",
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  // Tests always say which content folder they mean.
  const { P2P_CONTENT_DIR: _ignored, ...env } = process.env;
  const loader = pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
  try {
    const { stdout, stderr } = await exec(process.execPath, ["--import", loader, path.join(ROOT, "src/cli", `${tool}.ts`), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...env, ...options.env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A fresh scratch folder for one test, inside the run's scratch space. */
export function scratch(name: string): string {
  const dir = path.join(TMP, "cli", `${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Every file below a folder with its content, for before/after comparisons. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, rel);
    if (fs.statSync(file).isFile()) out[rel.split(path.sep).join("/")] = fs.readFileSync(file).toString("base64");
  }
  return out;
}
