/** Redirects checked against the built site before any host file is written. */
import fs from "node:fs";
import path from "node:path";
import isPathInside from "is-path-inside";
import { addressKey, unsafeRedirect, type Redirect } from "./rules.ts";

/** Whether a site path is a page or file of the build (never one outside `dist`; a path no file system accepts is none). */
function isBuilt(dist: string, sitePath: string): boolean {
  let clean: string;
  try {
    clean = decodeURI(sitePath.split(/[?#]/)[0]!);
  } catch {
    return false;
  }
  const candidates = [path.join(dist, clean, "index.html"), ...(clean.endsWith("/") ? [] : [path.join(dist, clean)])];
  return candidates.some((f) => isPathInside(f, dist) && fs.existsSync(f) && fs.statSync(f).isFile());
}

/** Problems that must stop the build: missing targets, live pages hidden, an old address twice, chains. */
export function checkRedirects(redirects: Redirect[], dist: string): string[] {
  const problems: string[] = [];
  const byFrom = new Map<string, Redirect>();
  for (const r of redirects) {
    const label = `${r.origin} (${r.from} -> ${r.to})`;
    const unsafe = unsafeRedirect(r);
    if (unsafe) {
      problems.push(`${r.origin}: ${unsafe}`);
      continue;
    }
    const first = byFrom.get(addressKey(r.from));
    if (first) problems.push(`${label}: ${r.from} is already redirected by ${first.origin}`);
    else byFrom.set(addressKey(r.from), r);
    if (addressKey(r.from) === "/" || isBuilt(dist, r.from)) problems.push(`${label}: ${r.from} is a page of the site; a redirect would hide it`);
    if (/^https?:/.test(r.to)) continue;
    if (!isBuilt(dist, r.to)) problems.push(`${label}: the target ${r.to} is not a page of this build`);
  }
  for (const r of redirects) {
    const next = byFrom.get(addressKey(r.to));
    if (next && !/^https?:/.test(r.to))
      problems.push(`${r.origin} (${r.from} -> ${r.to}): ${r.to} is itself redirected by ${next.origin}; point it at ${next.to}`);
  }
  return problems;
}
