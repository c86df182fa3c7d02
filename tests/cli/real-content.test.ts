import { expect, it } from "vitest";
import { runCli } from "./run.ts";

it("finds no errors in the site's real content (content/)", async () => {
  const r = await runCli("content-check", ["--json", "--content", "content"]);
  const report = JSON.parse(r.stdout) as { errors: number; problems: Array<{ severity: string; file: string; line?: number; message: string }> };
  expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
  expect(r.code).toBe(0);
});
