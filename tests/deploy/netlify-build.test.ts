/**
 * A Netlify build (DEPLOY_TARGET=netlify: the shared `example` build) served the way Netlify combines its
 * `_headers` rules: every response carries the security headers, unknown
 * paths (answered with the 404 page) and old addresses (answered with a 301)
 * included, and the CMS gets exactly its own policy.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminCsp, COMMON_HEADERS, policyOptions, publicCsp, serializeCsp } from "../../src/deploy/policy.ts";
import { fixtureDist } from "../support/build.ts";
import type { Served } from "../support/serve.ts";
import { parseHeaders, serveLikeHost } from "./host.ts";

const dist = fixtureDist("example");
let served: Served;

beforeAll(async () => {
  served = await serveLikeHost(dist, "/", "netlify");
});

afterAll(async () => {
  await served?.close();
});

const get = (p: string) => fetch(`${served.origin}${p}`, { redirect: "manual" });

/** The security headers every public response must carry. */
function expectPublicHeaders(res: Response, label: string): void {
  expect(res.headers.get("content-security-policy"), label).toBe(serializeCsp(publicCsp()));
  expect(res.headers.get("cross-origin-opener-policy"), label).toBe("same-origin");
  for (const [name, value] of Object.entries(COMMON_HEADERS)) expect(res.headers.get(name), `${label} ${name}`).toBe(value);
}

describe("the Netlify build", () => {
  it("writes Netlify's form of _headers: no detach lines, the public headers on /* first", () => {
    const rules = parseHeaders(fs.readFileSync(path.join(dist, "_headers"), "utf8"));
    expect(rules.every((r) => r.unset.length === 0)).toBe(true);
    expect(rules[0]!.pattern).toBe("/*");
    expect(rules.some((r) => r.pattern === "/admin/index.html")).toBe(fs.existsSync(path.join(dist, "admin/index.html")));
  });

  it("sends the security headers on pages, on the 404 page for unknown paths, and on old addresses", async () => {
    const home = await get("/");
    expect(home.status).toBe(200);
    expectPublicHeaders(home, "/");
    const missing = await get("/no-such-page/");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("<html");
    expectPublicHeaders(missing, "/no-such-page/");
    const old = await get("/post/welcome-old");
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe("/blog/welcome/");
    expectPublicHeaders(old, "/post/welcome-old");
  });

  it("gives the CMS exactly its own policy", async () => {
    for (const p of ["/admin/", "/admin/index.html"]) {
      const res = await get(p);
      expect(res.status, p).toBe(200);
      expect(res.headers.get("content-security-policy"), p).toBe(serializeCsp(adminCsp(policyOptions({}))));
      expect(res.headers.get("cache-control"), p).toBe("no-store");
    }
  });
});
