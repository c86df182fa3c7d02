/**
 * Redirects: `content/settings/redirects.yaml`, the one source from which every
 * host's redirect format is generated. The importer adds the old site's URLs;
 * the owner adds entries in the CMS.
 */
import { fields, list, select, string } from "./fields.ts";

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

/** Redirect list fields. */
export const redirectFields = fields(
  /** Old address to new address pairs. */
  list(
    "redirects",
    fields(
      /** Old path on this site, e.g. /post/my-old-slug. */
      string("from", {
        label: "Old path",
        pattern: [
          REDIRECT_FROM_PATTERN,
          "must be a plain address on this site such as /post/my-old-post: starting with /, without spaces, " +
            "without . or .. parts or empty parts (//), and without * : ? # \\ or %-escaped dots and slashes (%2e, %2f)",
        ],
      }),
      /** New path or full URL. */
      string("to", {
        label: "New path or URL",
        pattern: [REDIRECT_TO_PATTERN, "must be a path on this site starting with a single / or a full http(s) URL, without spaces"],
      }),
      /** 301 (moved for good) or 302 (temporary). */
      select("status", ["301", "302"], { default: "301" }),
    ),
    { default: [], hint: "Old addresses that should send readers to a new one." },
  ),
);
