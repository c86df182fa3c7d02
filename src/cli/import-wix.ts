/**
 * `npm run import:wix -- <source> [--write]`: brings the old site's posts
 * over, with their images and old addresses. A dry run by default.
 */
import fs from "node:fs";
import path from "node:path";
import { applyPlan, planImport, type ImportPlan } from "../lib/import/plan.ts";
import { readSource } from "../lib/import/source.ts";
import { SourceError } from "../lib/import/types.ts";
import { openLocalImage } from "./lib/source-files.ts";
import { EXIT, InputError, parseCommandLine, plural, runTool, shown, UsageError } from "./lib/cli.ts";
import { resolveContentDir, settingsOf } from "./lib/content-folder.ts";

const USAGE = `Usage: npm run import:wix -- <source> [--write] [--content <folder>]

Imports posts from the old site. <source> is one of:
  - the blog feed saved as a file (open https://<your-site>/blog-feed.xml and save it)
  - a folder of post pages saved from the browser (File > Save page as...)
  - a saved post page (.html)
  - a plain-text copy of the blog page (select all, copy, paste into a .txt file)

Without --write nothing is changed: you see what would be imported.
Existing posts are never overwritten, so running it again is safe.
Old addresses (/post/<name>, /single-post/YYYY/MM/DD/<name>) are added to
content/settings/redirects.yaml so old links keep working.
Only image files inside the source's own folder are copied, and only JPEG, PNG,
GIF, WebP or AVIF images whose name fits their content (never SVG). Links and
images with javascript:, data: or other non-web addresses are left out (a
link keeps its text); the report lists everything left out.

Options:
  --write             write the posts, images and redirects
  --content <folder>  the content folder (default: ./content)
  -h, --help          show this help
`;

/** Progress goes to stderr so that the report on stdout stays clean. */
const PROGRESS_AFTER = 5;

function print(plan: ImportPlan, write: boolean, contentRoot: string): void {
  const out: string[] = [];
  const created = plan.posts.filter((p) => p.action === "create");
  const skipped = plan.posts.filter((p) => p.action === "skip");
  const verb = write ? "" : "would ";
  for (const p of plan.posts) {
    if (p.action === "create")
      out.push(`  ${write ? "created" : "new"}  ${shown(p.file)}  "${p.title}"${p.draft ? " (draft: only an excerpt was in the source)" : ""}`);
    else out.push(`  skipped  ${shown(p.file)}  "${p.title}" (${p.reason})`);
  }
  const copies = created.flatMap((p) => p.images.filter((i) => !i.present));
  const uniqueCopies = [...new Map(copies.map((c) => [c.to, c])).values()];
  if (uniqueCopies.length) {
    out.push("", `Images ${verb}copied:`);
    for (const c of uniqueCopies) out.push(`  ${shown(c.to)}  (from ${shown(c.from)})`);
  }
  if (plan.redirectsAdded.length) {
    out.push("", `Redirects ${verb}added to ${shown(plan.redirectsFile)}:`);
    for (const r of plan.redirectsAdded) out.push(`  ${r.from} -> ${r.to}`);
  }
  for (const c of plan.redirectConflicts) {
    out.push(`  kept: ${c.from} already leads to ${c.existing} (the import would have sent it to ${c.wanted})`);
  }
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
      `${plural(remote.length, "image")} to fetch, ${plural(plan.redirectsAdded.length, "redirect")} ${write ? "added" : "to add"}.`,
  );
  if (!write && (created.length || plan.redirectsAdded.length))
    out.push("This was a dry run: nothing was written. Run again with --write to import.");
  if (write && created.length) out.push("Next: run npm run content:check, then look at the posts with npm run dev.");
  process.stdout.write(`${out.join("\n")}\n`);
}

function main(): number {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), { write: { type: "boolean" }, content: { type: "string" } });
  if (values.help) {
    process.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (positionals.length === 0)
    throw new UsageError("Please say what to import: the saved feed, a folder of saved pages, or a text copy of the blog page.");
  if (positionals.length > 1) throw new UsageError(`Import one source at a time (got ${positionals.map((p) => `"${p}"`).join(", ")}).`);
  const source = path.resolve(positionals[0]!);
  if (!fs.existsSync(source)) throw new UsageError(`"${positionals[0]}" does not exist.`);
  const contentRoot = resolveContentDir(values.content);
  const { timeZone } = settingsOf(contentRoot);
  const write = values.write === true;
  let plan: ImportPlan;
  try {
    const parsed = readSource(source);
    const kind = { feed: "blog feed", pages: "saved pages", text: "text capture" }[parsed.kind];
    process.stdout.write(
      `${write ? "Importing" : "Dry run: reading"} ${plural(parsed.posts.length, "post")} from ${shown(source)} (${kind}) into ${shown(contentRoot)}\n\n`,
    );
    if (parsed.posts.length > PROGRESS_AFTER) {
      parsed.posts.forEach((p, i) => process.stderr.write(`[${i + 1}/${parsed.posts.length}] ${p.title}\n`));
    }
    plan = planImport(parsed, { contentRoot, timeZone, localImage: openLocalImage });
  } catch (err) {
    if (err instanceof SourceError) throw new InputError(`Cannot import ${err.message}\nNothing was written.`);
    throw err;
  }
  if (write) applyPlan(plan);
  print(plan, write, contentRoot);
  return EXIT.ok;
}

runTool(USAGE, main);
