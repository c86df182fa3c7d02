/**
 * A small RFC 5545 (iCalendar) writer for one weekly recurring event.
 * https://www.rfc-editor.org/rfc/rfc5545
 *
 * The event starts at a local time in a named zone (`DTSTART;TZID=...`) and the
 * file carries that zone's VTIMEZONE (from timezones-ical-library's copy of the
 * time-zone database), so calendar apps keep the call at the same local time
 * across daylight saving.
 */
import { tzlib_get_ical_block } from "timezones-ical-library";
import { offsetMs } from "./dates.ts";
import { icalWeekday, type WeeklySchedule } from "./schedule.ts";

/** What the calendar file describes. */
interface WeeklyEvent extends WeeklySchedule {
  /** Globally unique, stable across rebuilds (so re-importing updates instead of duplicating). */
  uid: string;
  summary: string;
  description?: string;
  /** Page with the details. */
  url?: string;
  /** First occurrence (an instant; written as local time in `timeZone`). */
  first: Date;
  /** When the file was made (DTSTAMP). */
  stamp: Date;
  /** Product identifier, e.g. "-//Path2Practice//Inner Circle//EN". */
  prodId: string;
  /** Calendar name shown by apps that support X-WR-CALNAME. */
  calendarName?: string;
}

/** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines. */
function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds a content line at 75 octets (RFC 5545 3.1), never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    // Continuation lines start with a space, which counts toward their 75 octets.
    const limit = out.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      out.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += bytes;
  }
  out.push(current);
  return out.join("\r\n ");
}

/** "20260602T173000": the UTC fields of a Date as an iCalendar DATE-TIME without zone. */
const stamp = (d: Date) => d.toISOString().replace(/[-:]|\.\d+Z$/g, "");

/** The wall-clock time of an instant in a zone, as a Date whose UTC fields read it. */
const wallClock = (instant: Date, timeZone: string) => new Date(instant.getTime() + offsetMs(instant.getTime(), timeZone));

/**
 * The zone's VTIMEZONE component as lines, and the TZID that names it: the
 * database's own name, which for an alias ("US/Pacific") is the zone it stands for.
 */
function vtimezone(timeZone: string): { lines: string[]; tzid: string } {
  const [block, tzidParam] = tzlib_get_ical_block(timeZone);
  if (!block || !tzidParam) throw new Error(`schedule.timeZone: "${timeZone}" is not a known time zone`);
  return { lines: block.split(/\r?\n/), tzid: tzidParam.replace(/^TZID=/, "") };
}

/** A complete iCalendar file (CRLF line endings, folded lines) for a weekly event. */
export function weeklyEventCalendar(event: WeeklyEvent): string {
  const start = wallClock(event.first, event.timeZone);
  const end = new Date(start.getTime() + event.durationMinutes * 60_000);
  const zone = vtimezone(event.timeZone);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${event.prodId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...(event.calendarName ? [`X-WR-CALNAME:${escapeText(event.calendarName)}`] : []),
    `X-WR-TIMEZONE:${zone.tzid}`,
    ...zone.lines,
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${stamp(event.stamp)}Z`,
    `DTSTART;TZID=${zone.tzid}:${stamp(start)}`,
    `DTEND;TZID=${zone.tzid}:${stamp(end)}`,
    `RRULE:FREQ=WEEKLY;BYDAY=${icalWeekday(event.weekday)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    "TRANSP:OPAQUE",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
