/** Simple pages: `content/pages/<slug>.md` (about). */
import { string, fields } from "./fields.ts";

/** Page front-matter fields. */
export const pageFields = fields(
  /** Page heading and document title. */
  string("title"),
  /** Meta description and social summary. */
  string("description", { max: 200 }),
);
