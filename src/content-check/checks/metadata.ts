/** Search-result quality and publishing state: description and title length, scheduled dates, leftover import notes. */
import { formatDate } from "../../lib/dates.ts";
import type { Problem } from "../validate.ts";
import { isDraft, postDate, type CheckContext } from "./context.ts";

/** Search engines show about this many characters of a description, and of a title. */
export const DESCRIPTION_MIN = 50;
export const DESCRIPTION_MAX = 160;
export const TITLE_MAX = 70;

/** The marker the importer puts in posts whose full text was not in the source. */
export const IMPORT_NOTE = "**Import note:**";

/** Checks titles and descriptions of Markdown entries, and dates and import notes of posts. */
export function checkMetadata(ctx: CheckContext): Problem[] {
  const problems: Problem[] = [];
  for (const entry of ctx.entries) {
    if (entry.collection.format !== "md") continue;
    const line = (key: string) => entry.keyLines[key] ?? 1;
    const description = entry.data["description"];
    if (typeof description === "string" && description.trim()) {
      const n = description.trim().length;
      if (n < DESCRIPTION_MIN) {
        problems.push({
          severity: "warning",
          file: entry.file,
          line: line("description"),
          field: "description",
          message: `is short: ${n} characters`,
          hint: `search results show up to about ${DESCRIPTION_MAX}; aim for ${DESCRIPTION_MIN}-${DESCRIPTION_MAX} characters that make a reader want to click`,
        });
      } else if (n > DESCRIPTION_MAX) {
        problems.push({
          severity: "warning",
          file: entry.file,
          line: line("description"),
          field: "description",
          message: `is ${n} characters; search results cut it after about ${DESCRIPTION_MAX}`,
          hint: "put the important words first or shorten it",
        });
      }
    }
    const title = entry.data["title"];
    if (typeof title === "string" && title.trim().length > TITLE_MAX) {
      problems.push({
        severity: "warning",
        file: entry.file,
        line: line("title"),
        field: "title",
        message: `is ${title.trim().length} characters; search results cut titles after about ${TITLE_MAX}`,
        hint: "shorten it, or check that the first 70 characters still make sense",
      });
    }
    if (entry.collection.name !== "posts") continue;
    const date = postDate(entry, ctx.timeZone);
    if (date && date > ctx.now && !isDraft(entry)) {
      problems.push({
        severity: "warning",
        file: entry.file,
        line: line("date"),
        field: "date",
        message: `scheduled: the post appears on ${formatDate(date, ctx.timeZone)}`,
        hint: "it is published by the first build on or after that day; change the date to publish it now",
      });
    }
    if (entry.body.includes(IMPORT_NOTE) && !isDraft(entry)) {
      const at = entry.body.slice(0, entry.body.indexOf(IMPORT_NOTE)).split("\n").length - 1;
      problems.push({
        severity: "warning",
        file: entry.file,
        line: entry.bodyLine + at,
        message: "the import note is still in this published post",
        hint: "add the missing text, then delete the note",
      });
    }
  }
  return problems;
}
