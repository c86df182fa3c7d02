/** `npm run import:wix`: brings the old site's posts over, with their images and old addresses (see USAGE). */
import fs from "node:fs";
import path from "node:path";
import { planImport } from "../import/plan.ts";
import { formatReport } from "../import/report.ts";
import { readSource } from "../import/source.ts";
import { applyPlan } from "../import/write.ts";
import { plural, runTool, shown, UsageError } from "./lib/cli.ts";
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

await runTool(USAGE, { write: { type: "boolean" }, content: { type: "string" } }, ({ values, positionals }) => {
  if (positionals.length === 0)
    throw new UsageError("Please say what to import: the saved feed, a folder of saved pages, or a text copy of the blog page.");
  if (positionals.length > 1) throw new UsageError(`Import one source at a time (got ${positionals.map((p) => `"${p}"`).join(", ")}).`);
  const source = path.resolve(positionals[0]!);
  if (!fs.existsSync(source)) throw new UsageError(`"${positionals[0]}" does not exist.`);
  const contentRoot = resolveContentDir(values.content);
  const { timeZone } = settingsOf(contentRoot);
  const write = values.write === true;
  // A source that cannot be imported throws a SourceError before anything is written.
  const parsed = readSource(source);
  const kind = { feed: "blog feed", pages: "saved pages", text: "text capture" }[parsed.kind];
  process.stdout.write(
    `${write ? "Importing" : "Dry run: reading"} ${plural(parsed.posts.length, "post")} from ${shown(source)} (${kind}) into ${shown(contentRoot)}\n\n`,
  );
  if (parsed.posts.length > PROGRESS_AFTER) {
    parsed.posts.forEach((p, i) => process.stderr.write(`[${i + 1}/${parsed.posts.length}] ${p.title}\n`));
  }
  const plan = planImport(parsed, { contentRoot, timeZone });
  if (write) applyPlan(plan);
  process.stdout.write(formatReport(plan, write, contentRoot));
});
