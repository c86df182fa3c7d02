/**
 * GitHub Pages sends no 301s: each old address gets a small HTML page that
 * sends the reader on (meta refresh) and tells search engines where the page
 * lives now (canonical link). Whatever slipped past the schema, a page is
 * written only inside the build output.
 */
import fs from "node:fs";
import path from "node:path";
import { metaCsp, type PolicyOptions } from "../deploy/policy.ts";
import { RedirectError, unsafeRedirect, withBasePath, type Redirect } from "./rules.ts";

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
function redirectPageFile(from: string): string | undefined {
  const clean = decodeURI(from).replace(/^\/+/, "");
  if (/\.html?$/.test(clean)) return clean;
  if (/\.[a-z0-9]+$/i.test(clean.replace(/\/$/, ""))) return undefined;
  return `${clean.replace(/\/?$/, "/")}index.html`;
}

/** Whether `file` lies inside `dir`, lexically and after following any links on the way. */
export function insideDir(dir: string, file: string): boolean {
  const within = (root: string, p: string) => {
    const rel = path.relative(root, p);
    return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
  };
  const root = path.resolve(dir);
  const target = path.resolve(root, file);
  if (!within(root, target)) return false;
  // A link inside the folder could still lead out of it: check where the nearest existing folder really is.
  let existing = path.dirname(target);
  while (!fs.existsSync(existing)) existing = path.dirname(existing);
  const realRoot = fs.realpathSync(root);
  const real = fs.realpathSync(existing);
  return real === realRoot || within(realRoot, real);
}

/**
 * Writes one HTML page per redirect into `dist`; `skipped` names the old
 * addresses GitHub Pages cannot redirect (not page addresses). Throws a
 * RedirectError naming the entry for an address that is not clean, would
 * leave `dist`, or would replace a file of the build.
 */
export function writeRedirectPages(dist: string, redirects: Redirect[], render: (r: Redirect) => string): { written: number; skipped: string[] } {
  const result = { written: 0, skipped: [] as string[] };
  for (const r of redirects) {
    const unsafe = unsafeRedirect(r);
    if (unsafe) throw new RedirectError(`${r.origin}: ${unsafe}`);
    let rel: string | undefined;
    try {
      rel = redirectPageFile(r.from);
    } catch {
      throw new RedirectError(`${r.origin}: the old address ${JSON.stringify(r.from)} has a broken %-escape`);
    }
    if (!rel) {
      result.skipped.push(`${r.origin}: ${r.from} cannot be redirected on GitHub Pages (only page addresses can)`);
      continue;
    }
    const file = path.resolve(dist, rel);
    if (!insideDir(dist, file))
      throw new RedirectError(
        `${r.origin}: the old address ${JSON.stringify(r.from)} would be written outside the build output (${file}); nothing was written for it`,
      );
    if (fs.existsSync(file))
      throw new RedirectError(`${r.origin}: the old address ${r.from} would replace ${path.relative(dist, file)}, a file of the build`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, render(r));
    result.written++;
  }
  return result;
}
