/**
 * What a redirect is and which ones can be written safely. One rule for the
 * CMS form (through src/schema/redirects.ts), the build's checks, every host
 * format and the importer.
 */

/** One redirect, with where it came from (for error messages). */
export interface Redirect {
  from: string;
  to: string;
  status: 301 | 302;
  /** "content/settings/redirects.yaml, entry 2", "automatic: post welcome" or the import source's post. */
  origin: string;
}

/** A problem with a redirect, naming the file and entry. */
export class RedirectError extends Error {}

/**
 * A clean old address: `/` and one or more segments, an optional trailing `/`.
 * It becomes a file name on GitHub Pages and a pattern in `_redirects`, so
 * anything a file system or a host's matcher reads as more than a name is out:
 * `.` and `..` segments, empty segments (`//`), `*` and `:` (host wildcards and
 * placeholders), `?` and `#`, `\`, spaces and control characters. Characters
 * outside ASCII may appear as themselves or %-escaped (`%C3%A9`); an ASCII
 * %-escape (`%2e`, `%2f`, `%5c`, `%00`) never names a plain letter, only a way
 * around these rules. Spelled without flags: Decap compiles `pattern` with
 * `RegExp(source)`.
 */
export const REDIRECT_FROM_PATTERN = /^(\/(?!\.\.?(\/|$))([A-Za-z0-9\-._~!$&'()+,;=@]|%[89A-Fa-f][0-9A-Fa-f]|[^\x00-\x9F\s])+)+\/?$/;

/** A path on this site (not `//host` or `/\host`, which browsers read as another site) or a full URL. */
export const REDIRECT_TO_PATTERN = /^(\/(?![/\\])[^\s\x00-\x1F\x7F]*|https?:\/\/[^\s\x00-\x1F\x7F]+)$/;

/**
 * Why a redirect cannot be written safely, or undefined. The schema refuses
 * these already; every host writer asks again, so an entry that reached it
 * another way (an old file, a future code path) still cannot steer a write.
 */
export function unsafeRedirect(r: Pick<Redirect, "from" | "to">): string | undefined {
  if (!REDIRECT_FROM_PATTERN.test(r.from))
    return `the old address ${JSON.stringify(r.from)} is not a plain path (no .., //, *, :, ?, #, \\, spaces or %-escaped dots and slashes)`;
  if (!REDIRECT_TO_PATTERN.test(r.to)) return `the target ${JSON.stringify(r.to)} is not a path on this site or a full http(s) URL`;
  return undefined;
}

/** "/x" and "/x/" are the same address to every host. */
export const addressKey = (p: string) => p.replace(/\/+$/, "") || "/";
