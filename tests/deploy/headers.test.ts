import { describe, expect, it } from "vitest";
import { cloudflareHeaderRules, formatHeaders, netlifyHeaderRules } from "../../src/deploy/headers.ts";
import { policyOptions, serializeCsp, adminCsp, publicCsp } from "../../src/deploy/policy.ts";
import { expectedHeaders, headersForPath, matchesPattern, netlifyHeadersForPath, netlifyPatternRegExp, parseHeaders } from "./host.ts";

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
  const rules = parseHeaders(formatHeaders(netlifyHeaderRules(options, ["index.html", "config.yml"])));
  const netlifyPaths = [...PATHS, "/no-such-page", "/post/an-old-address", "/post/an-old-address/", "/404.html", "/admin", "/admin/config.yml"];

  it("has no detach lines, which Netlify rejects", () => {
    expect(rules.every((r) => r.unset.length === 0)).toBe(true);
  });

  it("puts every security header on /* first, so unknown paths (the 404 page) and old addresses get them too", () => {
    expect(rules[0]!.pattern).toBe("/*");
    expect(Object.fromEntries(rules[0]!.set)).toEqual(expectedHeaders("/", options));
  });

  it("sends every path exactly the headers the policy module expects, read the way Netlify's engine reads it", () => {
    for (const p of netlifyPaths) expect(netlifyHeadersForPath(rules, p), p).toEqual(expectedHeaders(p, options));
  });

  it("keeps the CMS's looser policy off public paths that merely start with admin", () => {
    for (const p of ["/administration/", "/admin-notes", "/adminx/index.html"])
      expect(netlifyHeadersForPath(rules, p)["Content-Security-Policy"], p).toBe(serializeCsp(publicCsp()));
  });

  it("would leave the CMS with the public policy if the CMS rules came first (order is what makes it work)", () => {
    const reversed = [...rules].reverse();
    expect(netlifyHeadersForPath(reversed, "/admin/")["Content-Security-Policy"]).toBe(serializeCsp(publicCsp()));
  });
});

describe("Netlify's path matching", () => {
  it("is case-insensitive, takes an optional trailing slash, and lets * match inside a segment", () => {
    expect(netlifyPatternRegExp("/admin").test("/admin/")).toBe(true);
    expect(netlifyPatternRegExp("/admin").test("/ADMIN")).toBe(true);
    expect(netlifyPatternRegExp("/admin/*").test("/administration")).toBe(true);
    expect(netlifyPatternRegExp("/*").test("/")).toBe(true);
    expect(netlifyPatternRegExp("/post/:slug").test("/post/a/b")).toBe(false);
    expect(netlifyPatternRegExp("/a.b").test("/aXb")).toBe(false);
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
