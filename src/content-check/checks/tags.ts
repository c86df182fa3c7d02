/** Spellings of one tag that differ ("Networking", "networking") look inconsistent: each post is asked to use the one the tag page shows (src/lib/tags.ts). */
import { preferredSpelling, tagName, tagSlug, tagSpellings } from "../../lib/tags.ts";
import type { Entry, Problem } from "../validate.ts";
import { tagsOf, type CheckContext } from "./context.ts";

export function checkTags(ctx: CheckContext): Problem[] {
  const posts = [...ctx.posts.values()];
  const namesOf = (post: Entry) => tagsOf(post.data).map(tagName);
  const spellings = tagSpellings(posts.map(namesOf));
  const problems: Problem[] = [];
  for (const post of posts) {
    for (const tag of new Set(namesOf(post))) {
      const counts = spellings.get(tagSlug(tag));
      if (!counts) continue;
      const best = preferredSpelling(counts);
      if (tag === best) continue;
      const count = counts.get(best)!;
      problems.push({
        severity: "warning",
        file: post.file,
        line: post.keyLines["tags"] ?? 1,
        field: "tags",
        message: `tag "${tag}" differs only in case or spacing from "${best}" (used in ${count} post${count > 1 ? "s" : ""})`,
        hint: `write it "${best}" as the tag page does`,
      });
    }
  }
  return problems;
}
