/**
 * `_headers` files for Cloudflare Pages and Netlify, from the one policy in
 * `policy.ts`, and a reader that applies a `_headers` file the way Cloudflare
 * does (the test server uses it, so tests prove the generated file itself).
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

/** Rules for Cloudflare Pages: site-wide headers on `/*`, then `/admin/*` detaching and replacing the per-area ones. */
export function cloudflareHeaderRules(options: PolicyOptions): HeaderRule[] {
  const p = areaPatterns(options);
  const admin = areaHeaders("admin", options);
  const publicOnes = areaHeaders("public", options);
  return [
    { pattern: p.all, unset: [], set: entries({ ...commonHeaders(), ...publicOnes }) },
    { pattern: p.assets, unset: [], set: entries(assetHeaders()) },
    // Detach every header both areas set, so /admin/ ends with exactly one of each.
    { pattern: p.admin, unset: Object.keys(admin).filter((n) => n in publicOnes), set: entries(admin) },
  ];
}

/**
 * Rules for Netlify: every header on `/*`, so every path gets them (pages,
 * files, the 404 page Netlify serves for unknown paths, the old addresses of
 * `_redirects`), then the CMS's own values on exactly the CMS's paths.
 * Netlify's engine lets a later matching rule replace a header an earlier one
 * set (https://github.com/netlify/primitives, packages/headers/src/lib/headersForPath.ts:
 * `Object.assign` over the matching rules, in file order), so order matters and
 * `netlifyHeadersForPath` below reads the file the same way. Its `*` also matches
 * inside a segment (`/admin/*` matches `/administration`), so the CMS's looser
 * policy goes on `/admin` (which also matches `/admin/`) and on each file of
 * the build's `admin/` folder, never on a pattern.
 * `adminFiles` are those files, relative to `admin/` ("index.html").
 */
export function netlifyHeaderRules(options: PolicyOptions, adminFiles: string[]): HeaderRule[] {
  const p = areaPatterns(options);
  const admin = entries(areaHeaders("admin", options));
  const adminPaths = [`${options.base}admin`, ...[...adminFiles].sort().map((f) => `${options.base}admin/${f}`)];
  return [
    { pattern: p.all, unset: [], set: entries({ ...commonHeaders(), ...areaHeaders("public", options) }) },
    { pattern: p.assets, unset: [], set: entries(assetHeaders()) },
    ...adminPaths.map((pattern) => ({ pattern, unset: [], set: admin })),
  ];
}

/**
 * Netlify's path matching (https://github.com/netlify/build,
 * packages/headers-parser/src/for_regexp.ts): case-insensitive, an optional
 * trailing slash, `:name` for one segment, a lone `*` segment for anything
 * (nothing included), `*` inside a segment for any characters.
 */
export function netlifyPatternRegExp(pattern: string): RegExp {
  const parts = pattern
    .split("/")
    .map((part) => part.trimEnd())
    .filter(Boolean)
    .map((part) => {
      if (part.startsWith(":")) return "([^/]+)";
      if (part === "*") return "?(.*)";
      return part
        .split("*")
        .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join("(.*)");
    });
  return new RegExp(`^/${parts.join("/")}/?$`, "iu");
}

/** The headers a path gets from a `_headers` file under Netlify's rules: every matching rule in order, a later value replacing an earlier one. */
export function netlifyHeadersForPath(rules: HeaderRule[], pathname: string): Record<string, string> {
  const out = new Map<string, { name: string; value: string }>();
  for (const rule of rules.filter((r) => netlifyPatternRegExp(r.pattern).test(pathname))) {
    for (const [name, value] of rule.set) out.set(name.toLowerCase(), { name, value });
  }
  return Object.fromEntries([...out.values()].map(({ name, value }) => [name, value]));
}

/** Reads a `_headers` file; throws naming the line on anything it does not understand. */
export function parseHeaders(text: string, file = "_headers"): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith("#")) return;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), unset: [], set: [] });
      return;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`${file}:${i + 1}: a header line before any path`);
    const detach = /^\s+!\s*(\S+)\s*$/.exec(line);
    if (detach) {
      rule.unset.push(detach[1]!);
      return;
    }
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!m) throw new Error(`${file}:${i + 1}: expected "Name: value" or "! Name", got "${line.trim()}"`);
    rule.set.push([m[1]!, m[2]!.trim()]);
  });
  return rules;
}

/** Whether a `_headers`/`_redirects` pattern (splat `*`, placeholders `:name`) matches a path. */
export function matchesPattern(pattern: string, pathname: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`).test(pathname);
}

/**
 * The headers a path gets from a `_headers` file under Cloudflare's rules: every
 * matching rule in order; `!` deletes; a header set again by a later rule is
 * appended (comma-joined), which is how a policy would end up doubled.
 */
export function headersForPath(rules: HeaderRule[], pathname: string): Record<string, string> {
  const out = new Map<string, { name: string; value: string }>();
  const seen = new Set<string>();
  for (const rule of rules.filter((r) => matchesPattern(r.pattern, pathname))) {
    for (const name of rule.unset) out.delete(name.toLowerCase());
    for (const [name, value] of rule.set) {
      const key = name.toLowerCase();
      const prev = out.get(key);
      out.set(key, seen.has(key) && prev ? { name: prev.name, value: `${prev.value}, ${value}` } : { name, value });
      seen.add(key);
    }
  }
  return Object.fromEntries([...out.values()].map(({ name, value }) => [name, value]));
}
