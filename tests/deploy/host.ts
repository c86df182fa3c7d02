/**
 * The hosts, as far as the tests need them: readers for the build's `_headers`
 * and `_redirects` files that apply them the way Cloudflare Pages and Netlify
 * do, and a server of a build with exactly what they ask for, so tests prove
 * the generated output.
 */
import fs from "node:fs";
import path from "node:path";
import type { HeaderRule } from "../../src/deploy/headers.ts";
import { areaHeaders, areaPatterns, ASSET_HEADERS, COMMON_HEADERS, type Area, type PolicyOptions } from "../../src/deploy/policy.ts";
import { serveDist, type Served } from "../support/serve.ts";

/** Reads a `_redirects` file (`from to [status]` per line); throws naming the line it cannot read. */
export function parseRedirects(text: string, file = "_redirects"): Array<{ from: string; to: string; status: number }> {
  return text.split(/\r?\n/).flatMap((line, i) => {
    const words = line.replace(/#.*/, "").trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const [from, to, status = "301"] = words;
    if (!from || !to || words.length > 3 || !/^\d{3}!?$/.test(status))
      throw new Error(`${file}:${i + 1}: expected "from to [status]", got "${line.trim()}"`);
    return [{ from, to, status: Number(status.replace("!", "")) }];
  });
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

/** Which area a request path (with base) belongs to. */
export function areaOf(pathname: string, options: Pick<PolicyOptions, "base">): Area {
  const admin = `${options.base}admin`;
  return pathname === admin || pathname.startsWith(`${admin}/`) ? "admin" : "public";
}

/** Every header a path must get: what the test server expects the hosts to send. */
export function expectedHeaders(pathname: string, options: PolicyOptions): Record<string, string> {
  const area = areaOf(pathname, options);
  const assets = pathname.startsWith(areaPatterns(options).assets.slice(0, -1)) ? ASSET_HEADERS : {};
  return { ...COMMON_HEADERS, ...areaHeaders(area, options), ...assets };
}

/**
 * Serves `dist` (deployed under `base`) with exactly the headers and redirects its
 * host files ask for, combining overlapping header rules as Cloudflare Pages
 * (default) or Netlify does.
 */
export function serveLikeHost(dist: string, base = "/", host: "cloudflare" | "netlify" = "cloudflare"): Promise<Served> {
  const headersFile = path.join(dist, "_headers");
  const redirectsFile = path.join(dist, "_redirects");
  const rules = parseHeaders(fs.readFileSync(headersFile, "utf8"), headersFile);
  const redirects = parseRedirects(fs.readFileSync(redirectsFile, "utf8"), redirectsFile);
  const full = (pathname: string) => `${base.replace(/\/$/, "")}${pathname}`;
  return serveDist(dist, {
    base,
    headers: (pathname) => (host === "netlify" ? netlifyHeadersForPath : headersForPath)(rules, full(pathname)),
    redirect: (pathname) => {
      const hit = redirects.find((r) => matchesPattern(r.from, full(pathname)));
      return hit && { status: hit.status, location: hit.to };
    },
  });
}
