/**
 * `_headers` files for Cloudflare Pages and Netlify, from the one policy in
 * `policy.ts`. The two hosts combine overlapping rules differently: Cloudflare
 * applies every matching rule and joins repeated headers with commas, unless a
 * `! Name` line detaches one (https://developers.cloudflare.com/pages/configuration/headers/#detach-a-header);
 * Netlify rejects `!` lines and lets a later matching rule replace a header.
 */
import { areaHeaders, areaPatterns, ASSET_HEADERS, COMMON_HEADERS, type PolicyOptions } from "./policy.ts";

export interface HeaderRule {
  pattern: string;
  /** Headers to drop first (Cloudflare's `! Name`). */
  unset: string[];
  set: Array<[name: string, value: string]>;
}

const HEADER_NOTE = "# Security headers, generated at build time from src/deploy/policy.ts. Do not edit: rebuild.";

export function formatHeaders(rules: HeaderRule[]): string {
  const blocks = rules.map((r) => [r.pattern, ...r.unset.map((n) => `  ! ${n}`), ...r.set.map(([n, v]) => `  ${n}: ${v}`)].join("\n"));
  return `${HEADER_NOTE}\n${blocks.join("\n\n")}\n`;
}

/** The first rules on both hosts: every header on `/*` (the public area's where the areas differ), caching on `/_astro/*`. */
function siteRules(options: PolicyOptions): HeaderRule[] {
  const p = areaPatterns(options);
  return [
    { pattern: p.all, unset: [], set: Object.entries({ ...COMMON_HEADERS, ...areaHeaders("public", options) }) },
    { pattern: p.assets, unset: [], set: Object.entries(ASSET_HEADERS) },
  ];
}

/** Rules for Cloudflare Pages: the site's rules, then `/admin/*` detaching every header both areas set and setting its own. */
export function cloudflareHeaderRules(options: PolicyOptions): HeaderRule[] {
  const admin = areaHeaders("admin", options);
  const publicOnes = areaHeaders("public", options);
  return [
    ...siteRules(options),
    { pattern: areaPatterns(options).admin, unset: Object.keys(admin).filter((n) => n in publicOnes), set: Object.entries(admin) },
  ];
}

/**
 * Rules for Netlify: every header on `/*`, so every path gets them (the 404
 * page and the old addresses of `_redirects` included), then the CMS's own
 * values, which replace them: Netlify applies the matching rules in file order
 * (`Object.assign` in https://github.com/netlify/primitives,
 * packages/headers/src/lib/headersForPath.ts). Its `*` also matches inside a
 * segment (`/admin/*` matches `/administration`), so the CMS's looser policy
 * goes on `/admin` (which matches `/admin/` too) and on each of `adminFiles`,
 * the build's `admin/` folder ("index.html"), never on a pattern.
 */
export function netlifyHeaderRules(options: PolicyOptions, adminFiles: string[]): HeaderRule[] {
  const admin = Object.entries(areaHeaders("admin", options));
  const adminPaths = [`${options.base}admin`, ...[...adminFiles].sort().map((f) => `${options.base}admin/${f}`)];
  return [...siteRules(options), ...adminPaths.map((pattern) => ({ pattern, unset: [], set: admin }))];
}
