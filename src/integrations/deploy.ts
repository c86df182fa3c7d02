/**
 * Host files for the built site, written when the build is done:
 * - Cloudflare Pages (default) and Netlify: `_headers` (security headers from
 *   src/lib/deploy/policy.ts) and `_redirects` (real 301s);
 * - GitHub Pages (`DEPLOY_TARGET=github-pages`): an HTML page per old address,
 *   since it can send neither headers nor redirects.
 * A redirect pointing at a page the build does not have, or one whose old
 * address would be written outside the build output, fails the build, naming
 * the file and entry.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { cloudflareHeaderRules, formatHeaders, netlifyHeaderRules } from "../lib/deploy/headers.ts";
import { deployTarget, redirectPage, sharedOriginWarning } from "../lib/deploy/github-pages.ts";
import { normaliseBase, policyOptions } from "../lib/deploy/policy.ts";
import { automaticRedirects, builtPostSlugs, checkRedirects, formatRedirects, loadRedirects, mergeRedirects } from "../lib/deploy/redirects.ts";
import { contentDir } from "../lib/paths.ts";
import { writeRedirectPages } from "./deploy-files.ts";

/** The Astro integration that writes each host's files into the build output. */
export default function deploy(): AstroIntegration {
  let base = "/";
  let site = "";
  return {
    name: "path2practice:deploy",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = normaliseBase(config.base);
        site = config.site ?? "";
      },
      "astro:build:done": ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const target = deployTarget();
        const options = { ...policyOptions(), base };
        const redirectsFile = path.join(contentDir(), "settings", "redirects.yaml");
        const redirects = mergeRedirects(loadRedirects(redirectsFile), automaticRedirects(builtPostSlugs(dist)));
        const problems = checkRedirects(redirects, dist);
        if (problems.length) throw new Error(`Redirects need fixing:\n${problems.join("\n")}`);

        if (target === "github-pages") {
          const { written, skipped } = writeRedirectPages(dist, redirects, (r) => redirectPage(r, { ...options, siteUrl: site }));
          for (const line of skipped) logger.warn(line);
          logger.info(`GitHub Pages: ${written} redirect pages; security policy in <meta> tags`);
          const shared = sharedOriginWarning(site, base);
          if (shared) logger.warn(`GitHub Pages without a custom domain: ${shared}`);
          return;
        }

        const adminDir = path.join(dist, "admin");
        const adminFiles = fs.existsSync(adminDir)
          ? fs.readdirSync(adminDir, { recursive: true, encoding: "utf8" }).filter((f) => fs.statSync(path.join(adminDir, f)).isFile())
          : [];
        const rules =
          target === "netlify"
            ? netlifyHeaderRules(
                options,
                adminFiles.map((f) => f.split(path.sep).join("/")),
              )
            : cloudflareHeaderRules(options);
        fs.writeFileSync(path.join(dist, "_headers"), formatHeaders(rules));
        fs.writeFileSync(path.join(dist, "_redirects"), formatRedirects(redirects, base));
        logger.info(`${target}: _headers (${rules.length} rules) and _redirects (${redirects.length} redirects)`);
      },
    },
  };
}
