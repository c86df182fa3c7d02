/**
 * Builds a site from a fixture content folder with the real Astro build, into
 * `tests/.tmp/sites/<name>/`, with a project root, caches and output of its
 * own, so any number of builds and dev servers can run at once. The global
 * setup builds everything listed in `FIXTURE_SITES` before tests start, and
 * tests only read that output.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import YAML from "yaml";
import { searchIndexStep } from "../../src/search/pagefind-index.ts";

const run = promisify(execFile);

/** Project root. */
export const ROOT = path.resolve(import.meta.dirname, "../..");
/** Scratch space for tests (git-ignored). */
export const TMP = path.join(ROOT, "tests/.tmp");
/** The main fixture content folder. */
export const FIXTURE_CONTENT = path.join(ROOT, "tests/fixtures/site/content");
/** "Now" for fixture builds, so scheduled posts are deterministic. */
export const FIXTURE_NOW = "2026-06-01T12:00:00Z";

/** A fixture build: which content, which environment. */
export interface SiteBuild {
  name: string;
  content: string;
  env?: Record<string, string>;
  /** An Astro config file other than the project's (`astro build --config`). */
  config?: string;
  /** Site settings laid over the content's `settings/site.yaml`, in a copy of the content made for this build. */
  settings?: Record<string, unknown>;
}

/**
 * A small site whose program schedule is marked as an example (the main fixture's is real):
 * the fixture's pages and settings with `example: true`, and one post. Written by global setup.
 */
export const EXAMPLE_SCHEDULE_CONTENT = path.join(TMP, "content", "example-schedule");

/** Writes `EXAMPLE_SCHEDULE_CONTENT` from the main fixture. */
export function writeExampleScheduleContent(): void {
  fs.rmSync(EXAMPLE_SCHEDULE_CONTENT, { recursive: true, force: true });
  for (const dir of ["pages", "settings"]) fs.cpSync(path.join(FIXTURE_CONTENT, dir), path.join(EXAMPLE_SCHEDULE_CONTENT, dir), { recursive: true });
  fs.cpSync(path.join(FIXTURE_CONTENT, "posts/welcome.md"), path.join(EXAMPLE_SCHEDULE_CONTENT, "posts/welcome.md"));
  const program = path.join(EXAMPLE_SCHEDULE_CONTENT, "pages/program.yaml");
  const yaml = fs.readFileSync(program, "utf8");
  if (!yaml.includes("\n  example: false\n")) throw new Error(`${program}: the fixture schedule no longer says "example: false"`);
  fs.writeFileSync(program, yaml.replace("\n  example: false\n", "\n  example: true\n"));
}
/** What a reader-facing build names: a signup form provider and a visit counter (stood in for by tests on loopback). */
export const READERS_SETTINGS = {
  newsletter: {
    action: "https://newsletter.example.net/subscribe/quiet-hands",
    emailField: "email_address",
    honeypot: "nonce",
    hidden: [{ name: "list", value: "weekly" }],
    promise: "One email a month. Unsubscribe any time.",
    posts: true,
    home: true,
    program: true,
  },
  visits: { provider: "goatcounter", script: "https://gc.example.net/count.js", site: "https://quiethands.counter.example.net/count" },
};

/**
 * Every build the suite shares, built once in global setup. Two of them also run on a build
 * machine whose clock is far from the site's (UTC-10 and UTC+9), which must not move a date.
 */
export const FIXTURE_SITES = {
  main: { name: "main", content: FIXTURE_CONTENT, env: { TZ: "UTC" } },
  // Also the Netlify build (the main one writes the default host files, Cloudflare's).
  example: { name: "example", content: EXAMPLE_SCHEDULE_CONTENT, env: { TZ: "UTC", DEPLOY_TARGET: "netlify" } },
  subpath: { name: "subpath", content: FIXTURE_CONTENT, env: { TZ: "Pacific/Honolulu", SITE_BASE: "/path2practice" } },
  readers: { name: "readers", content: FIXTURE_CONTENT, env: { TZ: "Asia/Tokyo" }, settings: READERS_SETTINGS },
} satisfies Record<string, SiteBuild>;

/** The shared builds made on a machine in another time zone than UTC, by the zone's name. */
export const OTHER_ZONE_SITES = { "Pacific/Honolulu": "subpath", "Asia/Tokyo": "readers" } as const;

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

