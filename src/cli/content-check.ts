/** `npm run content:check`: the pre-publish check (USAGE says what it checks and how it exits). */
import path from "node:path";
import { checkContent } from "../content-check/checks/index.ts";
import { formatProblem } from "../content-check/validate.ts";
import { EXIT, plural, runTool, UsageError } from "./lib/cli.ts";
import { resolveContentDir, settingsOf } from "./lib/content-folder.ts";

const USAGE = `Usage: npm run content:check [-- --content <folder>] [--json] [--strict]

Checks every post, page and settings file before you publish:
  errors    (the build or readers would break): fields the site does not accept, two posts
            with one address, links to posts, tags or pages that do not exist, missing images,
            SVG images, images not in the format their extension says, over 50 megapixels or
            outside the content folder, scripts or javascript: links in the text
  warnings  (worth a look): descriptions too short or too long for search results, titles over
            70 characters, images without a description (alt text), tags spelled two ways,
            posts scheduled for a later date, images over 500 KB

Options:
  --content <folder>  the content folder (default: ./content)
  --json              machine-readable output
  --strict            also fail (exit code 1) on warnings
  -h, --help          show this help

Exit code: 0 no errors, 1 errors found, 2 the command was called wrongly.
`;

await runTool(USAGE, { content: { type: "string" }, json: { type: "boolean" }, strict: { type: "boolean" } }, ({ values, positionals }) => {
  if (positionals.length > 0) throw new UsageError(`"${positionals[0]}" is not an option; to check another folder use --content <folder>.`);
  const root = resolveContentDir(values.content);
  const settings = settingsOf(root);
  const now = process.env["P2P_NOW"] ? new Date(process.env["P2P_NOW"]) : new Date();
  const { problems, files } = checkContent(root, { timeZone: settings.timeZone, siteUrl: settings.url, now });
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  if (values.json) {
    const rel = (f: string) => path.relative(process.cwd(), f);
    process.stdout.write(`${JSON.stringify({ files, errors, warnings, problems: problems.map((p) => ({ ...p, file: rel(p.file) })) }, null, 2)}\n`);
  } else {
    for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
    const summary = problems.length === 0 ? "no problems" : [plural(errors, "error"), plural(warnings, "warning")].join(", ");
    process.stdout.write(`${problems.length ? "\n" : ""}Checked ${plural(files, "file")}: ${summary}.\n`);
  }
  return errors > 0 || (values.strict && warnings > 0) ? EXIT.problems : EXIT.ok;
});
