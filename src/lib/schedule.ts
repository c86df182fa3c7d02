/**
 * The weekly Inner Circle call: when the next one is, and how to say it.
 * Pure and time-zone correct (the wall-clock time is fixed in the program's
 * zone, so the instant moves with daylight saving). Runs in Node at build time
 * and in the browser (src/scripts/next-session.ts).
 */
import { isoDay, zonedTime } from "./dates.ts";

/** The recurring call as the content describes it. */
export interface WeeklySchedule {
  /** "Monday" ... "Sunday". */
  weekday: string;
  /** 24-hour local start time, "18:00". */
  startTime: string;
  durationMinutes: number;
  /** IANA zone the start time is read in. */
  timeZone: string;
}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Day of the week as `Date#getUTCDay` counts it (0 = Sunday); throws on an unknown name. */
function weekdayNumber(weekday: string): number {
  const i = DAYS.findIndex((d) => d.toLowerCase() === weekday.trim().toLowerCase());
  if (i < 0) throw new Error(`unknown weekday "${weekday}": use Monday ... Sunday`);
  return i;
}

/** The RFC 5545 BYDAY code of a weekday ("Wednesday" -> "WE"). */
export function icalWeekday(weekday: string): string {
  return DAYS[weekdayNumber(weekday)]!.slice(0, 2).toUpperCase();
}

/** Hours and minutes of a "18:00" start time; throws on anything else. */
function parseTime(time: string): { hour: number; minute: number } {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  if (!m) throw new Error(`"${time}" is not a 24-hour time like 18:00`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/**
 * The next session that has not ended yet at `now` (a call in progress counts:
 * readers can still join it). Computed on the program's local calendar, so it
 * stays at the same wall-clock time across daylight-saving changes.
 */
export function nextSession(schedule: WeeklySchedule, now: Date) {
  const target = weekdayNumber(schedule.weekday);
  const { hour, minute } = parseTime(schedule.startTime);
  const [y, m, d] = isoDay(now, schedule.timeZone).split("-").map(Number) as [number, number, number];
  // Start one day back: a late call may still be running after local midnight.
  for (let k = -1; k <= 8; k++) {
    const day = new Date(Date.UTC(y, m - 1, d + k));
    if (day.getUTCDay() !== target) continue;
    const start = zonedTime(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour, minute, 0, schedule.timeZone);
    const end = new Date(start.getTime() + schedule.durationMinutes * 60_000);
    if (end > now) return { start, end };
  }
  throw new Error("no session within eight days: the schedule is inconsistent");
}

/** "6:00 pm": a start time as people say it. */
function formatClock(hour: number, minute: number): string {
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12}:${String(minute).padStart(2, "0")} ${hour < 12 ? "am" : "pm"}`;
}

/** "Wednesdays, 6:00 pm Pacific": the schedule in the program's own time zone (the no-JavaScript text). */
export function describeSchedule(schedule: WeeklySchedule & { timeZoneName: string }): string {
  const { hour, minute } = parseTime(schedule.startTime);
  return `${DAYS[weekdayNumber(schedule.weekday)]}s, ${formatClock(hour, minute)} ${schedule.timeZoneName}`.trim();
}

/** "1 hour", "90 minutes", "2 hours": a call's length in words. */
export function describeDuration(minutes: number): string {
  if (minutes % 60 === 0) return minutes === 60 ? "1 hour" : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

/** ISO 8601 duration ("PT1H30M") for structured data and calendars. */
export function isoDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `PT${h ? `${h}H` : ""}${m || !h ? `${m}M` : ""}`;
}

/** A session in a reader's time zone: "Wednesday, June 3", "1:30 am" and the zone's long name. */
export function formatSession(session: ReturnType<typeof nextSession>, timeZone: string): { date: string; time: string; zone: string } {
  const date = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "long", month: "long", day: "numeric" }).format(session.start);
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", hour: "numeric", minute: "numeric" }).formatToParts(session.start);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const zone =
    new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "long" }).formatToParts(session.start).find((p) => p.type === "timeZoneName")?.value ??
    timeZone;
  return { date, time: formatClock(get("hour"), get("minute")), zone };
}
