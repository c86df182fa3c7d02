/** Simple pages: `content/pages/<slug>.md` (about). */
import { string, fields } from "./fields.ts";

/** Page front-matter fields. */
export const pageFields = fields(
  string("title", { hint: "The heading of the page, also shown in the browser tab." }),
  string("description", {
    label: "Summary",
    max: 200,
    hint: "One or two sentences (at most 200 characters), shown in search results and when the page is shared.",
  }),
);
