/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild`,
 * https://docs.astro.build/en/reference/experimental-flags/incremental-build/).
 * A page returned with a `cacheKey` from `getStaticPaths()` is copied from the
 * previous build instead of rendered when its key and its code (Astro hashes the
 * page's module graph, client scripts included) are unchanged. So a key must
 * change with every piece of data the page shows: a missed one leaves a stale page.
 */
import { createHash } from "node:crypto";

/** JSON for hashing: Maps and Sets as arrays (JSON.stringify would write `{}`); functions are left out. */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return [...value.entries()];
  if (value instanceof Set) return [...value];
  return value;
}

/** A short, stable key for everything in `parts` (any JSON-like values; Dates as ISO strings). */
export function pageKey(...parts: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts, replacer)).digest("base64url");
}
