/** Writing an import plan: the only part of the importer that changes the content folder. */
import fs from "node:fs";
import path from "node:path";
import type { ImportPlan } from "./plan.ts";

/** Writes a plan: images, then posts (never overwriting a file), then redirects.yaml (replaced atomically). */
export function applyPlan(plan: ImportPlan): void {
  for (const post of plan.posts.filter((p) => p.create)) {
    for (const img of post.images) {
      // Already there (same bytes, checked when planning) or copied for an earlier post of this import.
      if (fs.existsSync(img.to)) continue;
      fs.mkdirSync(path.dirname(img.to), { recursive: true });
      fs.copyFileSync(img.from, img.to, fs.constants.COPYFILE_EXCL);
    }
    fs.mkdirSync(path.dirname(post.file), { recursive: true });
    fs.writeFileSync(post.file, post.text, { flag: "wx" });
  }
  if (plan.redirects.text !== undefined) {
    fs.mkdirSync(path.dirname(plan.redirects.file), { recursive: true });
    const tmp = `${plan.redirects.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, plan.redirects.text);
    fs.renameSync(tmp, plan.redirects.file);
  }
}
