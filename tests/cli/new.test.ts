import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_CONTENT, ROOT } from "../support/build.ts";
import { runCli, scratch } from "./run.ts";

/** A content folder with just the fixture site's settings (time zone America/Los_Angeles). */
function contentFolder(name: string): string {
  const dir = path.join(scratch(name), "content");
  fs.mkdirSync(path.join(dir, "settings"), { recursive: true });
  fs.copyFileSync(path.join(FIXTURE_CONTENT, "settings/site.yaml"), path.join(dir, "settings/site.yaml"));
  return dir;
}

describe("npm run new", () => {
  it("creates a dated draft named after the title and prints its path", async () => {
    const content = contentFolder("new-basic");
    // 03:00 UTC on June 2 is still June 1 in the site's time zone (Los Angeles).
    const r = await runCli("new", ["Finding clients who stay", "--content", content], {
      cwd: path.dirname(content),
      env: { P2P_NOW: "2026-06-02T03:00:00Z" },
    });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("content/posts/finding-clients-who-stay.md");
    expect(fs.readFileSync(path.join(content, "posts/finding-clients-who-stay.md"), "utf8")).toBe(
      ["---", 'title: "Finding clients who stay"', 'description: ""', "date: 2026-06-01", "tags: []", "draft: true", "---", "", ""].join("\n"),
    );
  });

  it("writes what README shows", async () => {
    const content = contentFolder("new-readme");
    const r = await runCli("new", ["My post title", "--content", content], { env: { P2P_NOW: "2026-11-26T20:00:00Z" } });
    expect(r.code).toBe(0);
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const shown = /By hand: `npm run new -- "My post title"`[\s\S]*?```md\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(fs.readFileSync(path.join(content, "posts/my-post-title.md"), "utf8")).toBe(`${shown}\n`);
  });

  it("keeps punctuation, accents, quotes and emoji in the title and builds a plain address from them", async () => {
    const content = contentFolder("new-special");
    const title = 'Café & "Community": 5 ideas — #1 is 🌿 \\ yes';
    const r = await runCli("new", [title, "--content", content], { env: { P2P_NOW: "2026-06-01T12:00:00Z" } });
    expect(r.code).toBe(0);
    const file = path.join(content, "posts/cafe-community-5-ideas-1-is-yes.md");
    const text = fs.readFileSync(file, "utf8");
    expect(text.split("\n")[1]).toBe('title: "Café & \\"Community\\": 5 ideas — #1 is 🌿 \\\\ yes"');
    // The file must read back as exactly the title that was typed.
    const { readContentFile } = await import("../../src/content-check/read.ts");
    expect(readContentFile(file).data["title"]).toBe(title);
  });

  it("refuses to overwrite an existing post and leaves it untouched", async () => {
    const content = contentFolder("new-exists");
    fs.mkdirSync(path.join(content, "posts"));
    fs.writeFileSync(path.join(content, "posts/my-post.md"), "keep me");
    const r = await runCli("new", ["My post!", "--content", content]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("A post with this address already exists");
    expect(fs.readFileSync(path.join(content, "posts/my-post.md"), "utf8")).toBe("keep me");
  });

  it("refuses a title whose address a post in a subfolder already has", async () => {
    const content = contentFolder("new-exists-deep");
    fs.mkdirSync(path.join(content, "posts/2019"), { recursive: true });
    fs.writeFileSync(path.join(content, "posts/2019/my-post.mdx"), "keep me");
    const r = await runCli("new", ["My Post", "--content", content]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/A post with this address already exists: .*posts\/2019\/my-post\.mdx/);
    expect(fs.existsSync(path.join(content, "posts/my-post.md"))).toBe(false);
  });

  it("explains when a title has nothing to build an address from", async () => {
    const content = contentFolder("new-empty-slug");
    const r = await runCli("new", ["🌿 !!", "--content", content]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toMatchInlineSnapshot(
      `""🌿 !!" has no letters or digits to build the post's web address from. Add at least one word, e.g. "🌿 !! Notes"."`,
    );
    expect(fs.existsSync(path.join(content, "posts"))).toBe(false);
  });

  it("shows help, and treats a missing title or an unknown option as bad usage", async () => {
    const help = await runCli("new", ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run new -- "Post title"');
    const none = await runCli("new", []);
    expect(none.code).toBe(2);
    expect(none.stderr.split("\n")[0]).toMatchInlineSnapshot(`"Please give the post's title in quotes."`);
    const unknown = await runCli("new", ["Title", "--force"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split("\n")[0]).toMatchInlineSnapshot(`""--force" is not an option of this command."`);
    const split = await runCli("new", ["Two", "words"]);
    expect(split.code).toBe(2);
  });

  it("names the settings file when the content folder has none", async () => {
    const dir = scratch("new-no-settings");
    const r = await runCli("new", ["A title", "--content", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`No site settings found at ${path.join(dir, "settings", "site.yaml")}`);
  });
});
