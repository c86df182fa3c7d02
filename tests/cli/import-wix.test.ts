import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite, FIXTURE_CONTENT, ROOT } from "../support/build.ts";
import { runCli, scratch, snapshotTree } from "./run.ts";

const FIXTURES = path.join(ROOT, "tests/fixtures/import");

/**
 * A workspace like a new user's: `content/` (a copy of the fixture site's
 * content) and `old-site/` (the sources), so every printed path is relative.
 */
function workspace(name: string, inProject = false): { cwd: string; content: string } {
  const cwd = inProject ? path.join(ROOT, "tests/.tmp/cli", `${name}-${process.pid}`) : scratch(name);
  fs.rmSync(cwd, { recursive: true, force: true });
  fs.cpSync(FIXTURE_CONTENT, path.join(cwd, "content"), { recursive: true });
  fs.cpSync(FIXTURES, path.join(cwd, "old-site"), { recursive: true });
  return { cwd, content: path.join(cwd, "content") };
}

/** The files an import added or changed, compared with the fixture content. */
function changedFiles(content: string): string[] {
  const before = snapshotTree(FIXTURE_CONTENT);
  const after = snapshotTree(content);
  return Object.keys(after)
    .filter((f) => before[f] !== after[f])
    .sort();
}

const read = (file: string) => fs.readFileSync(file, "utf8");

