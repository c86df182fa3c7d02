/** Types for the one function the CMS uses from Decap's URL helpers (decap-cms-core/src/lib/urlHelper.ts), which its package does not declare. */
declare module "decap-cms-core/dist/esm/lib/urlHelper.js" {
  export function sanitizeSlug(
    str: string,
    options: { encoding?: "unicode" | "ascii"; clean_accents?: boolean; sanitize_replacement?: string },
    preserveSlashes?: boolean,
  ): string;
}
