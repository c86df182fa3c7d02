/**
 * Host files for the built site: `_headers` (from policy.ts) and `_redirects`
 * for Cloudflare Pages (default) and Netlify; for GitHub Pages, which can send
 * neither, an HTML page per old address. A redirect that needs fixing stops
 * the build, naming the file and entry.
 */
import type { AstroIntegrationLogger } from "astro";
import fs from "node:fs";
import path from "node:path";
import { checkRedirects } from "../redirects/check.ts";
import { redirectPage, writeRedirectPages } from "../redirects/github-pages.ts";
import { automaticRedirects, builtPostSlugs, loadRedirects, mergeRedirects } from "../redirects/load.ts";
import { formatRedirects } from "../redirects/netlify-cloudflare.ts";
import { deployTarget, sharedOriginWarning } from "./github-pages.ts";
import { cloudflareHeaderRules, formatHeaders, netlifyHeaderRules } from "./headers.ts";
import { policyOptions } from "./policy.ts";
import { loadSettings } from "../config/settings.ts";

type Log = Pick<AstroIntegrationLogger, "info" | "warn">;

/** Writes the deploy target's files into `dist`, deployed under `base` ("/" or "/sub/") at `site`; throws when a redirect needs fixing. */
export function writeHostFiles(build: { dist: string; base: string; site: string; redirectsFile: string }, log: Log): void {
  const target = deployTarget();
  const options = { ...policyOptions(process.env, loadSettings()), base: build.base };
  const redirects = mergeRedirects(loadRedirects(build.redirectsFile), automaticRedirects(builtPostSlugs(build.dist)));
  const problems = checkRedirects(redirects, build.dist);
  if (problems.length) throw new Error(`Redirects need fixing:\n${problems.join("\n")}`);
  if (target === "github-pages") {
    const { written, skipped } = writeRedirectPages(build.dist, redirects, (r) => redirectPage(r, { ...options, siteUrl: build.site }));
    for (const line of skipped) log.warn(line);
    log.info(`GitHub Pages: ${written} redirect pages; security policy in <meta> tags`);
    const shared = sharedOriginWarning(build.site, build.base);
    if (shared) log.warn(`GitHub Pages without a custom domain: ${shared}`);
    return;
  }
  const rules = target === "netlify" ? netlifyHeaderRules(options, adminFiles(build.dist)) : cloudflareHeaderRules(options);
  fs.writeFileSync(path.join(build.dist, "_headers"), formatHeaders(rules));
  fs.writeFileSync(path.join(build.dist, "_redirects"), formatRedirects(redirects, build.base));
  log.info(`${target}: _headers (${rules.length} rules) and _redirects (${redirects.length} redirects)`);
}

/** The files of the build's CMS folder, relative to it, with `/` separators ("index.html"). */
function adminFiles(dist: string): string[] {
  const adminDir = path.join(dist, "admin");
  return fs
    .globSync("**", { cwd: adminDir })
    .filter((f) => fs.statSync(path.join(adminDir, f)).isFile())
    .map((f) => f.replaceAll(path.sep, "/"));
}
