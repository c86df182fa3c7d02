/** Reading time: words divided by a calm reading pace. */

/** Average adult silent reading speed for non-fiction, words per minute. */
export const WORDS_PER_MINUTE = 220;

/** Word count and whole minutes (at least 1) for a text. */
export function readingTime(text: string): { words: number; minutes: number } {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return { words, minutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)) };
}
