/**
 * Node flags that run a TypeScript file as it is (type stripping: behind this flag on
 * Node 22, on by default from 23.6; `--no-warnings` silences Node 22's notice that it is
 * experimental). package.json's `build` and `search:index` scripts spell out the same.
 */
export const RUN_TS = ["--experimental-strip-types", "--no-warnings"] as const;
