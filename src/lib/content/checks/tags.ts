/** Tags that differ only in case or spacing ("Networking", "networking", "Net working") split readers' tag pages or look inconsistent. */
import type { Problem } from "../validate.ts";
import type { CheckContext } from "./context.ts";

/** Two spellings with the same key are the same tag written differently. */
export function tagKey(tag: string): string {
  return tag.toLowerCase().replace(/[\s_-]+/g, "");
}

/** The spelling to recommend: the most used; on a tie, one without doubled spaces; then the first seen. */
function preferred(byKey: Map<string, number>): [string, number] {
  const tidy = (s: string) => (s === s.replace(/\s+/g, " ") ? 1 : 0);
  let best: [string, number] = ["", 0];
  for (const [spelling, n] of byKey) {
    if (n > best[1] || (n === best[1] && tidy(spelling) > tidy(best[0]))) best = [spelling, n];
  }
  return best;
}

/** Warns on each post that spells a tag differently from the most used spelling. */
export function checkTags(ctx: CheckContext): Problem[] {
  const spellings = new Map<string, Map<string, number>>();
  const posts = [...ctx.posts.values()];
  const tagsOf = (data: Record<string, unknown>) =>
    Array.isArray(data["tags"]) ? (data["tags"] as unknown[]).filter((t): t is string => typeof t === "string").map((t) => t.trim()) : [];
  for (const post of posts) {
    for (const tag of new Set(tagsOf(post.data))) {
      const byKey = spellings.get(tagKey(tag)) ?? new Map<string, number>();
      byKey.set(tag, (byKey.get(tag) ?? 0) + 1);
      spellings.set(tagKey(tag), byKey);
    }
  }
  const problems: Problem[] = [];
  for (const post of posts) {
    for (const tag of new Set(tagsOf(post.data))) {
      const byKey = spellings.get(tagKey(tag))!;
      if (byKey.size < 2) continue;
      const [best, count] = preferred(byKey);
      if (tag === best) continue;
      problems.push({
        severity: "warning",
        file: post.file,
        line: post.keyLines["tags"] ?? 1,
        field: "tags",
        message: `tag "${tag}" differs only in case or spacing from "${best}" (used in ${count} post${count > 1 ? "s" : ""})`,
        hint: `write it "${best}" so all these posts share one tag page`,
      });
    }
  }
  return problems;
}
