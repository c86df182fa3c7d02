/**
 * A broken content file stops the real `astro build` with a message naming the
 * file, the line and the field, in words an author can act on. Each case
 * builds a throwaway copy of the fixture content with one broken file.
 * The builds are short (the content guard stops them before Astro renders
 * anything) and run one after another.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite, copyContent, FIXTURE_CONTENT } from "../support/build.ts";
import { writeFileIn } from "../support/files.ts";

/** Writes files into a fresh copy of the fixture content, builds it, and returns the problem lines of the failed build. */
async function failedBuild(name: string, files: Record<string, string>): Promise<string> {
  const content = copyContent(FIXTURE_CONTENT, `bad-${name}`);
  for (const [file, text] of Object.entries(files)) writeFileIn(content, file, text);
  const before = Object.fromEntries(Object.keys(files).map((f) => [f, fs.readFileSync(path.join(content, f), "utf8")]));
  let log = "";
  try {
    await buildSite({ name: `bad-${name}`, content, env: { TZ: "UTC" } });
  } catch (err) {
    log = String((err as { log?: string }).log ?? err);
  }
  expect(log, "the build should have failed").not.toBe("");
  // Nothing is lost: the broken files are left exactly as they were.
  for (const [file, text] of Object.entries(before)) expect(fs.readFileSync(path.join(content, file), "utf8")).toBe(text);
  const rel = path.relative(process.cwd(), content);
  return log
    .split("\n")
    .filter((line) => line.startsWith(rel) || line.startsWith("The build stopped"))
    .map((line) => line.replaceAll(rel, "<content>"))
    .join("\n");
}

const post = (frontMatter: string, body = "Some words.\n") => `---\n${frontMatter.trim()}\n---\n\n${body}`;
const VALID = "title: A fine title\ndescription: A fine description.\ndate: 2020-01-01\ntags: [Networking]";

describe("a build with broken content", () => {
  it("names the file and field of a missing title", async () => {
    expect(await failedBuild("missing-title", { "posts/no-title.md": post("description: No title here.\ndate: 2020-01-01") })).toMatchInlineSnapshot(`
      "The build stopped: 1 content problem to fix first.
      <content>/posts/no-title.md:1: error: title: is required"
    `);
  });

  it("rejects an impossible date instead of rolling 2017-02-30 over to March 2", async () => {
    expect(await failedBuild("impossible-date", { "posts/leap.md": post(VALID.replace("2020-01-01", "2017-02-30")) })).toMatchInlineSnapshot(`
      "The build stopped: 1 content problem to fix first.
      <content>/posts/leap.md:4: error: date: "2017-02-30" is not a real calendar date"
    `);
  });

  it("rejects a date it cannot read", async () => {
    expect(await failedBuild("unreadable-date", { "posts/when.md": post(VALID.replace("2020-01-01", "next Tuesday")) })).toMatchInlineSnapshot(`
      "The build stopped: 1 content problem to fix first.
      <content>/posts/when.md:4: error: date: "next Tuesday" is not a date; use YYYY-MM-DD or an ISO date-time like 2024-05-31T09:30:00-07:00"
    `);
  });

  it("rejects a description over 200 characters", async () => {
    expect(
      await failedBuild("long-description", {
        "posts/wordy.md": post(VALID.replace("A fine description.", "A very long description. ".repeat(9).trim())),
      }),
    ).toMatchInlineSnapshot(`
      "The build stopped: 1 content problem to fix first.
      <content>/posts/wordy.md:3: error: description: must be at most 200 characters"
    `);
  });

  it("rejects tags that are not a list of text entries", async () => {
    expect(
      await failedBuild("bad-tags", {
        "posts/tags-string.md": post(VALID.replace("tags: [Networking]", "tags: Networking")),
        "posts/tags-number.md": post(VALID.replace("tags: [Networking]", "tags: [Networking, 5]")),
      }),
    ).toMatchInlineSnapshot(`
      "The build stopped: 2 content problems to fix first.
      <content>/posts/tags-number.md:5: error: tags.1: each entry must be text
      <content>/posts/tags-string.md:5: error: tags: must be a list of text entries, e.g. [networking, isolation]"
    `);
  });

  it("rejects an unknown key such as a misspelt draft", async () => {
    expect(await failedBuild("unknown-key", { "posts/typo.md": post(`${VALID}\ndarft: true`) })).toMatchInlineSnapshot(`
      "The build stopped: 1 content problem to fix first.
      <content>/posts/typo.md:6: error: darft: unknown key (not a posts field) (known fields: title, description, date, updated, author, tags, draft, image, imageAlt, cta)"
    `);
  });

  it("requires alt text when a post has an image", async () => {
    expect(await failedBuild("image-alt", { "posts/no-alt.md": post(`${VALID}\nimage: ./images/hero.jpg`) })).toMatchInlineSnapshot(`
      "The build stopped: 1 content problem to fix first.
      <content>/posts/no-alt.md:1: error: imageAlt: is required when an image is set (describe the image)"
    `);
  });

  it("points to the line of malformed YAML", async () => {
    expect(await failedBuild("malformed-yaml", { "posts/broken-yaml.md": post('title: "An unclosed quote\ndescription: Fine.\ndate: 2020-01-01') }))
      .toMatchInlineSnapshot(`
      "The build stopped: 1 content problem to fix first.
      <content>/posts/broken-yaml.md:2: error: malformed YAML: Missing closing "quote"
    `);
  });

  it("rejects two posts with the same slug in different folders", async () => {
    expect(
      await failedBuild("same-slug-folders", {
        "posts/2019/twin.md": post(VALID),
        "posts/2020/twin.md": post(VALID.replace("A fine title", "Another title")),
      }),
    ).toMatchInlineSnapshot(`
      "The build stopped: 1 content problem to fix first.
      <content>/posts/2020/twin.md: error: duplicate slug "twin": posts/2019/twin.md has the same name (rename one of the files; the file name is the page address)"
    `);
  });

  it("rejects a Markdown and an MDX post with the same slug", async () => {
    expect(
      await failedBuild("same-slug-mdx", {
        "posts/twin.md": post(VALID),
        "posts/twin.mdx": post(VALID.replace("A fine title", "Another title")),
      }),
    ).toMatchInlineSnapshot(`
      "The build stopped: 1 content problem to fix first.
      <content>/posts/twin.mdx: error: duplicate slug "twin": posts/twin.md has the same name (rename one of the files; the file name is the page address)"
    `);
  });
});
