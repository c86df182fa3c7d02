/**
 * Builds a site from a fixture content folder with the real Astro build, into
 * `tests/.tmp/sites/<name>/`. Each named build runs once per test run: the
 * global setup builds everything listed in `FIXTURE_SITES` before tests start,
 * and tests only read the output.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { searchIndexStep } from "../../src/search/pagefind-index.ts";

const run = promisify(execFile);

/** Project root. */
export const ROOT = path.resolve(import.meta.dirname, "../..");
/** Scratch space for tests (git-ignored); `P2P_TEST_TMP` moves it, so two runs never share output. */
export const TMP = path.resolve(process.env["P2P_TEST_TMP"] ?? path.join(ROOT, "tests/.tmp"));
/** The main fixture content folder. */
export const FIXTURE_CONTENT = path.join(ROOT, "tests/fixtures/site/content");
/** "Now" for fixture builds, so scheduled posts are deterministic. */
export const FIXTURE_NOW = "2026-06-01T12:00:00Z";

/** A fixture build: which content, which environment. */
export interface SiteBuild {
  name: string;
  content: string;
  env?: Record<string, string>;
  /** An Astro config file other than the project's (`astro build --config`; Astro reads it relative to the project). */
  config?: string;
}

/** Every build the suite shares, built once in global setup. */
export const FIXTURE_SITES = {
  main: { name: "main", content: FIXTURE_CONTENT, env: { TZ: "UTC" } },
  honolulu: { name: "honolulu", content: FIXTURE_CONTENT, env: { TZ: "Pacific/Honolulu" } },
  tokyo: { name: "tokyo", content: FIXTURE_CONTENT, env: { TZ: "Asia/Tokyo" } },
  subpath: { name: "subpath", content: FIXTURE_CONTENT, env: { TZ: "UTC", SITE_BASE: "/path2practice" } },
} satisfies Record<string, SiteBuild>;

export type FixtureName = keyof typeof FIXTURE_SITES;

/** Where a build's output goes. */
export function distDir(name: string): string {
  return path.join(TMP, "sites", name, "dist");
}

/** Variables Vitest sets for its own `import.meta.env`, which must not reach a child build. */
const VITEST_ENV = ["DEV", "PROD", "MODE", "BASE_URL", "SSR", "NODE_ENV"];

/**
 * This process's environment without Vitest's variables, for child Astro processes
 * (with VITEST or NODE_ENV=test set, `astro dev` answers every page with 404).
 */
export function childEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITEST_ENV.includes(k) && !k.startsWith("VITEST") && k !== "TEST"));
}

/** Runs `astro build` for a content folder; resolves with the output dir, rejects with the build log. */
export async function buildSite(build: SiteBuild, extraEnv: Record<string, string> = {}): Promise<{ dist: string; log: string }> {
  const out = distDir(build.name);
  fs.rmSync(out, { recursive: true, force: true });
  // Vitest workers put DEV=1, BASE_URL=/, MODE=test, NODE_ENV=test... into process.env;
  // a child build would read them back as import.meta.env (dev rules, no base), so they stay out.
  const inherited = childEnv();
  const env = {
    ...inherited,
    ASTRO_TELEMETRY_DISABLED: "1",
    P2P_CONTENT_DIR: build.content,
    P2P_OUT_DIR: out,
    P2P_CACHE_DIR: path.join(TMP, "sites", build.name, "cache"),
    // Content differs between fixture sites, the CMS code does not: one bundle serves them all.
    P2P_CMS_CACHE_DIR: path.join(TMP, "cms-cache"),
    P2P_NOW: FIXTURE_NOW,
    ...build.env,
    ...extraEnv,
  };
  const release = await acquireBuildLock();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        // `npm run build`'s two steps: Astro, then the search index.
        const options = { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 };
        const astro = await run(
          process.execPath,
          [path.join(ROOT, "node_modules/astro/bin/astro.mjs"), "build", ...(build.config ? ["--config", path.relative(ROOT, build.config)] : [])],
          options,
        );
        const search = await run(process.execPath, searchIndexStep(ROOT), options);
        return { dist: out, log: astro.stdout + astro.stderr + search.stdout + search.stderr };
      } catch (err) {
        const e = err as { stdout?: string; stderr?: string; message: string };
        const log = `${e.stdout ?? ""}\n${e.stderr ?? ""}`;
        // Every Astro process of this project, dev servers included, writes the MDX entry list to the
        // project's one .astro/content-modules.mjs. Other test files run dev servers of other fixture
        // content meanwhile (they cannot hold the build lock for their whole life: some build too), and
        // one that re-syncs between this build's sync and its bundling leaves it a wrong list. Only that
        // error is retried, once; any other failure is the test's to judge.
        if (attempt === 1 && /UnknownContentCollectionError/.test(log)) {
          fs.rmSync(out, { recursive: true, force: true });
          continue;
        }
        const failure = new Error(`npm run build failed for ${build.name}:\n${log}`);
        Object.assign(failure, { log });
        throw failure;
      }
    }
  } finally {
    release();
  }
}

/** One lock for every build on the machine: Astro writes generated types into the project's `.astro/`, which two builds at once would share. */
const LOCK = path.join(os.tmpdir(), "path2practice-astro-build.lock");

/** Waits until no other process is building, then holds the lock; a lock left by a dead process is taken over. */
async function acquireBuildLock(): Promise<() => void> {
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, "pid"), String(process.pid));
      return () => fs.rmSync(LOCK, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      if (!holderAlive()) {
        fs.rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function holderAlive(): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(LOCK, "pid"), "utf8"));
  } catch {
    // The holder has created the folder but not yet written its pid: give it time.
    return true;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Output dir of a shared fixture build (built by global setup). */
export function fixtureDist(name: FixtureName): string {
  const dir = distDir(name);
  if (!fs.existsSync(path.join(dir, "index.html"))) throw new Error(`fixture site "${name}" was not built (see tests/support/global-setup.ts)`);
  return dir;
}

/** Reads a file of a built site. */
export function readDist(name: FixtureName, file: string): string {
  return fs.readFileSync(path.join(fixtureDist(name), file), "utf8");
}

/** A throwaway copy of a content folder (for tests that break or edit content). */
export function copyContent(from: string, name: string): string {
  const dir = path.join(TMP, "content", `${name}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}
