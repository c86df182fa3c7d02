/**
 * GitHub Pages sends no custom headers and no 301s. The site makes up for it
 * where a page can: the policy travels in a `<meta http-equiv>` tag (without the
 * header-only directives: no frame-ancestors, and HSTS only if GitHub's own
 * "Enforce HTTPS" is on), and each old address gets a small HTML page that
 * sends the reader on (meta refresh) and tells search engines where the page
 * lives now (canonical link).
 */
import { metaCsp, type Area, type PolicyOptions } from "./policy.ts";
import { withBasePath, type Redirect } from "./redirects.ts";

/** Where the site is deployed; decides which host files the build writes. */
export type DeployTarget = "cloudflare" | "netlify" | "github-pages";

/**
 * The deploy target: `DEPLOY_TARGET` if set; Netlify's builds say so with
 * `NETLIFY=true`; otherwise Cloudflare Pages' `_headers` syntax (also what the tests serve).
 */
export function deployTarget(env: Record<string, string | undefined> = process.env): DeployTarget {
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

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The HTML page standing in for a redirect where the host cannot send one. */
export function redirectPage(r: Redirect, options: PolicyOptions & { siteUrl: string }): string {
  const target = withBasePath(r.to, options.base);
  const absolute = new URL(target, `${options.siteUrl.replace(/\/+$/, "")}/`).href;
  const href = escapeAttr(target);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeAttr(metaCsp("public", options))}">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>This page has moved</title>
    <meta name="robots" content="noindex">
    <link rel="canonical" href="${escapeAttr(absolute)}">
    <meta http-equiv="refresh" content="0; url=${href}">
  </head>
  <body>
    <main>
      <h1>This page has moved</h1>
      <p>It now lives at <a href="${href}">${escapeAttr(absolute)}</a>.</p>
    </main>
  </body>
</html>
`;
}

/**
 * The file (relative to the build output) that stands in for an old address:
 * `/post/x` -> `post/x/index.html`; `/old.html` -> `old.html`. Undefined when the
 * address has another extension (`/feed.xml`): GitHub Pages would serve an HTML
 * page there with the wrong type, so such redirects cannot work on it. Throws
 * on a broken %-escape. The caller still checks the result stays in the build output.
 */
export function redirectPageFile(from: string): string | undefined {
  const clean = decodeURI(from).replace(/^\/+/, "");
  if (/\.html?$/.test(clean)) return clean;
  if (/\.[a-z0-9]+$/i.test(clean.replace(/\/$/, ""))) return undefined;
  return `${clean.replace(/\/?$/, "/")}index.html`;
}

/**
 * The warning for a site on `<owner>.github.io`, or undefined for a custom
 * domain. Browsers draw security lines by origin (scheme, host, port), not by
 * path: every Pages site of one owner (`<owner>.github.io/<repo>/`) is one origin,
 * so a script on any of them can read what the CMS keeps in that origin's
 * storage, the GitHub token it commits with included.
 */
export function sharedOriginWarning(siteUrl: string, base: string): string | undefined {
  let host: string;
  try {
    host = new URL(siteUrl).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  if (!host.endsWith(".github.io")) return undefined;
  const owner = host.slice(0, -".github.io".length);
  return (
    `the CMS at https://${host}${base}admin/ shares the origin https://${host} with every other GitHub Pages site of "${owner}" ` +
    `(https://${host}/<any-repository>/): a script on any of them could read the CMS's GitHub login. ` +
    "Give this site a custom domain (Settings -> Pages -> Custom domain), or host it on Netlify or Cloudflare Pages."
  );
}
