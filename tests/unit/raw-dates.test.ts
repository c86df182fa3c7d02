import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withRawDates } from "../../src/content-check/raw-dates.ts";

describe("withRawDates", () => {
  it("gives a date-time without offset its text back, so it is read in the site's time zone", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "raw-dates-")), "post.md");
    fs.writeFileSync(file, '---\ntitle: t\ndate: 2019-03-10T23:30:00 # a comment\nupdated: "2017-02-30"\n---\nbody\n');
    const parsed = { title: "t", date: new Date("2019-03-10T23:30:00Z"), updated: new Date("2017-03-02T00:00:00Z") };
    expect(withRawDates(parsed, file, ["date", "updated"])).toEqual({ title: "t", date: "2019-03-10T23:30:00", updated: "2017-02-30" });
  });

  it("returns data without Date values unchanged, without reading the file", () => {
    const data = { title: "t", date: "2019-03-10" };
    expect(withRawDates(data, "/does/not/exist.md", ["date"])).toBe(data);
  });
});
