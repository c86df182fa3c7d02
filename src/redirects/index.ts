/**
 * Redirects, one feature: the rules an old address and a target must follow
 * (rules.ts, shared with the CMS form through src/schema/redirects.ts),
 * loading `content/settings/redirects.yaml` with the automatic old-site
 * addresses (load.ts), the build's checks (check.ts), each host's format
 * (netlify-cloudflare.ts, github-pages.ts) and the importer's additions to the
 * file (redirects-yaml.ts).
 */
export { addressKey, REDIRECT_FROM_PATTERN, REDIRECT_TO_PATTERN, RedirectError, unsafeRedirect, withBasePath, type Redirect } from "./rules.ts";
export { automaticRedirects, buildRedirects, builtPostSlugs, loadRedirects, mergeRedirects } from "./load.ts";
export { builtFile, checkRedirects } from "./check.ts";
export { formatRedirects } from "./netlify-cloudflare.ts";
export { insideDir, redirectPage, redirectPageFile, writeRedirectPages } from "./github-pages.ts";
export { addToRedirectsYaml, type RedirectMerge } from "./redirects-yaml.ts";
