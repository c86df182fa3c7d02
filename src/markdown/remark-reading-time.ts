/** Counts the words of a post and stores the reading time in its front-matter data. */
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import type { VFile } from "vfile";

/** Average adult silent reading speed for non-fiction, words per minute. */
export const WORDS_PER_MINUTE = 220;

/** Word count (whitespace-separated runs with a letter or digit) and whole minutes (at least 1) for a text. */
export function readingTime(text: string): { words: number; minutes: number } {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return { words, minutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)) };
}

/** Adds `readingTime` (minutes) and `wordCount` to `file.data.astro.frontmatter`. */
export default function remarkReadingTime() {
  return (tree: Root, file: VFile) => {
    const stats = readingTime(toString(tree));
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, readingTime: stats.minutes, wordCount: stats.words };
  };
}
