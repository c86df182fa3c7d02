/**
 * The old site builder's widgets and placeholders: text and elements that
 * belong to its page chrome, not to any post.
 */

/** Whole lines or elements with exactly this text are widgets (compared case-insensitively, quotes normalised). */
const WIDGET_TEXT = [
  "please reload",
  "recent posts",
  "see all",
  "featured posts",
  "archive",
  "search by tags",
  "no tags yet.",
  "follow us",
  "back to top",
  "share",
  "share this post",
  "like",
  "likes",
  "comments",
  "write a comment",
  "log in to comment",
  "log in / sign up",
  "i'm busy working on my blog posts. watch this space!",
  "once posts are published, you'll see them here.",
  "stay tuned...",
];

/** Whether a whole line or element text is a builder widget (including view/like/comment counters). */
export function isWidgetText(text: string): boolean {
  // \s covers the no-break spaces builders put in their chrome.
  const t = text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
  if (!t) return false;
  if (WIDGET_TEXT.includes(t)) return true;
  // Counters and reading time: "12 views", "3 likes 0 comments", "2 min read".
  return /^(\d+\s+(views?|likes?|comments?|min read|minutes? read)\s*)+$/.test(t);
}

/**
 * Class names, ids and data-hook values of the builder's widgets: share bars,
 * like buttons, comments, recent/related posts, post footers. Matched as whole
 * words so "likely" or "shared-content" do not count.
 */
export const WIDGET_ATTRIBUTE =
  /(?:^|[\s_-])(share|sharing|social|like|likes|like-button|comments?|recent-posts|related-posts|post-footer|post-tags|post-meta|post-metadata|post-header|post-title|tag-list|categories|pagination|login|subscribe|print-button|views?-counter)(?:$|[\s_-])/i;
