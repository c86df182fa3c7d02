import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import matter from "gray-matter";
import { afterAll, describe, expect, it } from "vitest";
import { generatePost, writeSite } from "../../bench/generate.ts";
import { postFields, checkPost } from "../../src/schema/post.ts";
import { FIXTURE_CONTENT } from "../support/build.ts";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "p2p-bench-test-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile())
      out[path.relative(dir, path.join(entry.parentPath, entry.name))] = fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8");
  return out;
}

describe("the benchmark's synthetic site", () => {
  it("is byte-identical for the same seed and size", () => {
    writeSite(path.join(scratch, "a"), { posts: 40, template: FIXTURE_CONTENT });
    writeSite(path.join(scratch, "b"), { posts: 40, template: FIXTURE_CONTENT });
    expect(files(path.join(scratch, "a"))).toEqual(files(path.join(scratch, "b")));
  });

  it("changes with the seed, and a post does not depend on the posts before it", () => {
    expect(generatePost(7, 100, 1).text).not.toBe(generatePost(7, 100, 2).text);
    expect(generatePost(7, 100, 1).text).toBe(generatePost(7, 100, 1).text);
  });

  it("writes posts of about 840 words with headings, lists, links and a code block", () => {
    for (const i of [0, 1, 2, 50, 99]) {
      const { content } = matter(generatePost(i, 100).text);
      const words = content.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length;
      expect(words).toBeGreaterThanOrEqual(800);
      expect(words).toBeLessThanOrEqual(950);
      expect(content).toMatch(/^## /m);
      expect(content).toMatch(/^(- |1\. )/m);
      expect(content).toMatch(/\]\((\/blog\/|https:\/\/)/);
      expect(content.match(/^```/gm)).toHaveLength(2);
    }
  });

  it("writes front matter the site's post schema accepts, with tags from a pool, dates over years and a few drafts", () => {
    const posts = Array.from({ length: 400 }, (_, i) => matter(generatePost(i, 400).text).data);
    const names = new Set(postFields.map((f) => f.name));
    for (const data of posts) {
      for (const key of Object.keys(data)) expect(names).toContain(key);
      expect(typeof data["title"]).toBe("string");
      expect((data["description"] as string).length).toBeLessThanOrEqual(200);
      expect(checkPost(data)).toEqual([]);
    }
    const years = new Set(posts.map((d) => (d["date"] as Date).getUTCFullYear()));
    expect(years.size).toBeGreaterThanOrEqual(10);
    const tags = new Set(posts.flatMap((d) => d["tags"] as string[]));
    expect(tags.size).toBeGreaterThan(20);
    const drafts = posts.filter((d) => d["draft"] === true).length;
    expect(drafts).toBeGreaterThan(0);
    expect(drafts).toBeLessThan(posts.length * 0.05);
  });

  it("is a full content folder: the fixture's settings and pages, and redirects to generated posts that exist", () => {
    const dir = path.join(scratch, "full");
    writeSite(dir, { posts: 30, template: FIXTURE_CONTENT });
    expect(fs.existsSync(path.join(dir, "settings/site.yaml"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "pages/about.md"))).toBe(true);
    const redirects = fs.readFileSync(path.join(dir, "settings/redirects.yaml"), "utf8");
    for (const [, slug] of redirects.matchAll(/to: \/blog\/([^/]+)\//g)) expect(fs.existsSync(path.join(dir, "posts", `${slug}.md`))).toBe(true);
  });

  it("refuses to write into a folder that already holds files", () => {
    const dir = path.join(scratch, "busy");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "keep.md"), "mine");
    expect(() => writeSite(dir, { posts: 1, template: FIXTURE_CONTENT })).toThrow(/refusing to generate into a folder that is not empty/);
    expect(fs.readFileSync(path.join(dir, "keep.md"), "utf8")).toBe("mine");
  });
});