/**
 * A project root of its own for one Astro process (`astro --root`), at `tests/.tmp/sites/<name>/root/`.
 * Astro writes its generated files (`.astro/`: types, the list of content modules) and its default
 * caches (`node_modules/.astro`, `node_modules/.vite`) under the root it runs with; sources stay in
 * the project (astro.config.mjs names `srcDir` and `publicDir`). So builds and dev servers of
 * different content, in any number at once, never read each other's files. It lives inside the
 * project so that packages still resolve from the project's `node_modules`.
 */
export function astroRoot(name: string): string {
  const root = path.join(TMP, "sites", name, "root");
  fs.mkdirSync(root, { recursive: true });
  // The project's TypeScript settings (the `@/` import alias) apply from this root too.
  fs.writeFileSync(path.join(root, "tsconfig.json"), `${JSON.stringify({ extends: path.relative(root, path.join(ROOT, "tsconfig.json")) })}\n`);
  return root;
}

/**
 * Arguments for running the Astro CLI at `astroRoot(name)` with the project's config, or with
 * `config` (Astro reads `--config` relative to the root).
 */
export function astroArgs(name: string, command: string[], config = path.join(ROOT, "astro.config.mjs")): string[] {
  const root = astroRoot(name);
  return [path.join(ROOT, "node_modules/astro/bin/astro.mjs"), ...command, "--root", root, "--config", path.relative(root, config)];
}

/** Runs `astro build` for a content folder; resolves with the output dir, rejects with the build log. */
export async function buildSite(build: SiteBuild, extraEnv: Record<string, string> = {}): Promise<{ dist: string; log: string }> {
  const out = distDir(build.name);
  fs.rmSync(out, { recursive: true, force: true });
  const content = build.settings ? contentWithSettings(build.content, build.name, build.settings) : build.content;
  const cache = path.join(TMP, "sites", build.name, "cache");
  forgetOtherContent(cache, content);
  const env = {
    // Vitest workers put DEV=1, BASE_URL=/, MODE=test, NODE_ENV=test... into process.env;
    // a child build would read them back as import.meta.env (dev rules, no base), so they stay out.
    ...childEnv(),
    ASTRO_TELEMETRY_DISABLED: "1",
    P2P_CONTENT_DIR: content,
    P2P_OUT_DIR: out,
    // Its own Astro cache (and social-card cache in it), beside its output.
    P2P_CACHE_DIR: cache,
    P2P_NOW: FIXTURE_NOW,
    ...build.env,
    ...extraEnv,
  };
  // `npm run build`'s two steps: Astro, then the search index.
  const options = { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 };
  try {
    const astro = await run(process.execPath, astroArgs(build.name, ["build"], build.config), options);
    const search = await run(process.execPath, searchIndexStep(ROOT), options);
    return { dist: out, log: astro.stdout + astro.stderr + search.stdout + search.stderr };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    const log = `${e.stdout ?? ""}\n${e.stderr ?? ""}`;
    const failure = new Error(`npm run build failed for ${build.name}:\n${log}`);
    Object.assign(failure, { log });
    throw failure;
  }
}

/**
 * Empties `cache` when it was filled from another content folder: Astro's content store keeps
 * the paths of the files it read, and a build of a new temporary copy (whose folder name holds
 * the test's process id) would otherwise look for images in the old copy.
 */
function forgetOtherContent(cache: string, content: string): void {
  // Inside the cache, so a build writes nothing beside its output folders (tests/security checks that).
  const stamp = path.join(cache, "content-folder.txt");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === content) return;
  fs.rmSync(cache, { recursive: true, force: true });
  fs.mkdirSync(cache, { recursive: true });
  fs.writeFileSync(stamp, content);
}

/** A copy of `from` at `tests/.tmp/sites/<name>/content/` whose site settings have `settings` laid over them. */
function contentWithSettings(from: string, name: string, settings: Record<string, unknown>): string {
  const dir = path.join(TMP, "sites", name, "content");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(from, dir, { recursive: true });
  const file = path.join(dir, "settings", "site.yaml");
  fs.writeFileSync(file, YAML.stringify({ ...(YAML.parse(fs.readFileSync(file, "utf8")) as object), ...settings }));
  return dir;
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
