/** Dates and time zones: everything renders in the site's time zone, never the build machine's. */

/** A day, optionally with a time and an offset. */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads a front-matter date. Returns a Date, or an error message string.
 * YAML parsers turn `2017-09-03` into a UTC-midnight Date, so a Date at exactly
 * UTC midnight is treated as date-only too.
 */
export function parseContentDate(value: unknown, timeZone: string): Date | string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "is not a valid date";
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? parseContentDate(iso.slice(0, 10), timeZone) : value;
  }
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return "is required (a date like 2024-05-31)";
  if (typeof value !== "string") return "must be a date like 2024-05-31 or 2024-05-31T09:30:00-07:00";
  const text = value.trim();
  const m = DATE.exec(text);
  if (!m) return `"${text}" is not a date; use YYYY-MM-DD or an ISO date-time like 2024-05-31T09:30:00-07:00`;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((n) => Number(n ?? 0)) as [number, number, number, number, number, number];
  // Date.UTC rolls an impossible day over into the next month (February 30 -> March 2), and reads years 0-99 as 1900-1999.
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return `"${text}" is not a real calendar date`;
  if (h > 23 || mi > 59 || s > 59) return `"${text}" has an impossible time`;
  if (!m[7]) return zonedTime(y, mo, d, h, mi, s, timeZone);
  const instant = new Date(text.replace(" ", "T"));
  return Number.isNaN(instant.getTime()) ? `"${text}" is not a valid date` : instant;
}

/**
 * The instant at which the wall clock in `timeZone` reads the given time.
 * Like Temporal's "compatible" disambiguation: a time skipped by a DST jump
 * (02:30 on a spring-forward night) moves forward by the jump, and a time that
 * happens twice (01:30 on a fall-back night) means the first of the two.
 * https://tc39.es/proposal-temporal/docs/zoneddatetime.html#disambiguation
 */
export function zonedTime(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string): Date {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const day = 86_400_000;
  const before = wall - offsetMs(wall - day, timeZone);
  const after = wall - offsetMs(wall + day, timeZone);
  const reads = (t: number) => t + offsetMs(t, timeZone) === wall;
  const candidates = [before, after].filter(reads);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In a gap: read the wall time with the offset from before the jump, which lands after it.
  return new Date(before);
}

/**
 * One formatter per (locale, zone, options): building an Intl.DateTimeFormat
 * costs far more than using one (about 1 ms here), and a build formats dates
 * on every post card of every list page, thousands of times.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** Offsets already computed, by zone and instant: every post's date is shown on many pages. */
const offsets = new Map<string, number>();
const MAX_OFFSETS = 100_000;

/** The time zone's UTC offset in milliseconds at an instant, read from the offset Intl names ("GMT-07:00", "GMT+05:45"). */
export function offsetMs(instant: number, timeZone: string): number {
  const key = `${timeZone}|${instant}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const name = formatter("en-US", timeZone, { timeZoneName: "longOffset" })
    .formatToParts(new Date(instant))
    .find((p) => p.type === "timeZoneName")?.value;
  const [, sign, h = 0, m = 0, s = 0] = /([+-])(\d+):(\d+)(?::(\d+))?/.exec(name ?? "") ?? [];
  const offset = (sign === "-" ? -1 : 1) * (Number(h) * 3_600_000 + Number(m) * 60_000 + Number(s) * 1000);
  if (offsets.size >= MAX_OFFSETS) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** "September 3, 2017": a date as readers see it, in the site's time zone. */
export function formatDate(date: Date, timeZone: string): string {
  return formatter("en-US", timeZone, { year: "numeric", month: "long", day: "numeric" }).format(date);
}

/** "2017-09-03": the calendar day of an instant in the site's time zone. */
export function isoDay(date: Date, timeZone: string): string {
  return formatter("en-CA", timeZone, { year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/** The year of an instant in the site's time zone. */
export function zonedYear(date: Date, timeZone: string): number {
  return Number(isoDay(date, timeZone).slice(0, 4));
}

/** A full ISO 8601 timestamp with the site's offset, for `<time datetime>` and feeds. */
export function isoDateTime(date: Date, timeZone: string): string {
  const off = offsetMs(date.getTime(), timeZone) / 60000;
  const local = new Date(date.getTime() + off * 60000).toISOString().slice(0, 19);
  const sign = off < 0 ? "-" : "+";
  const abs = Math.abs(off);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
