import { describe, expect, it } from "vitest";
import { adminCsp, metaCsp, policyOptions, publicCsp, serializeCsp } from "../../src/deploy/policy.ts";
import { areaOf } from "./host.ts";

const options = policyOptions({});

describe("the public pages' content security policy", () => {
  const csp = publicCsp();

  it("runs only the site's own scripts: no inline or eval'd script, only WebAssembly for search", () => {
    expect(csp["script-src"]).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(serializeCsp(csp)).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  });

  it("closes plugins, base-tag hijacking, framing and foreign form targets", () => {
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
  });

  it("serialises as a header value", () => {
    expect(serializeCsp({ "default-src": ["'self'"], "object-src": ["'none'"] })).toBe("default-src 'self'; object-src 'none'");
  });
});

describe("the CMS's content security policy", () => {
  it("allows what Decap needs and nothing for other origins' scripts", () => {
    const csp = adminCsp(options);
    expect(csp["script-src"]).toEqual(["'self'", "'unsafe-eval'"]);
    expect(csp["style-src"]).toContain("'unsafe-inline'");
    expect(csp["connect-src"]).toEqual(["'self'", "https://api.github.com", "https://api.netlify.com"]);
    expect(csp["img-src"]).toContain("blob:");
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
  });

  it("talks to the OAuth endpoint named by DECAP_OAUTH_BASE_URL", () => {
    const csp = adminCsp(policyOptions({ DECAP_OAUTH_BASE_URL: "https://auth.example.org/oauth" }));
    expect(csp["connect-src"]).toEqual(["'self'", "https://api.github.com", "https://auth.example.org"]);
  });

  it("refuses an OAuth endpoint that is not an https URL", () => {
    expect(() => policyOptions({ DECAP_OAUTH_BASE_URL: "auth.example.org" })).toThrowErrorMatchingInlineSnapshot(
      `[Error: DECAP_OAUTH_BASE_URL: "auth.example.org" is not a URL (expected e.g. https://auth.example.org)]`,
    );
    expect(() => policyOptions({ DECAP_OAUTH_BASE_URL: "http://auth.example.org" })).toThrowErrorMatchingInlineSnapshot(
      `[Error: DECAP_OAUTH_BASE_URL: "http://auth.example.org" must use https]`,
    );
  });
});

describe("the policy in a <meta> tag (GitHub Pages)", () => {
  it("leaves out what only a header can carry", () => {
    const meta = metaCsp("public", options);
    expect(meta).not.toContain("frame-ancestors");
    expect(meta).toContain("object-src 'none'");
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });
});

describe("which area a path belongs to", () => {
  it("puts /admin/ and everything below it in the CMS area, under the base too", () => {
    expect(areaOf("/admin/", { base: "/" })).toBe("admin");
    expect(areaOf("/admin/index.html", { base: "/" })).toBe("admin");
    expect(areaOf("/administration/", { base: "/" })).toBe("public");
    expect(areaOf("/blog/admin/", { base: "/" })).toBe("public");
    expect(areaOf("/sub/admin/", { base: "/sub/" })).toBe("admin");
    expect(areaOf("/admin/", { base: "/sub/" })).toBe("public");
  });

  it("reads the base from SITE_BASE in any spelling", () => {
    expect(policyOptions({ SITE_BASE: "/path2practice" }).base).toBe("/path2practice/");
    expect(policyOptions({ SITE_BASE: "path2practice/" }).base).toBe("/path2practice/");
    expect(policyOptions({}).base).toBe("/");
  });
});
