/**
 * File names are addresses: a post file whose name the address rule would
 * change, or two files that map to one address (case, accents, Unicode
 * form), stop the real build and `content:check` naming every file involved;
 * no Markdown file is ever silently left out. Names are written here, never
 * committed: several of them cannot be checked out on every disk.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkFileNames } from "../../src/content-check/file-names.ts";
import { buildSite, copyContent, FIXTURE_CONTENT } from "../support/build.ts";
import { writeFileIn } from "../support/files.ts";
import { runCli } from "../cli/run.ts";

const post = (title: string) =>
  `---\ntitle: ${title}\ndescription: A fine description of this post.\ndate: 2020-01-01\ntags: [Networking]\n---\n\nSome words.\n`;

const NFC = "caf\u00e9";
const NFD = "cafe\u0301";

/** Each hostile name, and what its error must say. */
const BAD: Array<[string, RegExp]> = [
  ["posts/Welcome.md", /"Welcome" cannot be a web address.*rename it to welcome\.md/],
  [`posts/${NFC}.md`, /"café" cannot be a web address.*rename it to cafe\.md/],
  [`posts/${NFD}.md`, /cannot be a web address.*rename it to cafe\.md/],
  ["posts/_underscore.md", /"_underscore" cannot be a web address/],
  ["posts/.hidden.md", /hidden file or folder/],
  ["posts/.drafts/inside.md", /hidden file or folder/],
  ["posts/SHOUT.MD", /extension must be \.md or \.mdx in lower case.*rename it to shout\.md/],
  ["posts/hash#tag.md", /"hash#tag" cannot be a web address/],
  ["posts/query?.md", /"query\?" cannot be a web address/],
  ["posts/100%.md", /"100%" cannot be a web address/],
  ["posts/two  spaces.md", /"two {2}spaces" cannot be a web address.*rename it to two-spaces\.md/],
  ["posts/🌿.md", /"🌿" cannot be a web address.*give it a name with letters or digits/],
  ["posts/old-post.markdown", /extension must be \.md or \.mdx.*rename it to old-post\.md/],
  ["posts/notes.txt", /only \.md and \.mdx files are published/],
  ["pages/About-Us.md", /"About-Us" cannot be a web address/],
];

/** Lines of a report that mention a file (relative to `content`, prefixed `<content>/`). */
function linesAbout(report: string, content: string, file: string): string[] {
  const rel = path.relative(process.cwd(), path.join(content, file));
  return report.split("\n").filter((l) => l.startsWith(`${rel}:`) || l.startsWith(`${path.join(content, file)}:`));
}

function hostileContent(name: string): string {
  const content = copyContent(FIXTURE_CONTENT, name);
  for (const [file] of BAD) writeFileIn(content, file, post(`Title of ${path.basename(file)}`));
  return content;
}

describe("file names and addresses", () => {
  it("the build stops naming each file whose name is not an address, and both files of a clash", async () => {
    const content = hostileContent("names-build");
    let log = "";
    try {
      await buildSite({ name: "names-build", content, env: { TZ: "UTC" } });
    } catch (err) {
      log = String((err as { log?: string }).log ?? err);
    }
    expect(log, "the build should have failed").toMatch(/The build stopped: \d+ content problems/);
    for (const [file, message] of BAD) expect(linesAbout(log, content, file).join("\n"), file).toMatch(message);
    // Case-only clash: Welcome.md and welcome.md.
    expect(linesAbout(log, content, "posts/welcome.md").join("\n")).toMatch(/same address \("welcome"\) as posts\/Welcome\.md/);
    // NFC and NFD spellings of one name: both named, with which form each is.
    // (NFD sorts first, so the clash is reported on the NFC file.)
    const nfcLines = linesAbout(log, content, `posts/${NFC}.md`).join("\n");
    expect(nfcLines).toContain(`same address ("cafe") as posts/${NFD}.md`);
    expect(nfcLines).toMatch(/this one is NFC, the other NFD/);
    // Nothing was touched.
    for (const [file] of BAD) expect(fs.existsSync(path.join(content, file)), file).toBe(true);
  }, 240_000);

  it("content:check reports the same problems", async () => {
    const content = hostileContent("names-check");
    const r = await runCli("content-check", ["--json", "--content", content], { env: { P2P_NOW: "2026-06-01T12:00:00Z" } });
    expect(r.code).toBe(1);
    const { problems } = JSON.parse(r.stdout) as { problems: Array<{ severity: string; file: string; message: string; hint?: string }> };
    const about = (file: string) =>
      problems
        .filter((p) => p.severity === "error" && path.resolve(p.file) === path.join(content, file))
        .map((p) => `${p.message} (${p.hint ?? ""})`)
        .join("\n");
    for (const [file, message] of BAD) expect(about(file), file).toMatch(message);
    expect(about("posts/welcome.md")).toMatch(/same address \("welcome"\) as posts\/Welcome\.md/);
    expect(about(`posts/${NFC}.md`)).toMatch(/this one is NFC, the other NFD/);
  });

  it("a build of valid names publishes every Markdown file; hidden non-Markdown files and images/ are documented exclusions", async () => {
    const content = copyContent(FIXTURE_CONTENT, "names-ok");
    const long = `a-${"long-name-".repeat(20)}end`;
    writeFileIn(content, `posts/${long}.md`, post("A long address"));
    writeFileIn(content, "posts/2024/in-a-folder.mdx", post("In a folder"));
    writeFileIn(content, "posts/.DS_Store", "junk");
    writeFileIn(content, "posts/images/notes.txt", "not a post");
    const { dist } = await buildSite({ name: "names-ok", content, env: { TZ: "UTC" } });
    expect(fs.existsSync(path.join(dist, "blog", long, "index.html"))).toBe(true);
    expect(fs.existsSync(path.join(dist, "blog", "in-a-folder", "index.html"))).toBe(true);
    // Every Markdown file of the folder is a page of the build.
    const markdown = (fs.readdirSync(path.join(content, "posts"), { recursive: true }) as string[]).filter((f) => /\.mdx?$/.test(f));
    const drafts = markdown.filter((f) => /^draft: true$/m.test(fs.readFileSync(path.join(content, "posts", f), "utf8")));
    const future = markdown.filter((f) => /future/.test(f));
    for (const f of markdown.filter((x) => !drafts.includes(x) && !future.includes(x))) {
      expect(fs.existsSync(path.join(dist, "blog", path.basename(f).replace(/\.mdx?$/, ""), "index.html")), f).toBe(true);
    }
  }, 240_000);

  it("sorts a listing into published files and problems", () => {
    const { published, problems } = checkFileNames(["a.md", "b.mdx", "images/X Y.png", ".DS_Store", "2019/c.md", "program.yaml", "A.md", "x.yaml"], {
      folder: "pages",
      dataFiles: ["program.yaml"],
    });
    expect(published).toEqual(["2019/c.md", "a.md", "b.mdx"]);
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'A.md: "A" cannot be a web address',
      "x.yaml: only .md and .mdx files are published from this folder",
      'a.md: has the same address ("a") as pages/A.md',
    ]);
  });
});
