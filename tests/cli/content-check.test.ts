import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/build.ts";
import { runCli, scratch } from "./run.ts";

const FIXTURE = path.join(ROOT, "tests/fixtures/check/content");
const NOW = { P2P_NOW: "2026-06-01T12:00:00Z" };

/** A copy of the check fixture with a 600 KB image next to big-image.md: a real JPEG (the check reads its format and size), padded after its end. */
function checkFolder(name: string): string {
  const dir = path.join(scratch(name), "content");
  fs.cpSync(FIXTURE, dir, { recursive: true });
  const photo = fs.readFileSync(path.join(FIXTURE, "posts/images/photo.jpg"));
  fs.writeFileSync(path.join(dir, "posts/images/big.jpg"), Buffer.concat([photo, Buffer.alloc(600 * 1024 - photo.length)]));
  return dir;
}

describe("npm run content:check", () => {
  it("reports every error and warning as file:line: message (hint), and exits 1", async () => {
    const content = checkFolder("check-all");
    const r = await runCli("content-check", ["--content", "content"], { cwd: path.dirname(content), env: NOW });
    expect(r.code).toBe(1);
    await expect(r.stdout).toMatchFileSnapshot("__snapshots__/content-check/report.txt");
  });

  it("reports each kind of problem at least once", async () => {
    const content = checkFolder("check-kinds");
    const r = await runCli("content-check", ["--json", "--content", content], { env: NOW });
    const { problems } = JSON.parse(r.stdout) as { problems: Array<{ severity: string; file: string; message: string }> };
    const has = (severity: string, file: string, pattern: RegExp) =>
      problems.some((p) => p.severity === severity && p.file.endsWith(file) && pattern.test(p.message));
    // Errors
    expect(has("error", "bad-schema.md", /not a real calendar date/)).toBe(true);
    expect(has("error", "bad-schema.md", /unknown key/)).toBe(true);
    expect(has("error", "clean-post.md", /duplicate slug/)).toBe(true);
    expect(has("error", "broken-links.md", /"\/blog\/no-such-post\/" leads nowhere/)).toBe(true);
    expect(has("error", "broken-links.md", /"\/tags\/no-such-tag\/" leads nowhere/)).toBe(true);
    expect(has("error", "broken-links.md", /"\/no-such-page\/" leads nowhere/)).toBe(true);
    expect(has("error", "broken-links.md", /leads to a draft/)).toBe(true);
    expect(has("error", "broken-links.md", /"second-post.md" leads nowhere/)).toBe(true);
    expect(has("error", "broken-links.md", /"\/blog\/also-missing\/" leads nowhere/)).toBe(true);
    expect(has("error", "site.yaml", /"\/workshops\/" leads nowhere/)).toBe(true);
    expect(has("error", "redirects.yaml", /leads nowhere: "\/blog\/gone-for-good\/"/)).toBe(true);
    expect(has("error", "redirects.yaml", /redirected twice/)).toBe(true);
    expect(has("error", "missing-image.md", /"\.\/images\/no-such-file\.jpg" is missing/)).toBe(true);
    expect(has("error", "missing-image.md", /"\.\/images\/also-missing\.png" is missing/)).toBe(true);
    expect(has("error", "missing-image.md", /"\.\/images\/no-hero\.jpg" is missing/)).toBe(true);
    expect(has("error", "unsafe-html.md", /raw <script>/)).toBe(true);
    expect(has("error", "unsafe-html.md", /"onerror" runs code/)).toBe(true);
    expect(has("error", "unsafe-html.md", /javascript: address in a link/)).toBe(true);
    expect(has("error", "unsafe-html.md", /javascript: address in HTML/)).toBe(true);
    // Warnings
    expect(has("warning", "weak-metadata.md", /is short/)).toBe(true);
    expect(has("warning", "long-description.md", /search results cut it/)).toBe(true);
    expect(has("warning", "weak-metadata.md", /search results cut titles/)).toBe(true);
    expect(has("warning", "weak-metadata.md", /has no alt text/)).toBe(true);
    expect(has("warning", "weak-metadata.md", /tag "networking" differs only in case or spacing from "Networking"/)).toBe(true);
    expect(has("warning", "weak-metadata.md", /tag "self care" differs only in case or spacing from "Self Care" \(used in 1 post\)/)).toBe(true);
    expect(has("warning", "scheduled.md", /scheduled: the post appears on May 1, 2030/)).toBe(true);
    expect(has("warning", "big-image.md", /is 600 KB \(over 500 KB\)/)).toBe(true);
    // The clean post and code samples raise nothing of their own.
    expect(problems.filter((p) => p.file.endsWith("posts/clean-post.md") && !/duplicate slug/.test(p.message))).toEqual([]);
    expect(problems.some((p) => p.file.endsWith("a-draft.md"))).toBe(false);
  });

  it("exits 0 when there are only warnings, and 1 with --strict", async () => {
    const dir = path.join(scratch("check-warnings"), "content");
    fs.mkdirSync(path.join(dir, "posts"), { recursive: true });
    fs.cpSync(path.join(FIXTURE, "settings/site.yaml"), path.join(dir, "settings/site.yaml"));
    fs.writeFileSync(
      path.join(dir, "settings/site.yaml"),
      fs.readFileSync(path.join(dir, "settings/site.yaml"), "utf8").replace("/workshops/", "/blog/"),
    );
    fs.cpSync(path.join(FIXTURE, "posts/scheduled.md"), path.join(dir, "posts/scheduled.md"));
    const lenient = await runCli("content-check", ["--content", dir], { env: NOW });
    expect(lenient.code).toBe(0);
    expect(lenient.stdout.trim().split("\n").at(-1)).toBe("Checked 2 files: 0 errors, 1 warning.");
    const strict = await runCli("content-check", ["--content", dir, "--strict"], { env: NOW });
    expect(strict.code).toBe(1);
  });

  it("says so plainly when the content is clean", async () => {
    const dir = path.join(scratch("check-clean"), "content");
    fs.mkdirSync(path.join(dir, "posts"), { recursive: true });
    fs.cpSync(path.join(FIXTURE, "settings/site.yaml"), path.join(dir, "settings/site.yaml"));
    fs.writeFileSync(
      path.join(dir, "settings/site.yaml"),
      fs.readFileSync(path.join(dir, "settings/site.yaml"), "utf8").replace("/workshops/", "/blog/"),
    );
    const r = await runCli("content-check", ["--content", dir], { env: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("Checked 1 file: no problems.\n");
  });

  it("treats unknown options and stray arguments as bad usage", async () => {
    expect((await runCli("content-check", ["--fix"])).code).toBe(2);
    const stray = await runCli("content-check", ["posts"]);
    expect(stray.code).toBe(2);
    expect(stray.stderr.split("\n")[0]).toMatchInlineSnapshot(`""posts" is not an option; to check another folder use --content <folder>."`);
    expect((await runCli("content-check", ["--help"])).stdout).toContain("Usage: npm run content:check");
  });
});
