/**
 * The site's security policy per path, defined once. Every host's generator
 * (Netlify, Cloudflare Pages, the GitHub Pages <meta> tag) and the test server
 * read it from here, so the policy the tests prove is the policy that ships.
 *
 * Why it is strict: the CMS keeps a GitHub token in the browser's storage for
 * this origin, so one injected script anywhere on the site could write to the
 * repository. Public pages therefore run only the site's own script files.
 */
import { readerOrigins, type ReaderOrigins } from "../lib/readers.ts";
import type { SiteSettings } from "../lib/settings.ts";

/** The two kinds of page on the site: the public pages and the CMS. */
export type Area = "public" | "admin";

/** A Content-Security-Policy as directive name to source list. */
export type Csp = Record<string, string[]>;

/** GitHub's API, where the CMS reads and commits content. */
const GITHUB_API = "https://api.github.com";
/** Netlify's OAuth provider, Decap's default `base_url` for the GitHub backend. */
const NETLIFY_OAUTH = "https://api.netlify.com";

/**
 * What the policy depends on. From the environment: `SITE_BASE` (as in
 * astro.config.mjs) and `DECAP_OAUTH_BASE_URL`, the OAuth endpoint that hands
 * the CMS its GitHub tokens (Netlify's by default; a self-hosted one on other
 * hosts); from the site settings, the origins of the signup form and the visit counter.
 */
export function policyOptions(env: Record<string, string | undefined> = process.env, settings?: Pick<SiteSettings, "newsletter" | "visits">) {
  const auth = env["DECAP_OAUTH_BASE_URL"]?.trim() || NETLIFY_OAUTH;
  const origin = URL.parse(auth)?.origin;
  if (!origin) throw new Error(`DECAP_OAUTH_BASE_URL: "${auth}" is not a URL (expected e.g. https://auth.example.org)`);
  if (!origin.startsWith("https://")) throw new Error(`DECAP_OAUTH_BASE_URL: "${auth}" must use https`);
  return { base: normaliseBase(env["SITE_BASE"] || "/"), cmsOrigins: [origin], readers: settings && readerOrigins(settings) };
}

export type PolicyOptions = ReturnType<typeof policyOptions>;

/** "/", "/sub" or "/sub/" as "/" or "/sub/". */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/** The one Trusted Types policy public pages may create: the search UI's (src/search/ui/trusted-html.ts). */
export const SEARCH_UI_POLICY = "search-ui";

/**
 * The public pages' policy. Scripts: only the site's own files; Pagefind's
 * WebAssembly needs 'wasm-unsafe-eval' (https://pagefind.app/docs/hosting/).
 * JSON-LD `<script type="application/ld+json">` blocks are data, never run, so
 * CSP does not apply to them. Styles: only the site's own files too, because the
 * build writes every stylesheet to a file (`build.inlineStylesheets: "never"`).
 * Images may come from any https host: posts can embed pictures by URL, and an
 * image cannot run code. The signup form's provider and the visit counter add
 * exactly their own origins, and only when the settings name them.
 */
export function publicCsp(readers: ReaderOrigins = { form: [], script: [], connect: [], img: [] }): Csp {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'", ...readers.script],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "https:", ...readers.img.filter((o) => !o.startsWith("https:"))],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...readers.connect],
    "media-src": ["'self'"],
    "frame-src": ["'none'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'", ...readers.form],
    "frame-ancestors": ["'none'"],
    // Trusted Types: no script may hand a plain string to an HTML or script sink
    // (innerHTML, insertAdjacentHTML, script.src...); only the search UI's own
    // policy may create markup (src/search/ui/trusted-html.ts), and no other policy can be made.
    "require-trusted-types-for": ["'script'"],
    "trusted-types": [SEARCH_UI_POLICY],
  };
}

/**
 * The CMS's policy: only what Decap CMS needs. 'unsafe-eval' because its config
 * validation (ajv) compiles schemas with `new Function`; 'unsafe-inline' styles
 * because its UI (emotion) injects <style> elements; GitHub's API for content;
 * blob:/data: images for media previews and GitHub hosts for avatars and raw files.
 * https://decapcms.org/docs/github-backend/
 */
export function adminCsp(options: { cmsOrigins: string[] }): Csp {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https://avatars.githubusercontent.com", "https://raw.githubusercontent.com"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", GITHUB_API, ...options.cmsOrigins.filter((o) => o !== GITHUB_API)],
    "media-src": ["'self'", "blob:"],
    "frame-src": ["'self'", "blob:"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
}

function cspFor(area: Area, options: PolicyOptions): Csp {
  return area === "admin" ? adminCsp(options) : publicCsp(options.readers);
}

/** A policy as a header value: `a x y; b z`. */
export function serializeCsp(csp: Csp): string {
  return Object.entries(csp)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}

/** Directives a `<meta http-equiv>` policy ignores (and browsers warn about): https://www.w3.org/TR/CSP3/#meta-element. */
const HEADER_ONLY = ["frame-ancestors", "report-uri", "report-to", "sandbox"];

/** The policy as a `<meta http-equiv="Content-Security-Policy">` value (no header-only directives). */
export function metaCsp(area: Area, options: PolicyOptions): string {
  const csp = Object.fromEntries(Object.entries(cspFor(area, options)).filter(([name]) => !HEADER_ONLY.includes(name)));
  return serializeCsp(csp);
}

/** Headers every response gets, whatever the area. */
export const COMMON_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // Features the site never uses, switched off for every frame.
  "Permissions-Policy": "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
  // One year of HTTPS only. No includeSubDomains: the owner's other subdomains are not ours to promise.
  "Strict-Transport-Security": "max-age=31536000",
  "X-Frame-Options": "DENY",
};

/** Headers besides the policy that differ between the areas (a host must send exactly one of each). */
const AREA_HEADERS: Record<Area, Record<string, string>> = {
  public: { "Cross-Origin-Opener-Policy": "same-origin" },
  admin: {
    // The GitHub login runs in a popup that reports back with postMessage; `same-origin` would cut it off.
    "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
    // Never cache the CMS shell: a stale one could run an old, fixed-since bundle.
    "Cache-Control": "no-store",
  },
};

/** Headers that differ between the areas. */
export function areaHeaders(area: Area, options: PolicyOptions): Record<string, string> {
  return { "Content-Security-Policy": serializeCsp(cspFor(area, options)), ...AREA_HEADERS[area] };
}

/** Path patterns (with the base) of each area, plus long-lived caching for fingerprinted assets. */
export function areaPatterns(options: Pick<PolicyOptions, "base">): { all: string; admin: string; assets: string } {
  return { all: `${options.base}*`, admin: `${options.base}admin/*`, assets: `${options.base}_astro/*` };
}

/** Headers for fingerprinted build assets (`/_astro/*`): their names change when they do. */
export const ASSET_HEADERS: Record<string, string> = { "Cache-Control": "public, max-age=31536000, immutable" };
