import { describe, expect, it } from "vitest";
import { formatDate, isoDateTime, isoDay, parseContentDate, zonedTime, zonedYear } from "../../src/lib/dates.ts";

const LA = "America/Los_Angeles";

/** Parses and fails the test on an error message. */
function date(value: unknown, timeZone = LA): Date {
  const d = parseContentDate(value, timeZone);
  if (typeof d === "string") throw new Error(`expected a date, got: ${d}`);
  return d;
}

describe("parseContentDate", () => {
  it("reads a date-only value as midnight in the site's time zone", () => {
    expect(date("2017-09-03").toISOString()).toBe("2017-09-03T07:00:00.000Z");
    expect(date("2017-09-03", "Asia/Tokyo").toISOString()).toBe("2017-09-02T15:00:00.000Z");
    expect(date("2017-09-03", "UTC").toISOString()).toBe("2017-09-03T00:00:00.000Z");
  });

  it("treats a YAML-parsed Date at UTC midnight as a date-only value", () => {
    expect(date(new Date("2017-09-03T00:00:00Z")).toISOString()).toBe("2017-09-03T07:00:00.000Z");
  });

  it("keeps the instant of a date-time with an offset or Z", () => {
    expect(date("2019-03-10T23:30:00-07:00").toISOString()).toBe("2019-03-11T06:30:00.000Z");
    expect(date("2019-03-10T23:30:00Z").toISOString()).toBe("2019-03-10T23:30:00.000Z");
    expect(date("2017-09-03T10:00:00+0530").toISOString()).toBe("2017-09-03T04:30:00.000Z");
  });

  it("reads a date-time without an offset in the site's time zone", () => {
    expect(date("2019-03-10T23:30:00").toISOString()).toBe("2019-03-11T06:30:00.000Z");
    expect(date("2019-03-10 23:30").toISOString()).toBe("2019-03-11T06:30:00.000Z");
    expect(date("2019-03-10T23:30", "Asia/Tokyo").toISOString()).toBe("2019-03-10T14:30:00.000Z");
  });

  it("rejects impossible calendar dates instead of rolling them over", () => {
    expect(parseContentDate("2017-02-30", LA)).toBe('"2017-02-30" is not a real calendar date');
    expect(parseContentDate("2023-02-29", LA)).toBe('"2023-02-29" is not a real calendar date');
    expect(parseContentDate("2019-13-01", LA)).toBe('"2019-13-01" is not a real calendar date');
    expect(parseContentDate("2019-04-31T10:00:00Z", LA)).toBe('"2019-04-31T10:00:00Z" is not a real calendar date');
    // Date.UTC reads years 0-99 as 1900-1999: a two-digit year is not taken for another century.
    expect(parseContentDate("0024-05-31", LA)).toBe('"0024-05-31" is not a real calendar date');
    expect(date("2024-02-29").toISOString()).toBe("2024-02-29T08:00:00.000Z");
  });

  it("rejects impossible times of day", () => {
    expect(parseContentDate("2019-03-10T24:00:00", LA)).toBe('"2019-03-10T24:00:00" has an impossible time');
    expect(parseContentDate("2019-03-10T10:61", LA)).toBe('"2019-03-10T10:61" has an impossible time');
  });

  it("explains what it expects for text, numbers and missing values", () => {
    expect(parseContentDate("next Tuesday", LA)).toBe(
      '"next Tuesday" is not a date; use YYYY-MM-DD or an ISO date-time like 2024-05-31T09:30:00-07:00',
    );
    expect(parseContentDate("03/09/2017", LA)).toMatch(/is not a date/);
    expect(parseContentDate(20170903, LA)).toBe("must be a date like 2024-05-31 or 2024-05-31T09:30:00-07:00");
    expect(parseContentDate(undefined, LA)).toBe("is required (a date like 2024-05-31)");
    expect(parseContentDate("  ", LA)).toBe("is required (a date like 2024-05-31)");
    expect(parseContentDate(new Date("nope"), LA)).toBe("is not a valid date");
  });
});

describe("daylight saving time edges", () => {
  it("moves a wall time skipped by spring-forward ahead by the jump", () => {
    // 2024-03-10 02:30 never happens in Los Angeles: clocks go from 01:59:59 PST to 03:00 PDT.
    expect(zonedTime(2024, 3, 10, 2, 30, 0, LA).toISOString()).toBe("2024-03-10T10:30:00.000Z");
    expect(isoDateTime(date("2024-03-10T02:30:00"), LA)).toBe("2024-03-10T03:30:00-07:00");
  });

  it("reads a wall time that happens twice at fall-back as the first one", () => {
    // 2024-11-03 01:30 happens at -07:00 and again at -08:00.
    expect(date("2024-11-03T01:30:00").toISOString()).toBe("2024-11-03T08:30:00.000Z");
  });

  it("gives midnight on DST change days the offset in force at midnight", () => {
    expect(isoDateTime(date("2024-03-10"), LA)).toBe("2024-03-10T00:00:00-08:00");
    expect(isoDateTime(date("2024-11-03"), LA)).toBe("2024-11-03T00:00:00-07:00");
  });

  it("handles zones with half- and quarter-hour offsets", () => {
    expect(isoDateTime(date("2017-09-03", "Asia/Kolkata"), "Asia/Kolkata")).toBe("2017-09-03T00:00:00+05:30");
    expect(isoDateTime(date("2017-09-03", "Asia/Kathmandu"), "Asia/Kathmandu")).toBe("2017-09-03T00:00:00+05:45");
  });
});

describe("formatting in the site's time zone", () => {
  it("shows a date-only post on its own day in far-apart site time zones", () => {
    for (const tz of [LA, "Pacific/Honolulu", "Asia/Tokyo", "Pacific/Kiritimati", "UTC"]) {
      expect(formatDate(date("2017-09-03", tz), tz)).toBe("September 3, 2017");
      expect(isoDay(date("2017-09-03", tz), tz)).toBe("2017-09-03");
    }
  });

  it("shows a late-evening Pacific post on the Pacific day, not the UTC day", () => {
    const d = date("2019-03-10T23:30:00-07:00");
    expect(formatDate(d, LA)).toBe("March 10, 2019");
    expect(isoDateTime(d, LA)).toBe("2019-03-10T23:30:00-07:00");
    expect(formatDate(d, "UTC")).toBe("March 11, 2019");
  });

  it("takes the year from the site's time zone", () => {
    const newYearsEve = date("2019-12-31T22:00:00-08:00");
    expect(zonedYear(newYearsEve, LA)).toBe(2019);
    expect(zonedYear(newYearsEve, "UTC")).toBe(2020);
  });

  it("writes negative and positive offsets in ISO form", () => {
    expect(isoDateTime(new Date("2017-09-03T12:00:00Z"), "Pacific/Honolulu")).toBe("2017-09-03T02:00:00-10:00");
    expect(isoDateTime(new Date("2017-09-03T12:00:00Z"), "Asia/Tokyo")).toBe("2017-09-03T21:00:00+09:00");
    expect(isoDateTime(new Date("2017-09-03T12:00:00Z"), "UTC")).toBe("2017-09-03T12:00:00+00:00");
  });
});
