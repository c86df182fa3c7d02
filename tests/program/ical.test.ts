import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { foldLine, weeklyEventCalendar } from "../../src/lib/ical.ts";
import { nextSession } from "../../src/lib/schedule.ts";

const schedule = { weekday: "Wednesday", startTime: "18:00", durationMinutes: 60, timeZone: "America/Los_Angeles" };

/** A calendar for the weekly call whose first occurrence is on or after `from`. */
function calendar(from: string, overrides: Partial<typeof schedule> = {}, summary = "Inner Circle weekly call") {
  const s = { ...schedule, ...overrides };
  return weeklyEventCalendar({
    ...s,
    uid: "inner-circle-weekly@example.org",
    summary,
    description: "Live video call.\nDetails on the program page; bring questions, ideas.",
    url: "https://example.org/program/",
    first: nextSession(s, new Date(from)).start,
    stamp: new Date("2026-01-01T12:00:00Z"),
    prodId: "-//Example//Inner Circle//EN",
  });
}

/** Parses with ical.js, registering the file's own VTIMEZONE (ical.js has no zone database of its own). */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const tz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  const vevent = root.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  return { root, event: new ICAL.Event(vevent) };
}

/** The first `count` occurrences as [local wall-clock time, UTC instant]. */
function occurrences(text: string, count: number): Array<[string, string]> {
  const { event } = parse(text);
  const it = event.iterator();
  const out: Array<[string, string]> = [];
  for (let next = it.next(); next && out.length < count; next = it.next()) {
    out.push([next.toString(), next.toJSDate().toISOString()]);
  }
  return out;
}

describe("the iCalendar file of the weekly call", () => {
  it("parses with ical.js into one weekly event in the program's time zone", () => {
    const { root, event } = parse(calendar("2026-03-01T00:00:00Z"));
    expect(root.getFirstPropertyValue("version")).toBe("2.0");
    expect(event.uid).toBe("inner-circle-weekly@example.org");
    expect(event.summary).toBe("Inner Circle weekly call");
    expect(event.description).toBe("Live video call.\nDetails on the program page; bring questions, ideas.");
    expect(event.startDate.zone?.tzid).toBe("America/Los_Angeles");
    expect(event.duration.toSeconds()).toBe(3600);
    expect(event.isRecurring()).toBe(true);
    expect(String(event.component.getFirstPropertyValue("rrule"))).toBe("FREQ=WEEKLY;BYDAY=WE");
    expect(event.component.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-01-01T12:00:00Z");
  });

  it("stays at 6 pm in Los Angeles across the March change while the UTC hour moves from 02 to 01", () => {
    expect(occurrences(calendar("2026-03-01T00:00:00Z"), 3)).toEqual([
      ["2026-03-04T18:00:00", "2026-03-05T02:00:00.000Z"],
      ["2026-03-11T18:00:00", "2026-03-12T01:00:00.000Z"],
      ["2026-03-18T18:00:00", "2026-03-19T01:00:00.000Z"],
    ]);
  });

  it("stays at 6 pm in Los Angeles across the November change, and again the next spring", () => {
    const list = occurrences(calendar("2026-10-20T00:00:00Z"), 24);
    expect(list.slice(0, 3)).toEqual([
      ["2026-10-21T18:00:00", "2026-10-22T01:00:00.000Z"],
      ["2026-10-28T18:00:00", "2026-10-29T01:00:00.000Z"],
      ["2026-11-04T18:00:00", "2026-11-05T02:00:00.000Z"],
    ]);
    expect(list.every(([local]) => local.endsWith("T18:00:00"))).toBe(true);
    // 2027: DST starts on Sunday March 14.
    expect(list.find(([local]) => local.startsWith("2027-03-10"))?.[1]).toBe("2027-03-11T02:00:00.000Z");
    expect(list.find(([local]) => local.startsWith("2027-03-17"))?.[1]).toBe("2027-03-18T01:00:00.000Z");
  });

  it("follows Europe's last-Sunday rule for a London schedule", () => {
    const list = occurrences(calendar("2026-03-20T00:00:00Z", { timeZone: "Europe/London", weekday: "Monday", startTime: "19:30" }), 2);
    expect(list).toEqual([
      ["2026-03-23T19:30:00", "2026-03-23T19:30:00.000Z"],
      ["2026-03-30T19:30:00", "2026-03-30T18:30:00.000Z"],
    ]);
  });

  it("writes a zone without daylight saving as one STANDARD rule", () => {
    const text = calendar("2026-06-01T00:00:00Z", { timeZone: "Asia/Tokyo" });
    expect(text).toContain("TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900");
    expect(text).not.toContain("DAYLIGHT");
    expect(occurrences(text, 1)).toEqual([["2026-06-03T18:00:00", "2026-06-03T09:00:00.000Z"]]);
  });

  it("describes Los Angeles with the US rules: second Sunday of March, first Sunday of November, at 2 am", () => {
    const text = calendar("2026-03-01T00:00:00Z");
    expect(text).toContain(
      ["TZOFFSETFROM:-0800", "TZOFFSETTO:-0700", "DTSTART:19700308T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"].join("\r\n"),
    );
    expect(text).toContain(
      ["TZOFFSETFROM:-0700", "TZOFFSETTO:-0800", "DTSTART:19701101T020000", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"].join("\r\n"),
    );
  });

  it("names an alias zone by the zone it stands for, in the event and its VTIMEZONE alike", () => {
    const text = calendar("2026-03-01T00:00:00Z", { timeZone: "US/Pacific" });
    expect(parse(text).event.startDate.zone?.tzid).toBe("America/Los_Angeles");
    expect(occurrences(text, 2)).toEqual([
      ["2026-03-04T18:00:00", "2026-03-05T02:00:00.000Z"],
      ["2026-03-11T18:00:00", "2026-03-12T01:00:00.000Z"],
    ]);
  });

  it("uses CRLF line endings and folds every line at 75 octets without splitting a character", () => {
    const text = calendar("2026-03-01T00:00:00Z", {}, `Inner Circle: ${"café ünd bodywork ".repeat(8)}`);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n").slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    expect(parse(text).event.summary).toBe(`Inner Circle: ${"café ünd bodywork ".repeat(8)}`);
    expect(
      foldLine("é".repeat(60))
        .split("\r\n ")
        .every((part) => Buffer.byteLength(part) <= 75 && !part.includes("\uFFFD")),
    ).toBe(true);
  });
});
