/**
 * Serves a build the way Cloudflare Pages would: the build's own `_headers` and
 * `_redirects` files, parsed and applied, so tests prove the generated output.
 */
import fs from "node:fs";
import path from "node:path";
import { headersForPath, matchesPattern, netlifyHeadersForPath, parseHeaders } from "../../src/deploy/headers.ts";
import { parseRedirects } from "../../src/redirects/index.ts";
import { serveDist, type Served } from "../support/serve.ts";

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
