/**
 * Redirects: `content/settings/redirects.yaml`, the one source from which every
 * host's redirect format is generated. The importer adds the old site's URLs;
 * the owner adds entries in the CMS.
 */
import { fields, list, select, string } from "./fields.ts";

/** Redirect list fields. */
export const redirectFields = fields(
  /** Old address to new address pairs. */
  list(
    "redirects",
    fields(
      /** Old path on this site, e.g. /post/my-old-slug. */
      string("from", { label: "Old path", pattern: [/^\/\S*$/, "must be a path starting with /"] }),
      /** New path or full URL. */
      string("to", { label: "New path or URL", pattern: [/^(\/\S*|https?:\/\/\S+)$/, "must be a path starting with / or a full URL"] }),
      /** 301 (moved for good) or 302 (temporary). */
      select("status", ["301", "302"], { default: "301" }),
    ),
    { default: [], hint: "Old addresses that should send readers to a new one." },
  ),
);
