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
  description: string;
  /** Page with the details. */
  url: string;
  /** First occurrence (an instant; written as local time in `timeZone`). */
  first: Date;
  /** When the file was made (DTSTAMP). */
  stamp: Date;
  /** Product identifier, e.g. "-//Path2Practice//Inner Circle//EN". */
  prodId: string;
}

/** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines. */
function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, "\\$&").replace(/\r?\n/g, "\\n");
}

/** Folds a content line at 75 octets (RFC 5545 3.1), never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const parts = [""];
  for (const char of line) {
    // Continuation lines start with a space, which counts toward their 75 octets.
    const limit = parts.length === 1 ? 75 : 74;
    if (octets(parts.at(-1)! + char) > limit) parts.push("");
    parts[parts.length - 1] += char;
  }
  return parts.join("\r\n ");
}

const octets = (text: string) => new TextEncoder().encode(text).length;

/** "20260602T173000": the UTC fields of a Date as an iCalendar DATE-TIME without zone. */
const stamp = (d: Date) => d.toISOString().replace(/[-:]|\.\d+Z$/g, "");

/** The wall-clock time of an instant in a zone, as a Date whose UTC fields read it. */
const wallClock = (instant: Date, timeZone: string) => new Date(instant.getTime() + offsetMs(instant.getTime(), timeZone));

/** A complete iCalendar file (CRLF line endings, folded lines) for a weekly event. */
export function weeklyEventCalendar(event: WeeklyEvent): string {
  const start = wallClock(event.first, event.timeZone);
  const end = new Date(start.getTime() + event.durationMinutes * 60_000);
  const [vtimezone, tzidParam] = tzlib_get_ical_block(event.timeZone);
  if (!vtimezone || !tzidParam) throw new Error(`schedule.timeZone: "${event.timeZone}" is not a known time zone`);
  // The database's own name, which for an alias ("US/Pacific") is the zone it stands for.
  const tzid = tzidParam.replace(/^TZID=/, "");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${event.prodId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    // The calendar's name, for apps that show one (X-WR-CALNAME), is the event's.
    `X-WR-CALNAME:${escapeText(event.summary)}`,
    `X-WR-TIMEZONE:${tzid}`,
    ...vtimezone.split(/\r?\n/),
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${stamp(event.stamp)}Z`,
    `DTSTART;TZID=${tzid}:${stamp(start)}`,
    `DTEND;TZID=${tzid}:${stamp(end)}`,
    `RRULE:FREQ=WEEKLY;BYDAY=${icalWeekday(event.weekday)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `URL:${event.url}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
