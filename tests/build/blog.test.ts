import { describe, expect, it } from "vitest";
import { readDist } from "../support/build.ts";

describe("the fixture blog build", () => {
  it("shows the brand from the settings file, not a hard-coded one", () => {
    const home = readDist("main", "index.html");
    expect(home).toContain("Quiet Hands Studio");
    expect(home).not.toContain("Path2Practice");
  });
});
