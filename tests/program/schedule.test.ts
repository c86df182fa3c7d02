import { describe, expect, it } from "vitest";
import { describeDuration, describeSchedule, formatSession, isoDuration, nextSession } from "../../src/lib/schedule.ts";

const wednesdays = { weekday: "Wednesday", startTime: "18:00", durationMinutes: 60, timeZone: "America/Los_Angeles", timeZoneName: "Pacific" };

describe("the weekly schedule", () => {
  it("reads as the program's own time when there is no JavaScript", () => {
    expect(describeSchedule(wednesdays)).toBe("Wednesdays, 6:00 pm Pacific");
    expect(describeSchedule({ ...wednesdays, weekday: "Sunday", startTime: "09:05", timeZoneName: "Eastern" })).toBe("Sundays, 9:05 am Eastern");
    expect(describeSchedule({ ...wednesdays, startTime: "00:30" })).toBe("Wednesdays, 12:30 am Pacific");
  });

  it("finds the next call from a Monday in June (PDT, UTC-7)", () => {
    const next = nextSession(wednesdays, new Date("2026-06-01T12:00:00Z"));
    expect(next.start.toISOString()).toBe("2026-06-04T01:00:00.000Z");
    expect(next.end.toISOString()).toBe("2026-06-04T02:00:00.000Z");
  });

  it("keeps showing a call that has started but not ended", () => {
    const during = new Date("2026-06-04T01:30:00Z");
    expect(nextSession(wednesdays, during).start.toISOString()).toBe("2026-06-04T01:00:00.000Z");
    const after = new Date("2026-06-04T02:00:00Z");
    expect(nextSession(wednesdays, after).start.toISOString()).toBe("2026-06-11T01:00:00.000Z");
  });

  it("uses the program's calendar day, not UTC's: Wednesday evening in LA is already Thursday in UTC", () => {
    // 2026-06-04T00:30Z is Wednesday 17:30 in Los Angeles: today's call is still ahead.
    expect(nextSession(wednesdays, new Date("2026-06-04T00:30:00Z")).start.toISOString()).toBe("2026-06-04T01:00:00.000Z");
  });

  it("stays at 6 pm local across both daylight-saving changes while the UTC hour moves", () => {
    // Each call is found from the moment the one before it ends.
    const weeks = (from: string) => {
      const starts = [nextSession(wednesdays, new Date(from))];
      for (let i = 1; i < 3; i++) starts.push(nextSession(wednesdays, starts[i - 1]!.end));
      return starts.map((s) => s.start.toISOString());
    };
    expect(weeks("2026-03-01T00:00:00Z")).toEqual(["2026-03-05T02:00:00.000Z", "2026-03-12T01:00:00.000Z", "2026-03-19T01:00:00.000Z"]);
    expect(weeks("2026-10-25T00:00:00Z")).toEqual(["2026-10-29T01:00:00.000Z", "2026-11-05T02:00:00.000Z", "2026-11-12T02:00:00.000Z"]);
  });

  it("formats the next call in a reader's own time zone", () => {
    const next = nextSession(wednesdays, new Date("2026-06-01T12:00:00Z"));
    expect(formatSession(next, "Europe/London")).toEqual({ date: "Thursday, June 4", time: "2:00 am", zone: "British Summer Time" });
    expect(formatSession(next, "Asia/Tokyo")).toEqual({ date: "Thursday, June 4", time: "10:00 am", zone: "Japan Standard Time" });
    expect(formatSession(next, "America/Los_Angeles")).toEqual({ date: "Wednesday, June 3", time: "6:00 pm", zone: "Pacific Daylight Time" });
  });

  it("says how long a call is, for people and for machines", () => {
    expect(describeDuration(60)).toBe("1 hour");
    expect(describeDuration(90)).toBe("90 minutes");
    expect(describeDuration(120)).toBe("2 hours");
    expect(isoDuration(60)).toBe("PT1H");
    expect(isoDuration(90)).toBe("PT1H30M");
    expect(isoDuration(45)).toBe("PT45M");
  });

  it("rejects a weekday or time it cannot read, naming the value", () => {
    expect(() => nextSession({ ...wednesdays, weekday: "Wednsday" }, new Date())).toThrowErrorMatchingInlineSnapshot(
      `[Error: unknown weekday "Wednsday": use Monday ... Sunday]`,
    );
    expect(() => nextSession({ ...wednesdays, startTime: "6pm" }, new Date())).toThrowErrorMatchingInlineSnapshot(
      `[Error: "6pm" is not a 24-hour time like 18:00]`,
    );
  });
});
