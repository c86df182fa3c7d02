/**
 * A broken content file stops the real `astro build` with a message naming the
 * file, the line and the field, in words an author can act on. The content
 * guard reads every file before it stops the build and reports every problem
 * at once, so all the broken files go into one throwaway copy of the fixture
 * content and one build; each case then reads the lines naming its own files.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
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

/** One broken case per entry: the files it writes. */
const CASES = {
  "missing-title": { "posts/no-title.md": post("description: No title here.\ndate: 2020-01-01") },
  "impossible-date": { "posts/leap.md": post(VALID.replace("2020-01-01", "2017-02-30")) },
  "unreadable-date": { "posts/when.md": post(VALID.replace("2020-01-01", "next Tuesday")) },
  "long-description": { "posts/wordy.md": post(VALID.replace("A fine description.", "A very long description. ".repeat(9).trim())) },
  "bad-tags": {
    "posts/tags-string.md": post(VALID.replace("tags: [Networking]", "tags: Networking")),
    "posts/tags-number.md": post(VALID.replace("tags: [Networking]", "tags: [Networking, 5]")),
  },
  "unknown-key": { "posts/typo.md": post(`${VALID}\ndarft: true`) },
  "image-alt": { "posts/no-alt.md": post(`${VALID}\nimage: ./images/hero.jpg`) },
  "malformed-yaml": { "posts/broken-yaml.md": post('title: "An unclosed quote\ndescription: Fine.\ndate: 2020-01-01') },
  "same-slug-folders": {
    "posts/2019/twin.md": post(VALID),
    "posts/2020/twin.md": post(VALID.replace("A fine title", "Another title")),
  },
  "same-slug-mdx": {
    "posts/pair.md": post(VALID),
    "posts/pair.mdx": post(VALID.replace("A fine title", "Another title")),
  },
} satisfies Record<string, Record<string, string>>;

let problems: string[];

beforeAll(async () => {
  problems = (await failedBuild("all", Object.assign({}, ...Object.values(CASES)) as Record<string, string>)).split("\n");
}, 180_000);

/** The problem lines naming the files of one case. */
const linesOf = (files: Record<string, string>) =>
  problems.filter((line) => Object.keys(files).some((f) => line.startsWith(`<content>/${f}:`))).join("\n");

describe("a build with broken content", () => {
  it("stops once, naming every problem and no other", () => {
    expect(problems[0]).toBe("The build stopped: 11 content problems to fix first.");
    expect(problems.slice(1).sort()).toEqual(
      Object.values(CASES)
        .flatMap((files) => linesOf(files).split("\n"))
        .sort(),
    );
  });

  it("names the file and field of a missing title", () => {
    expect(linesOf(CASES["missing-title"])).toMatchInlineSnapshot(`"<content>/posts/no-title.md:1: error: title: is required"`);
  });

  it("rejects an impossible date instead of rolling 2017-02-30 over to March 2", () => {
    expect(linesOf(CASES["impossible-date"])).toMatchInlineSnapshot(
      `"<content>/posts/leap.md:4: error: date: "2017-02-30" is not a real calendar date"`,
    );
  });

  it("rejects a date it cannot read", () => {
    expect(linesOf(CASES["unreadable-date"])).toMatchInlineSnapshot(
      `"<content>/posts/when.md:4: error: date: "next Tuesday" is not a date; use YYYY-MM-DD or an ISO date-time like 2024-05-31T09:30:00-07:00"`,
    );
  });

  it("rejects a description over 200 characters", () => {
    expect(linesOf(CASES["long-description"])).toMatchInlineSnapshot(
      `"<content>/posts/wordy.md:3: error: description: must be at most 200 characters"`,
    );
  });

  it("rejects tags that are not a list of text entries", () => {
    expect(linesOf(CASES["bad-tags"])).toMatchInlineSnapshot(`
      "<content>/posts/tags-number.md:5: error: tags.1: each entry must be text
      <content>/posts/tags-string.md:5: error: tags: must be a list of text entries, e.g. [networking, isolation]"
    `);
  });

  it("rejects an unknown key such as a misspelt draft", () => {
    expect(linesOf(CASES["unknown-key"])).toMatchInlineSnapshot(
      `"<content>/posts/typo.md:6: error: darft: unknown key (not a posts field) (known fields: title, description, date, updated, author, tags, draft, image, imageAlt, cta)"`,
    );
  });

  it("requires alt text when a post has an image", () => {
    expect(linesOf(CASES["image-alt"])).toMatchInlineSnapshot(
      `"<content>/posts/no-alt.md:1: error: imageAlt: is required when an image is set (describe the image)"`,
    );
  });

  it("points to the line of malformed YAML", () => {
    expect(linesOf(CASES["malformed-yaml"])).toMatchInlineSnapshot(
      `"<content>/posts/broken-yaml.md:2: error: malformed YAML: Missing closing "quote"`,
    );
  });

  it("rejects two posts with the same slug in different folders", () => {
    expect(linesOf(CASES["same-slug-folders"])).toMatchInlineSnapshot(
      `"<content>/posts/2020/twin.md: error: duplicate slug "twin": posts/2019/twin.md has the same name (rename one of the files; the file name is the page address)"`,
    );
  });

  it("rejects a Markdown and an MDX post with the same slug", () => {
    expect(linesOf(CASES["same-slug-mdx"])).toMatchInlineSnapshot(
      `"<content>/posts/pair.mdx: error: duplicate slug "pair": posts/pair.md has the same name (rename one of the files; the file name is the page address)"`,
    );
  });
});
