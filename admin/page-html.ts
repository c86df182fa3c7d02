/**
 * The /admin/ page, one definition for the build (written by src/integrations/cms-bundle.ts) and the authoring server
 * (src/integrations/cms-bundle.ts serves it itself, so it carries no HMR client and no reload when the content store
 * is refreshed). Build-time options travel in a JSON data block, which browsers never execute, so a strict CSP needs
 * no inline-script exception here.
 */
import { loadSettings } from "../src/config/settings.ts";
import { metaCspForTarget } from "../src/deploy/github-pages.ts";
import { policyOptions } from "../src/deploy/policy.ts";
import { cmsOptions } from "./cms-options.ts";

const escapeText = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const escapeAttribute = (value: string) => escapeText(value).replace(/"/g, "&quot;");

/** The whole document, for the CMS script at `scriptUrl` (and the chunks it imports, `preload`) on a site deployed at `base`. */
export function adminPageHtml(scriptUrl: string, base: string, preload: string[] = []): string {
  // GitHub Pages cannot send headers: the CMS policy travels in a <meta> tag there (src/deploy/policy.ts).
  const csp = metaCspForTarget("admin", policyOptions());
  // The site's mark, from public/, under the site's base path.
  const logoUrl = `${base}favicon.svg`;
  // "<" is escaped so no value can end the data block early.
  const json = JSON.stringify({ ...cmsOptions(), base, logoUrl }).replace(/</g, "\\u003c");
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    ...(csp ? [`<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">`] : []),
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<link rel="icon" href="${escapeAttribute(logoUrl)}" type="image/svg+xml">`,
    `<title>${escapeText(`${loadSettings().title} · Content manager`)}</title>`,
    `<script type="application/json" id="cms-options">${json}</script>`,
    ...preload.map((url) => `<link rel="modulepreload" href="${escapeAttribute(url)}">`),
    "</head>",
    "<body>",
    `<script type="module" src="${escapeAttribute(scriptUrl)}"></script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
