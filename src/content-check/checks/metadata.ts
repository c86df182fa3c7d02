/** Search-result quality and publishing state: description and title length, scheduled dates, leftover import notes. */
import { formatDate } from "../../lib/dates.ts";
import type { Problem } from "../validate.ts";
import { isDraft, postDate, type CheckContext } from "./context.ts";

/** Search engines show about this many characters of a description, and of a title. */
const DESCRIPTION_MIN = 50;
const DESCRIPTION_MAX = 160;
const TITLE_MAX = 70;

/** The marker the importer puts in posts whose full text was not in the source. */
export const IMPORT_NOTE = "**Import note:**";

export function checkMetadata(ctx: CheckContext): Problem[] {
  const problems: Problem[] = [];
  for (const entry of ctx.entries) {
    if (entry.collection.format !== "md") continue;
    const warn = (field: string | undefined, message: string, hint: string, line = entry.keyLines[field ?? ""] ?? 1) =>
      problems.push({ severity: "warning", file: entry.file, line, ...(field ? { field } : {}), message, hint });
    const length = (key: string) => (typeof entry.data[key] === "string" ? entry.data[key].trim().length : 0);
    const description = length("description");
    if (description && description < DESCRIPTION_MIN) {
      warn(
        "description",
        `is short: ${description} characters`,
        `search results show up to about ${DESCRIPTION_MAX}; aim for ${DESCRIPTION_MIN}-${DESCRIPTION_MAX} characters that make a reader want to click`,
      );
    } else if (description > DESCRIPTION_MAX) {
      warn(
        "description",
        `is ${description} characters; search results cut it after about ${DESCRIPTION_MAX}`,
        "put the important words first or shorten it",
      );
    }
    if (length("title") > TITLE_MAX) {
      warn(
        "title",
        `is ${length("title")} characters; search results cut titles after about ${TITLE_MAX}`,
        `shorten it, or check that the first ${TITLE_MAX} characters still make sense`,
      );
    }
    if (entry.collection.name !== "posts" || isDraft(entry)) continue;
    const date = postDate(entry, ctx.timeZone);
    if (date && date > ctx.now) {
      warn(
        "date",
        `scheduled: the post appears on ${formatDate(date, ctx.timeZone)}`,
        "it is published by the first build on or after that day; change the date to publish it now",
      );
    }
    const note = entry.body.indexOf(IMPORT_NOTE);
    if (note >= 0) {
      const line = entry.bodyLine + entry.body.slice(0, note).split("\n").length - 1;
      warn(undefined, "the import note is still in this published post", "add the missing text, then delete the note", line);
    }
  }
  return problems;
}
