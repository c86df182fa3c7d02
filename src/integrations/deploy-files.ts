/**
 * Writing host files into the build output without ever writing outside it.
 * An old address becomes a file path on GitHub Pages; whatever slipped past
 * the schema, each path is resolved and refused (naming the redirects file and
 * entry) unless it lands inside the output folder.
 */
import fs from "node:fs";
import path from "node:path";
import { redirectPageFile } from "../lib/deploy/github-pages.ts";
import { RedirectError, unsafeRedirect, type Redirect } from "../lib/deploy/redirects.ts";

/** Whether `file` lies inside `dir`, lexically and after following any links on the way. */
export function insideDir(dir: string, file: string): boolean {
  const within = (root: string, p: string) => {
    const rel = path.relative(root, p);
    return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
  };
  const root = path.resolve(dir);
  const target = path.resolve(root, file);
  if (!within(root, target)) return false;
  // A link inside the folder could still lead out of it: check where the nearest existing folder really is.
  let existing = path.dirname(target);
  while (!fs.existsSync(existing)) existing = path.dirname(existing);
  const realRoot = fs.realpathSync(root);
  const real = fs.realpathSync(existing);
  return real === realRoot || within(realRoot, real);
}

/** What writing the redirect pages did. */
export interface RedirectPagesResult {
  written: number;
  /** Old addresses GitHub Pages cannot redirect (not page addresses), with a reason. */
  skipped: string[];
}

/**
 * Writes one HTML page per redirect into `dist`. Throws a RedirectError naming
 * the entry for an address that is not clean, would leave `dist`, or would
 * replace a file of the build.
 */
export function writeRedirectPages(dist: string, redirects: Redirect[], render: (r: Redirect) => string): RedirectPagesResult {
  const result: RedirectPagesResult = { written: 0, skipped: [] };
  for (const r of redirects) {
    const unsafe = unsafeRedirect(r);
    if (unsafe) throw new RedirectError(`${r.origin}: ${unsafe}`);
    let rel: string | undefined;
    try {
      rel = redirectPageFile(r.from);
    } catch {
      throw new RedirectError(`${r.origin}: the old address ${JSON.stringify(r.from)} has a broken %-escape`);
    }
    if (!rel) {
      result.skipped.push(`${r.origin}: ${r.from} cannot be redirected on GitHub Pages (only page addresses can)`);
      continue;
    }
    const file = path.resolve(dist, rel);
    if (!insideDir(dist, file))
      throw new RedirectError(
        `${r.origin}: the old address ${JSON.stringify(r.from)} would be written outside the build output (${file}); nothing was written for it`,
      );
    if (fs.existsSync(file))
      throw new RedirectError(`${r.origin}: the old address ${r.from} would replace ${path.relative(dist, file)}, a file of the build`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, render(r));
    result.written++;
  }
  return result;
}
