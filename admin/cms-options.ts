/**
 * The CMS options the build knows and the browser does not (backend, OAuth endpoint, local server, content path,
 * site URL, time zone), read from the environment at build time. No secret is involved: the GitHub token lives only
 * in the author's browser after she logs in.
 */
import path from "node:path";
import { loadSettings } from "../src/config/settings.ts";
import { contentDir } from "../src/config/paths.ts";
import type { DecapOptions } from "../src/schema/decap.ts";

/** What the admin page hands to the CMS entry module. */
export type CmsOptions = ReturnType<typeof cmsOptions>;

/** A build for the editorial workflow's browser test (P2P_CMS_TEST_REPO=1): Decap's test-repo backend on loopback. */
export function wantsTestRepo(): boolean {
  return process.env["P2P_CMS_TEST_REPO"] === "1";
}

/** Builds the CMS options from environment variables, with defaults for local work. */
export function cmsOptions() {
  const { env } = process;
  const settings = loadSettings();
  // decap-server writes paths relative to its repository folder (GIT_REPO_DIRECTORY,
  // default: where it runs); the content folder is addressed relative to the same place.
  const repoDir = path.resolve(env["GIT_REPO_DIRECTORY"] ?? process.cwd());
  const contentPath = path.relative(repoDir, contentDir()).split(path.sep).join("/");
  if (contentPath.startsWith("..") || path.isAbsolute(contentPath)) {
    throw new Error(`P2P_CONTENT_DIR (${contentDir()}) must be inside the repository folder ${repoDir} (GIT_REPO_DIRECTORY)`);
  }
  // decap-server's default port, also npm start's.
  const port = Number(env["DECAP_LOCAL_PORT"] ?? 8081);
  return {
    contentPath,
    github: {
      repo: env["DECAP_GITHUB_REPO"] || "path2practice/path2practice",
      branch: env["DECAP_BRANCH"] || "main",
      baseUrl: env["DECAP_OAUTH_BASE_URL"] || undefined,
      authEndpoint: env["DECAP_OAUTH_ENDPOINT"] || undefined,
    },
    localProxyUrl: `http://127.0.0.1:${port}/api/v1`,
    siteUrl: env["SITE_URL"] || settings.url,
    // Dates are checked and "scheduled" is judged in the site's time zone.
    timeZone: settings.timeZone,
    // Published settings that previews of other entries show.
    settings: { tagline: settings.tagline, email: settings.email, signupUrl: settings.signupUrl },
    testRepo: wantsTestRepo(),
  } satisfies DecapOptions & Record<string, unknown>;
}
