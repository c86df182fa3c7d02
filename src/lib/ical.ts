/**
 * A small RFC 5545 (iCalendar) writer for one weekly recurring event.
 * https://www.rfc-editor.org/rfc/rfc5545
 *
 * The event starts at a local time in a named zone (`DTSTART;TZID=...`) and the
 * file carries a VTIMEZONE derived from the runtime's time-zone database, so
 * calendar apps keep the call at the same local time across daylight saving.
 */
import { offsetMs } from "./dates.ts";
import { icalWeekday, parseTime, type WeeklySchedule } from "./schedule.ts";

/** What the calendar file describes. */
export interface WeeklyEvent extends WeeklySchedule {
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
export function escapeText(value: string): string {
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

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "20260602T173000": wall-clock time of an instant in a zone (a DATE-TIME with TZID). */
export function localStamp(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + offsetMs(instant.getTime(), timeZone));
  return formatFloating(local);
}

function formatFloating(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** "20260601T120000Z": a UTC DATE-TIME. */
export function utcStamp(instant: Date): string {
  return `${formatFloating(instant)}Z`;
}

/** "-0800": a UTC offset in minutes as iCalendar writes it. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** An offset change: the instant and the offsets before and after, in minutes. */
export interface Transition {
  at: Date;
  from: number;
  to: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** UTC offset in minutes at an instant. One cached formatter per zone: scanning years of days stays fast. */
function offsetMinutes(instant: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** Every UTC-offset change of a zone within a calendar year (UTC), found by scanning days then bisecting to the minute. */
export function transitionsInYear(timeZone: string, year: number): Transition[] {
  const found: Transition[] = [];
  const DAY = 86_400_000;
  let t = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  let before = offsetMinutes(t, timeZone);
  while (t < end) {
    const next = Math.min(t + DAY, end);
    const after = offsetMinutes(next, timeZone);
    if (after !== before) {
      let lo = t;
      let hi = next;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (offsetMinutes(mid, timeZone) === before) lo = mid;
        else hi = mid;
      }
      found.push({ at: new Date(hi), from: before, to: after });
    }
    before = after;
    t = next;
  }
  return found;
}

/** Short zone abbreviation ("PDT") when the runtime knows one; GMT+1-style names are left out (TZNAME is optional). */
function zoneAbbreviation(instant: Date, timeZone: string): string | undefined {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName")?.value;
  return name && /^[A-Z]{2,5}$/.test(name) ? name : undefined;
}

/** "BYMONTH=3;BYDAY=2SU": the yearly rule that lands on a transition's local day ("last" when it is the month's last such weekday). */
function yearlyRule(local: Date): string {
  const day = local.getUTCDate();
  const daysInMonth = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
  const nth = day + 7 > daysInMonth ? -1 : Math.ceil(day / 7);
  return `FREQ=YEARLY;BYMONTH=${local.getUTCMonth() + 1};BYDAY=${nth}${["SU", "MO", "TU", "WE", "TH", "FR", "SA"][local.getUTCDay()]}`;
}

/** Local wall-clock time of a transition, read in the offset in force before it (RFC 5545 3.6.5). */
const transitionLocal = (tr: Transition) => new Date(tr.at.getTime() + tr.from * 60_000);

/**
 * The VTIMEZONE component for `timeZone`, valid from `fromYear` on: one
 * STANDARD/DAYLIGHT pair with yearly RRULEs when the zone follows a
 * "nth weekday of the month" rule (checked against the next ten years), else
 * explicit RDATEs for those years, or a single STANDARD for zones without DST.
 */
export function vtimezone(timeZone: string, fromYear: number): string[] {
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`, `X-LIC-LOCATION:${timeZone}`];
  const first = transitionsInYear(timeZone, fromYear);
  if (first.length === 0) {
    const offset = offsetMinutes(Date.UTC(fromYear, 0, 1), timeZone);
    const name = zoneAbbreviation(new Date(Date.UTC(fromYear, 0, 1)), timeZone);
    lines.push(
      "BEGIN:STANDARD",
      `DTSTART:${fromYear}0101T000000`,
      `TZOFFSETFROM:${formatOffset(offset)}`,
      `TZOFFSETTO:${formatOffset(offset)}`,
      ...(name ? [`TZNAME:${name}`] : []),
      "END:STANDARD",
    );
    return [...lines, "END:VTIMEZONE"];
  }
  const years = Array.from({ length: 11 }, (_, i) => fromYear + i);
  const byYear = years.map((y) => transitionsInYear(timeZone, y));
  for (const tr of first) {
    const kind = tr.to > tr.from ? "DAYLIGHT" : "STANDARD";
    const local = transitionLocal(tr);
    const rule = yearlyRule(local);
    const same = byYear.map((list) => list.find((t) => t.from === tr.from && t.to === tr.to));
    const ruleHolds = same.every(
      (t) => t && yearlyRule(transitionLocal(t)) === rule && formatFloating(transitionLocal(t)).slice(8) === formatFloating(local).slice(8),
    );
    const name = zoneAbbreviation(new Date(tr.at.getTime() + 60_000), timeZone);
    lines.push(`BEGIN:${kind}`, `DTSTART:${formatFloating(local)}`, `TZOFFSETFROM:${formatOffset(tr.from)}`, `TZOFFSETTO:${formatOffset(tr.to)}`);
    if (ruleHolds) lines.push(`RRULE:${rule}`);
    else {
      const dates = same.slice(1).flatMap((t) => (t ? [formatFloating(transitionLocal(t))] : []));
      if (dates.length) lines.push(`RDATE:${dates.join(",")}`);
    }
    if (name) lines.push(`TZNAME:${name}`);
    lines.push(`END:${kind}`);
  }
  return [...lines, "END:VTIMEZONE"];
}

/** The local end of a session: start wall-clock time plus its length. */
function localEnd(first: Date, schedule: WeeklySchedule): string {
  const { hour, minute } = parseTime(schedule.startTime);
  const local = new Date(first.getTime() + offsetMs(first.getTime(), schedule.timeZone));
  local.setUTCHours(hour, minute + schedule.durationMinutes, 0, 0);
  return formatFloating(local);
}

/** A complete iCalendar file (CRLF line endings, folded lines) for a weekly event. */
export function weeklyEventCalendar(event: WeeklyEvent): string {
  const firstYear = Number(localStamp(event.first, event.timeZone).slice(0, 4));
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${event.prodId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...(event.calendarName ? [`X-WR-CALNAME:${escapeText(event.calendarName)}`] : []),
    `X-WR-TIMEZONE:${event.timeZone}`,
    // One year back so the zone's rules cover the first occurrence whatever its date.
    ...vtimezone(event.timeZone, firstYear - 1),
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART;TZID=${event.timeZone}:${localStamp(event.first, event.timeZone)}`,
    `DTEND;TZID=${event.timeZone}:${localEnd(event.first, event)}`,
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
