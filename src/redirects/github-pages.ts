/**
 * GitHub Pages sends no 301s: each old address gets a small HTML page that
 * sends the reader on (meta refresh) and tells search engines where the page
 * lives now (canonical link). Whatever slipped past the schema, a page is
 * written only inside the build output.
 */
import fs from "node:fs";
import path from "node:path";
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import isPathInside from "is-path-inside";
import { metaCsp, type PolicyOptions } from "../deploy/policy.ts";
import { RedirectError, unsafeRedirect, type Redirect } from "./rules.ts";
import { withBase } from "../lib/urls.ts";

/** The HTML page standing in for a redirect where the host cannot send one. */
export function redirectPage(r: Redirect, options: PolicyOptions & { siteUrl: string }): string {
  const target = withBase(r.to, options.base);
  const absolute = new URL(target, `${options.siteUrl.replace(/\/+$/, "")}/`).href;
  const head = [
    h("meta", { charSet: "utf-8" }),
    h("meta", { httpEquiv: "Content-Security-Policy", content: metaCsp("public", options) }),
    h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
    h("title", "This page has moved"),
    h("meta", { name: "robots", content: "noindex" }),
    h("link", { rel: "canonical", href: absolute }),
    h("meta", { httpEquiv: "refresh", content: `0; url=${target}` }),
  ];
  const body = h("main", [h("h1", "This page has moved"), h("p", ["It now lives at ", h("a", { href: target }, absolute), "."])]);
  return `${toHtml([{ type: "doctype" }, h("html", { lang: "en" }, [h("head", head), h("body", body)])])}\n`;
}

/**
 * The file (relative to the build output) that stands in for an old address:
 * `/post/x` -> `post/x/index.html`; `/old.html` -> `old.html`. Undefined when the
 * address has another extension (`/feed.xml`): GitHub Pages would serve an HTML
 * page there with the wrong type, so such redirects cannot work on it.
 */
function redirectPageFile(from: string): string | undefined {
  const clean = decodeURI(from).replace(/^\/+/, "");
  if (/\.html?$/.test(clean)) return clean;
  if (/\.[a-z0-9]+$/i.test(clean.replace(/\/$/, ""))) return undefined;
  return `${clean.replace(/\/?$/, "/")}index.html`;
}

/** Whether `file` lies inside `dir`, lexically and after following any links on the way. */
export function insideDir(dir: string, file: string): boolean {
  const root = path.resolve(dir);
  const target = path.resolve(root, file);
  if (!isPathInside(target, root)) return false;
  // A link inside the folder could still lead out of it: check where the nearest existing folder really is.
  let existing = path.dirname(target);
  while (!fs.existsSync(existing)) existing = path.dirname(existing);
  const realRoot = fs.realpathSync(root);
  const real = fs.realpathSync(existing);
  return real === realRoot || isPathInside(real, realRoot);
}

/** Writes one HTML page per redirect into `dist`; `skipped` names the old addresses GitHub Pages cannot redirect (not page addresses). */
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
