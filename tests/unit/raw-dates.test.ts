import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rawScalars, withRawDates } from "../../src/content-check/raw-dates.ts";

describe("rawScalars", () => {
  it("reads plain, quoted and commented values of the requested keys only", () => {
    const fm = ["title: x", "date: 2019-03-10T23:30:00", 'updated: "2019-04-02"', "other: 1 # note", "  date: nested"].join("\n");
    expect(rawScalars(fm, ["date", "updated"])).toEqual({ date: "2019-03-10T23:30:00", updated: "2019-04-02" });
  });
});

describe("withRawDates", () => {
  it("gives a date-time without offset its text back, so it is read in the site's time zone", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "raw-dates-")), "post.md");
    fs.writeFileSync(file, "---\ntitle: t\ndate: 2019-03-10T23:30:00\nupdated: 2017-02-30\n---\nbody\n");
    const parsed = { title: "t", date: new Date("2019-03-10T23:30:00Z"), updated: new Date("2017-03-02T00:00:00Z") };
    expect(withRawDates(parsed, file, ["date", "updated"])).toEqual({ title: "t", date: "2019-03-10T23:30:00", updated: "2017-02-30" });
  });

  it("returns data without Date values unchanged, without reading the file", () => {
    const data = { title: "t", date: "2019-03-10" };
    expect(withRawDates(data, "/does/not/exist.md", ["date"])).toBe(data);
  });
});
