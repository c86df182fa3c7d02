/**
 * Node flags that run a TypeScript file as it is (type stripping: behind this flag on
 * Node 22, on by default from 23.6; `--no-warnings` silences Node 22's notice that it is
 * experimental). package.json's `build` and `search:index` scripts spell out the same.
 */
export const RUN_TS = ["--experimental-strip-types", "--no-warnings"] as const;

/** Whether this Node runs .ts files by itself (type stripping, on by default from Node 22.18 / 23.6), as worker threads need. */
export const NODE_RUNS_TYPESCRIPT = Boolean((process.features as { typescript?: string | false }).typescript);
