/**
 * `_headers` files for Cloudflare Pages and Netlify, from the one policy in
 * `policy.ts`.
 *
 * The two hosts combine overlapping rules differently:
 * - Cloudflare Pages applies EVERY matching rule in file order and joins repeated
 *   headers with commas; a `! Name` line detaches a header set by an earlier rule
 *   (https://developers.cloudflare.com/pages/configuration/headers/#detach-a-header).
 *   So `/admin/*` comes after `/*`, detaches the public CSP and COOP, then sets its own.
 * - Netlify has no detach syntax (it rejects `!` lines); a later matching rule
 *   replaces a header an earlier one set. So the public headers go on `/*` and
 *   the CMS's on its own paths after it (see `netlifyHeaderRules`).
 */
import { areaHeaders, areaPatterns, assetHeaders, commonHeaders, type PolicyOptions } from "./policy.ts";

/** One rule of a `_headers` file. */
export interface HeaderRule {
  pattern: string;
  /** Headers to drop first (Cloudflare's `! Name`). */
  unset: string[];
  set: Array<[name: string, value: string]>;
}

const HEADER_NOTE = "# Security headers, generated at build time from src/deploy/policy.ts. Do not edit: rebuild.";

/** Serialises rules in `_headers` syntax. */
export function formatHeaders(rules: HeaderRule[]): string {
  const blocks = rules.map((r) => [r.pattern, ...r.unset.map((n) => `  ! ${n}`), ...r.set.map(([n, v]) => `  ${n}: ${v}`)].join("\n"));
  return `${HEADER_NOTE}\n${blocks.join("\n\n")}\n`;
}

const entries = (h: Record<string, string>) => Object.entries(h);

/** The first rules on both hosts: every header on `/*` (the public area's where the areas differ), caching on `/_astro/*`. */
function siteRules(options: PolicyOptions): HeaderRule[] {
  const p = areaPatterns(options);
  return [
    { pattern: p.all, unset: [], set: entries({ ...commonHeaders(), ...areaHeaders("public", options) }) },
    { pattern: p.assets, unset: [], set: entries(assetHeaders()) },
  ];
}

/** Rules for Cloudflare Pages: the site's rules, then `/admin/*` detaching and replacing the per-area ones. */
export function cloudflareHeaderRules(options: PolicyOptions): HeaderRule[] {
  const admin = areaHeaders("admin", options);
  const publicOnes = areaHeaders("public", options);
  // Detach every header both areas set, so /admin/ ends with exactly one of each.
  return [
    ...siteRules(options),
    { pattern: areaPatterns(options).admin, unset: Object.keys(admin).filter((n) => n in publicOnes), set: entries(admin) },
  ];
}
/**
 * Rules for Netlify: every header on `/*`, so every path gets them (pages,
 * files, the 404 page Netlify serves for unknown paths, the old addresses of
 * `_redirects`), then the CMS's own values on exactly the CMS's paths.
 * Netlify's engine lets a later matching rule replace a header an earlier one
 * set (https://github.com/netlify/primitives, packages/headers/src/lib/headersForPath.ts:
 * `Object.assign` over the matching rules, in file order), so order matters. Its `*` also matches
 * inside a segment (`/admin/*` matches `/administration`), so the CMS's looser
 * policy goes on `/admin` (which also matches `/admin/`) and on each file of
 * the build's `admin/` folder, never on a pattern.
 * `adminFiles` are those files, relative to `admin/` ("index.html").
 */
export function netlifyHeaderRules(options: PolicyOptions, adminFiles: string[]): HeaderRule[] {
  const admin = entries(areaHeaders("admin", options));
  const adminPaths = [`${options.base}admin`, ...[...adminFiles].sort().map((f) => `${options.base}admin/${f}`)];
  return [...siteRules(options), ...adminPaths.map((pattern) => ({ pattern, unset: [], set: admin }))];
}
