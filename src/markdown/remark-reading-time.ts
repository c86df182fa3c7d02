/** Counts the words of a post and stores the reading time in its front-matter data. */
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import type { VFile } from "vfile";
import { readingTime } from "../lib/reading-time.ts";

/** Adds `readingTime` (minutes) and `wordCount` to `file.data.astro.frontmatter`. */
export default function remarkReadingTime() {
  return (tree: Root, file: VFile) => {
    const stats = readingTime(toString(tree));
    const astro = (file.data.astro ??= {});
    astro.frontmatter = { ...astro.frontmatter, readingTime: stats.minutes, wordCount: stats.words };
  };
}
