/**
 * The `_redirects` file (same syntax on Netlify and Cloudflare Pages:
 * https://developers.cloudflare.com/pages/configuration/redirects/,
 * https://docs.netlify.com/routing/redirects/).
 */
import path from "node:path";
import { RedirectError, unsafeRedirect, type Redirect } from "./rules.ts";
import { withBase } from "../lib/urls.ts";

/**
 * The file's text. An old address without a trailing slash also gets its
 * slash form, so both answer with the redirect.
 */
export function formatRedirects(redirects: Redirect[], base: string): string {
  const lines = ["# Redirects, generated at build time from content/settings/redirects.yaml and the published posts. Do not edit: rebuild."];
  for (const r of redirects) {
    // One redirect is one line: whitespace or a line break in it would write rules nobody asked for.
    const unsafe = unsafeRedirect(r);
    if (unsafe) throw new RedirectError(`${r.origin}: ${unsafe}`);
    const to = withBase(r.to, base);
    const froms = [r.from];
    if (!r.from.endsWith("/") && !path.posix.extname(r.from)) froms.push(`${r.from}/`);
    for (const from of froms) lines.push(`${withBase(from, base)} ${to} ${r.status}`);
  }
  return `${lines.join("\n")}\n`;
}
