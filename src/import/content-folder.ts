/** What the content folder already holds: the importer never overwrites a post and follows the tag spellings already in use. */
import fs from "node:fs";
import path from "node:path";
import { readContentFile } from "../content-check/read.ts";

/** A post already in the content folder. */
interface ExistingPost {
  file: string;
  draft: boolean;
  tags: string[];
}

/** Existing posts by slug (file name without extension). */
export function existingPosts(dir: string): Map<string, ExistingPost> {
  const out = new Map<string, ExistingPost>();
  if (!fs.existsSync(dir)) return out;
  for (const f of (fs.readdirSync(dir, { recursive: true }) as string[]).filter((name) => /\.mdx?$/.test(name))) {
    const file = path.join(dir, f);
    // A broken post is content:check's business; it counts as a draft, so nothing redirects to it.
    let data: Record<string, unknown> = { draft: true };
    try {
      data = readContentFile(file).data;
    } catch {}
    const tags = Array.isArray(data["tags"]) ? data["tags"].filter((t): t is string => typeof t === "string") : [];
    out.set(path.basename(f).replace(/\.mdx?$/, ""), { file, draft: data["draft"] === true, tags });
  }
  return out;
}
