import { describe, expect, it } from "vitest";
import {
  cloudflareHeaderRules,
  formatHeaders,
  headersForPath,
  matchesPattern,
  netlifyHeaderRules,
  parseHeaders,
  type HeaderRule,
} from "../../src/lib/deploy/headers.ts";
import { expectedHeaders, policyOptions, serializeCsp, adminCsp, publicCsp } from "../../src/lib/deploy/policy.ts";

const options = policyOptions({});
const PATHS = [
  "/",
  "/index.html",
  "/blog/",
  "/blog/welcome/",
  "/tags/series/",
  "/_astro/Base.css",
  "/pagefind/pagefind.js",
  "/admin/",
  "/admin/index.html",
];

/** Every header name set for a path by more than one matching rule. */
function overlaps(rules: HeaderRule[], pathname: string): string[] {
  const count = new Map<string, number>();
  for (const r of rules.filter((r) => matchesPattern(r.pattern, pathname))) {
    for (const [name] of r.set) count.set(name.toLowerCase(), (count.get(name.toLowerCase()) ?? 0) + 1);
  }
  return [...count].filter(([, n]) => n > 1).map(([name]) => name);
}

describe("the Cloudflare Pages _headers file", () => {
  const text = formatHeaders(cloudflareHeaderRules(options));
  const rules = parseHeaders(text);

  it("reads back as the rules it was written from", () => {
    expect(rules).toEqual(cloudflareHeaderRules(options));
  });

  it("gives /admin/ exactly one policy, the CMS's, even though Cloudflare applies every matching rule", () => {
    const admin = headersForPath(rules, "/admin/");
    expect(admin["Content-Security-Policy"]).toBe(serializeCsp(adminCsp(options)));
    expect(admin["Cross-Origin-Opener-Policy"]).toBe("same-origin-allow-popups");
    expect(admin["Cache-Control"]).toBe("no-store");
  });

  it("sends every path exactly the headers the policy module expects", () => {
    for (const p of PATHS) expect(headersForPath(rules, p), p).toEqual(expectedHeaders(p, options));
  });

  it("would have doubled the policy without the detach lines (the reader applies Cloudflare's merging)", () => {
    const withoutDetach = rules.map((r) => ({ ...r, unset: [] }));
    expect(headersForPath(withoutDetach, "/admin/")["Content-Security-Policy"]).toBe(
      `${serializeCsp(publicCsp())}, ${serializeCsp(adminCsp(options))}`,
    );
  });

  it("keeps each line under Cloudflare's 2,000 characters and the file under 100 rules", () => {
    expect(Math.max(...text.split("\n").map((l) => l.length))).toBeLessThan(2000);
    expect(rules.length).toBeLessThan(100);
  });

  it("puts the base in front of every pattern for a sub-path deploy", () => {
    const sub = cloudflareHeaderRules(policyOptions({ SITE_BASE: "/path2practice" }));
    expect(sub.map((r) => r.pattern)).toEqual(["/path2practice/*", "/path2practice/_astro/*", "/path2practice/admin/*"]);
  });
});

describe("the Netlify _headers file", () => {
  const topLevel = ["_astro/", "about/", "admin/", "blog/", "tags/", "pagefind/", "404.html", "index.html", "favicon.svg", "rss.xml", "_headers"];
  const rules = parseHeaders(formatHeaders(netlifyHeaderRules(options, topLevel)));

  it("has no detach lines, which Netlify rejects", () => {
    expect(rules.every((r) => r.unset.length === 0)).toBe(true);
  });

  it("never sets one header twice for a path, so no merging rule can double the policy", () => {
    for (const p of PATHS) expect(overlaps(rules, p), p).toEqual([]);
  });

  it("sends every path the headers the policy module expects", () => {
    for (const p of PATHS) expect(headersForPath(rules, p), p).toEqual(expectedHeaders(p, options));
  });
});

describe("reading a _headers file", () => {
  it("names the line it does not understand", () => {
    expect(() => parseHeaders("/*\n  X-Frame-Options DENY\n", "dist/_headers")).toThrowErrorMatchingInlineSnapshot(
      `[Error: dist/_headers:2: expected "Name: value" or "! Name", got "X-Frame-Options DENY"]`,
    );
  });

  it("matches splats and placeholders like the hosts do", () => {
    expect(matchesPattern("/*", "/")).toBe(true);
    expect(matchesPattern("/admin/*", "/admin/")).toBe(true);
    expect(matchesPattern("/admin/*", "/admin")).toBe(false);
    expect(matchesPattern("/post/:slug", "/post/a-b")).toBe(true);
    expect(matchesPattern("/post/:slug", "/post/a/b")).toBe(false);
    expect(matchesPattern("/a.b", "/aXb")).toBe(false);
  });
});
