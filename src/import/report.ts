/** The importer's report: posts, images, redirects, what to do by hand and what was left out. */
import path from "node:path";
import { plural, shown } from "../cli/lib/cli.ts";
import type { ImportPlan } from "./plan.ts";

/** The report of an import (or a dry run): what was, or would be, written, and what the owner must do by hand. */
export function formatReport(plan: ImportPlan, write: boolean, contentRoot: string): string {
  const out: string[] = [];
  const created = plan.posts.filter((p) => p.create);
  const skipped = plan.posts.filter((p) => !p.create);
  const verb = write ? "" : "would be ";
  for (const p of plan.posts) {
    if (p.create)
      out.push(`  ${write ? "created" : "new"}  ${shown(p.file)}  "${p.title}"${p.draft ? " (draft: only an excerpt was in the source)" : ""}`);
    else out.push(`  skipped  ${shown(p.file)}  "${p.title}" (a post with this address already exists)`);
  }
  const copies = created.flatMap((p) => p.images.filter((i) => !i.present));
  const uniqueCopies = [...new Map(copies.map((c) => [c.to, c])).values()];
  if (uniqueCopies.length) {
    out.push("", `Images ${verb}copied:`);
    for (const c of uniqueCopies) out.push(`  ${shown(c.to)}  (from ${shown(c.from)})`);
  }
  if (plan.redirects.added.length) {
    out.push("", `Redirects ${verb}added to ${shown(plan.redirects.file)}:`);
    for (const r of plan.redirects.added) out.push(`  ${r.from} -> ${r.to}`);
  }
  for (const c of plan.redirects.conflicts)
    out.push(`  kept: ${c.from} already leads to ${c.existing} (the import would have sent it to ${c.wanted})`);
  const remote = created.flatMap((p) => p.remote.map((r) => ({ ...r, post: p })));
  if (remote.length) {
    out.push("", "Images to fetch by hand (the importer does not download anything):");
    for (const r of remote) {
      out.push(`  ${r.fetchUrl}`);
      out.push(
        r.cover
          ? `    cover of ${shown(r.post.file)}: save as ${shown(path.join(contentRoot, r.saveAs))}, then choose it as the post's hero image in the CMS`
          : `    in ${shown(r.post.file)}: save as ${shown(path.join(contentRoot, r.saveAs))} and change the image link to ./images/${path.basename(r.saveAs)}`,
      );
    }
  }
  const notes = created.filter((p) => p.notes.length);
  if (notes.length) {
    out.push("", "Check these by hand:");
    for (const p of notes) for (const n of p.notes) out.push(`  ${shown(p.file)}: ${n}`);
  }
  const dropped = plan.posts.filter((p) => p.dropped.length);
  if (dropped.length) {
    out.push("", "Left out for safety (links that run code, files outside the source's folder, SVG or mislabelled images, invalid redirects):");
    for (const p of dropped) for (const d of p.dropped) out.push(`  ${shown(p.file)}: ${d}`);
  }
  if (plan.ignored.length) out.push("", `Left out (not part of any post): ${plan.ignored.map((t) => `"${t}"`).join(", ")}`);
  const drafts = created.filter((p) => p.draft).length;
  out.push(
    "",
    `Summary: ${plural(created.length, "post")} ${write ? "imported" : "to import"}${drafts ? ` (${plural(drafts, "draft")})` : ""}, ` +
      `${skipped.length} skipped, ${plural(uniqueCopies.length, "image")} ${write ? "copied" : "to copy"}, ` +
      `${plural(remote.length, "image")} to fetch, ${plural(plan.redirects.added.length, "redirect")} ${write ? "added" : "to add"}.`,
  );
  if (!write && (created.length || plan.redirects.added.length))
    out.push("This was a dry run: nothing was written. Run again with --write to import.");
  if (write && created.length) out.push("Next: run npm run content:check, then look at the posts with npm run dev.");
  return `${out.join("\n")}\n`;
}