describe("npm run import:wix", () => {
  it("imports the blog feed: Markdown, front matter, images and redirects exactly as expected", async () => {
    const { cwd, content } = workspace("import-feed");
    const r = await runCli("import-wix", ["old-site/feed/blog-feed.xml", "--write"], { cwd });
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot("__snapshots__/import-feed/output.txt");
    // More than a handful of posts: a progress line each, on stderr.
    expect(r.stderr.trim().split("\n")).toHaveLength(6);
    expect(r.stderr).toContain("[6/6] What clients remember");
    const changed = changedFiles(content);
    expect(changed).toEqual([
      "posts/cafe-community-notes-from-the-olympia-meetup.md",
      "posts/five-ways-to-find-your-first-clients.md",
      "posts/images/local-photo.jpg",
      "posts/pricing-your-sessions-a-gentle-guide.md",
      "posts/self-care-between-sessions.md",
      "posts/what-clients-remember.md",
      "posts/why-networking-matters.md",
      "settings/redirects.yaml",
    ]);
    for (const f of changed.filter((x) => x.endsWith(".md"))) {
      await expect(read(path.join(content, f))).toMatchFileSnapshot(`__snapshots__/import-feed/${path.basename(f)}`);
    }
    await expect(read(path.join(content, "settings/redirects.yaml"))).toMatchFileSnapshot("__snapshots__/import-feed/redirects.yaml");
    // Existing redirects are kept, first and unchanged.
    expect(read(path.join(content, "settings/redirects.yaml")).startsWith(read(path.join(FIXTURE_CONTENT, "settings/redirects.yaml")))).toBe(true);
    expect(
      fs.readFileSync(path.join(content, "posts/images/local-photo.jpg")).equals(fs.readFileSync(path.join(FIXTURES, "feed/images/local-photo.jpg"))),
    ).toBe(true);
  });

  it("imports a folder of saved post pages", async () => {
    const { cwd, content } = workspace("import-pages");
    const r = await runCli("import-wix", ["old-site/pages", "--write"], { cwd });
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot("__snapshots__/import-pages/output.txt");
    const changed = changedFiles(content);
    expect(changed).toEqual([
      "posts/holding-space-for-grief.md",
      "posts/images/candle-mv2.jpg",
      "posts/the-quiet-room.md",
      "settings/redirects.yaml",
    ]);
    for (const f of changed.filter((x) => x.endsWith(".md"))) {
      await expect(read(path.join(content, f))).toMatchFileSnapshot(`__snapshots__/import-pages/${path.basename(f)}`);
    }
    await expect(read(path.join(content, "settings/redirects.yaml"))).toMatchFileSnapshot("__snapshots__/import-pages/redirects.yaml");
  });

  it("reproduces the seed post from the plain-text capture: title, date, wording and section headings", async () => {
    const { cwd, content } = workspace("import-seed");
    const r = await runCli("import-wix", ["old-site/path2practice-blog-page.txt", "--write"], { cwd });
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot("__snapshots__/import-seed/output.txt");
    const slug = "massage-therapists-suffer-from-professional-isolation-and-it-hurts-us";
    const text = read(path.join(content, `posts/${slug}.md`));
    await expect(text).toMatchFileSnapshot(`__snapshots__/import-seed/${slug}.md`);
    expect(text.match(/^#+ .*$/gm)).toEqual([
      "## So what’s the cost of this isolation?",
      "## So what can we do, as massage therapists, to stop isolating and start collaborating?",
    ]);
    // Widgets, placeholders and footer lines are not part of the post.
    for (const widget of ["Please reload", "Recent Posts", "Watch this space", "Washington, USA", "©2016"]) expect(text).not.toContain(widget);
    await expect(read(path.join(content, "settings/redirects.yaml"))).toMatchFileSnapshot("__snapshots__/import-seed/redirects.yaml");
  });

  it("writes nothing on a dry run, and shows what it would write", async () => {
    const { cwd, content } = workspace("import-dry");
    const r = await runCli("import-wix", ["old-site/feed/blog-feed.xml"], { cwd });
    expect(r.code).toBe(0);
    expect(changedFiles(content)).toEqual([]);
    expect(r.stdout).toContain("  new  content/posts/why-networking-matters.md");
    expect(r.stdout).toContain("  /post/why-networking-matters -> /blog/why-networking-matters/");
    expect(r.stdout).toContain("This was a dry run: nothing was written. Run again with --write to import.");
  });

  it("changes nothing when run a second time, and never overwrites an existing post", async () => {
    const { cwd, content } = workspace("import-twice");
    expect((await runCli("import-wix", ["old-site/feed/blog-feed.xml", "--write"], { cwd })).code).toBe(0);
    const edited = path.join(content, "posts/why-networking-matters.md");
    fs.writeFileSync(edited, `${read(edited)}\nA sentence the owner added after the import.\n`);
    const after = snapshotTree(content);
    const again = await runCli("import-wix", ["old-site/feed/blog-feed.xml", "--write"], { cwd });
    expect(again.code).toBe(0);
    expect(snapshotTree(content)).toEqual(after);
    expect(again.stdout).toContain("  skipped  content/posts/why-networking-matters.md");
    expect(again.stdout.trim().split("\n").at(-1)).toBe(
      "Summary: 0 posts imported, 6 skipped, 0 images copied, 0 images to fetch, 0 redirects added.",
    );
  });

  it("rejects malformed feeds with a clear message and writes nothing", async () => {
    const { cwd, content } = workspace("import-malformed");
    const notXml = await runCli("import-wix", ["old-site/malformed/not-xml.xml", "--write"], { cwd });
    expect(notXml.code).toBe(1);
    expect(notXml.stderr).toMatchInlineSnapshot(`
      "Cannot import not-xml.xml:
        - this is not a valid XML feed (line 3, column 1: Expected closing tag 'item' (opened in line 2, col 1) instead of closing tag 'channel'.)
      Nothing was written.
      "
    `);
    const noDate = await runCli("import-wix", ["old-site/malformed/missing-date.xml", "--write"], { cwd });
    expect(noDate.code).toBe(1);
    expect(noDate.stderr).toMatchInlineSnapshot(`
      "Cannot import missing-date.xml:
        - item 2 ("No date here") has no publication date (<pubDate>)
        - item 3 ("Strange date") has a date that cannot be read: "the fourth of June" (expected e.g. "Sun, 03 Sep 2017 18:22:00 GMT")
      Nothing was written.
      "
    `);
    const dupes = await runCli("import-wix", ["old-site/malformed/duplicate-titles.xml", "--write"], { cwd });
    expect(dupes.code).toBe(1);
    expect(dupes.stderr).toMatchInlineSnapshot(`
      "Cannot import duplicate-titles.xml:
        - item 2 ("Same Title") has the same title as item 1; each post needs its own title
      Nothing was written.
      "
    `);
    fs.writeFileSync(path.join(cwd, "old-site/page.xml"), "<!DOCTYPE html><html><body>Not a feed</body></html>");
    const html = await runCli("import-wix", ["old-site/page.xml", "--write"], { cwd });
    expect(html.code).toBe(1);
    expect(html.stderr).toContain("this is a web page, not the XML feed");
    expect(changedFiles(content)).toEqual([]);
  });

  it("treats a missing source or an unknown option as bad usage", async () => {
    const { cwd } = workspace("import-usage");
    const none = await runCli("import-wix", [], { cwd });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: npm run import:wix -- <source>");
    const missing = await runCli("import-wix", ["old-site/nope.xml"], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr.split("\n")[0]).toMatchInlineSnapshot(`""old-site/nope.xml" does not exist."`);
    expect((await runCli("import-wix", ["old-site/feed/blog-feed.xml", "--overwrite"], { cwd })).code).toBe(2);
    expect((await runCli("import-wix", ["--help"], { cwd })).code).toBe(0);
  });

  it("produces posts that pass the content check and build into pages", async () => {
    // Astro resolves MDX and its prerender chunks from the project, so this content copy lives inside it (tests/.tmp is git-ignored).
    const { cwd, content } = workspace("import-build", true);
    for (const source of ["old-site/feed/blog-feed.xml", "old-site/pages"]) {
      expect((await runCli("import-wix", [source, "--write"], { cwd })).code).toBe(0);
    }
    const check = await runCli("content-check", ["--json", "--content", content], { env: { P2P_NOW: "2026-06-01T12:00:00Z" } });
    const report = JSON.parse(check.stdout) as { problems: Array<{ severity: string }> };
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    const { dist } = await buildSite({ name: "cli-import", content, env: { TZ: "UTC" } });
    for (const slug of [
      "five-ways-to-find-your-first-clients",
      "why-networking-matters",
      "cafe-community-notes-from-the-olympia-meetup",
      "holding-space-for-grief",
    ]) {
      expect(fs.existsSync(path.join(dist, `blog/${slug}/index.html`))).toBe(true);
    }
    // The excerpt-only post is a draft: not published.
    expect(fs.existsSync(path.join(dist, "blog/pricing-your-sessions-a-gentle-guide/index.html"))).toBe(false);
    const html = read(path.join(dist, "blog/why-networking-matters/index.html"));
    expect(html).toContain("What a group gives you");
    expect(html).toMatch(/<img[^>]+alt="Five therapists laughing around a table"/);
  }, 300_000);
});
