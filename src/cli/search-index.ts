/** The search index step of `npm run build` (see USAGE), in its own process after Astro's has exited (src/search/pagefind-index.ts says why). */
import { indexBuiltSite } from "../search/pagefind-index.ts";
import { outDir } from "../config/paths.ts";
import { InputError, runTool, shown, UsageError } from "./lib/cli.ts";

const USAGE = `Usage: npm run search:index [-- <site folder>]

Builds the search index of a built site into <site folder>/pagefind/.
npm run build runs it after astro build; run it alone to index a site again.

  <site folder>  the built site (default: $P2P_OUT_DIR, else ./dist)
  -h, --help     show this help

Exit code: 0 indexed, 1 indexing failed or found no page, 2 the command was called wrongly.
`;

await runTool(USAGE, {}, async ({ positionals }) => {
  if (positionals.length > 1) throw new UsageError(`Give one site folder, not ${positionals.length}.`);
  const site = positionals[0] ?? outDir();
  const started = performance.now();
  // Pagefind's own errors and a missing or unmarked site are the build's problem to report, not a crash.
  const pageCount = await indexBuiltSite(site).catch((err: unknown) => {
    throw new InputError(`Search index of ${shown(site)} failed: ${(err as Error).message}`);
  });
  // The benchmark reads this line for Pagefind's time (bench/log.ts).
  process.stdout.write(`[search] indexed ${pageCount} pages for search in ${Math.round(performance.now() - started)} ms (${shown(site)}/pagefind)\n`);
});
