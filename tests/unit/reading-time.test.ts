import { describe, expect, it } from "vitest";
import { readingTime, WORDS_PER_MINUTE } from "../../src/markdown/remark-reading-time.ts";

describe("readingTime", () => {
  it("counts words separated by any whitespace", () => {
    expect(readingTime("one two\tthree\nfour   five").words).toBe(5);
  });

  it("does not count stray punctuation as words", () => {
    expect(readingTime("Wait - what ? — yes …").words).toBe(3);
  });

  it("counts accented words and numbers", () => {
    expect(readingTime("café 2024 naïve").words).toBe(3);
  });

  it("never says less than one minute", () => {
    expect(readingTime("").minutes).toBe(1);
    expect(readingTime("short").minutes).toBe(1);
  });

  it("rounds to the nearest minute at the reading pace", () => {
    const words = (n: number) => Array.from({ length: n }, () => "word").join(" ");
    expect(readingTime(words(WORDS_PER_MINUTE * 5)).minutes).toBe(5);
    expect(readingTime(words(Math.round(WORDS_PER_MINUTE * 5.4))).minutes).toBe(5);
    expect(readingTime(words(Math.round(WORDS_PER_MINUTE * 5.6))).minutes).toBe(6);
  });
});
