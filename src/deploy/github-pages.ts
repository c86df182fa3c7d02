/**
 * Where the site is deployed, and what GitHub Pages needs instead of headers:
 * the policy travels in a `<meta http-equiv>` tag (without the header-only
 * directives: no frame-ancestors, and HSTS only if GitHub's own "Enforce
 * HTTPS" is on). Its redirect pages are src/redirects/github-pages.ts.
 */
import { metaCsp, type Area, type PolicyOptions } from "./policy.ts";

/**
 * Where the site is deployed, which decides the host files the build writes: `DEPLOY_TARGET` if set; Netlify's builds say so with
 * `NETLIFY=true`; otherwise Cloudflare Pages' `_headers` syntax (also what the tests serve).
 */
export function deployTarget(env: Record<string, string | undefined> = process.env) {
  const asked = env["DEPLOY_TARGET"]?.trim();
  if (asked) {
    if (asked === "cloudflare" || asked === "netlify" || asked === "github-pages") return asked;
    throw new Error(`DEPLOY_TARGET: "${asked}" is not one of cloudflare, netlify, github-pages`);
  }
  return env["NETLIFY"] === "true" ? "netlify" : "cloudflare";
}

/** The `<meta http-equiv="Content-Security-Policy">` content for an area, or undefined when the host sends headers. */
export function metaCspForTarget(area: Area, options: PolicyOptions, env: Record<string, string | undefined> = process.env): string | undefined {
  return deployTarget(env) === "github-pages" ? metaCsp(area, options) : undefined;
}

/**
 * The warning for a site on `<owner>.github.io`, or undefined for a custom
 * domain. Browsers draw security lines by origin (scheme, host, port), not by
 * path: every Pages site of one owner (`<owner>.github.io/<repo>/`) is one origin,
 * so a script on any of them can read what the CMS keeps in that origin's
 * storage, the GitHub token it commits with included.
 */
export function sharedOriginWarning(siteUrl: string, base: string): string | undefined {
  const host = URL.parse(siteUrl)?.hostname.toLowerCase();
  if (!host?.endsWith(".github.io")) return undefined;
  const owner = host.slice(0, -".github.io".length);
  return (
    `the CMS at https://${host}${base}admin/ shares the origin https://${host} with every other GitHub Pages site of "${owner}" ` +
    `(https://${host}/<any-repository>/): a script on any of them could read the CMS's GitHub login. ` +
    "Give this site a custom domain (Settings -> Pages -> Custom domain), or host it on Netlify or Cloudflare Pages."
  );
}
