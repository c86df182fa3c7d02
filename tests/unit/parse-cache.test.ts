import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ParseCache } from "../../src/lib/content/parse-cache.ts";
import { readContentFile, type ContentFile } from "../../src/lib/content/read.ts";
import { TMP } from "../support/build.ts";

const DIR = path.join(TMP, "parse-cache-test");
const POST = path.join(DIR, "post.md");
const CACHE = path.join(DIR, "cache", "content-parse.bin");
const TEXT = "---\ntitle: Hello\ndate: 2024-05-31\n---\nBody.\n";

beforeEach(() => {
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  fs.writeFileSync(POST, TEXT);
});
afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));

describe("the content parse cache", () => {
  it("gives back, in a later run, what an earlier run parsed for the same text", () => {
    const first = new ParseCache(CACHE);
    const parsed = readContentFile(POST, first);
    expect(parsed.data).toEqual({ title: "Hello", date: "2024-05-31" });
    first.save();
    // A planted entry proves the second run reads the cache instead of parsing.
    const planted: ContentFile = { ...parsed, data: { title: "From the cache" } };
    const seeding = new ParseCache(CACHE);
    seeding.set(POST, TEXT, planted);
    seeding.save();
    expect(readContentFile(POST, new ParseCache(CACHE)).data).toEqual({ title: "From the cache" });
  });

  it("parses again when the text changed, so an edit is never hidden", () => {
    const cache = new ParseCache(CACHE);
    readContentFile(POST, cache);
    cache.save();
    fs.writeFileSync(POST, TEXT.replace("Hello", "Hello again"));
    expect(readContentFile(POST, new ParseCache(CACHE)).data["title"]).toBe("Hello again");
  });

  it("keeps only the files seen in the last run, and starts empty from a damaged file", () => {
    const other = path.join(DIR, "other.md");
    fs.writeFileSync(other, TEXT);
    const cache = new ParseCache(CACHE);
    readContentFile(POST, cache);
    readContentFile(other, cache);
    cache.save();
    const next = new ParseCache(CACHE);
    readContentFile(POST, next);
    next.save();
    expect(new ParseCache(CACHE).get(other, TEXT)).toBeUndefined();
    expect(new ParseCache(CACHE).get(POST, TEXT)).toBeDefined();
    fs.writeFileSync(CACHE, "not a cache");
    expect(new ParseCache(CACHE).get(POST, TEXT)).toBeUndefined();
  });
});
