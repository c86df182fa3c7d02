/**
 * Redirects: `content/settings/redirects.yaml`, the one source from which every host's redirect format is generated.
 * The importer adds the old site's URLs; the owner adds entries in the CMS. The patterns' rules: src/redirects/rules.ts.
 */
import { REDIRECT_FROM_PATTERN, REDIRECT_TO_PATTERN } from "../redirects/rules.ts";
import { fields, list, select, string } from "./fields.ts";

/** Redirect list fields. */
export const redirectFields = fields(
  list(
    "redirects",
    fields(
      string("from", {
        label: "Old address",
        hint: "The part after the site's name, e.g. /post/my-old-post",
        pattern: [
          REDIRECT_FROM_PATTERN,
          "must be a plain address on this site such as /post/my-old-post: starting with /, without spaces, " +
            "without . or .. parts or empty parts (//), and without * : ? # \\ or %-escaped dots and slashes (%2e, %2f)",
        ],
      }),
      string("to", {
        label: "New address",
        hint: "A page of this site, e.g. /blog/my-post/, or a full address starting with https://",
        pattern: [REDIRECT_TO_PATTERN, "must be a path on this site starting with a single / or a full http(s) URL, without spaces"],
      }),
      select("status", ["301", "302"], {
        label: "Kind",
        default: "301",
        hint: "301 when the page moved for good (almost always), 302 when only for a while.",
      }),
    ),
    { default: [], hint: "Old addresses that send readers on to a new one, so old links and bookmarks keep working." },
  ),
);
