// @ts-check
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { astroMarkdownProcessor } from "./src/markdown/astro-processor.ts";
import { loadSettings } from "./src/config/settings.ts";
import { outDir } from "./src/config/paths.ts";
import { MAX_IMAGE_PIXELS } from "./src/lib/image-limits.ts";
import contentGuard from "./src/integrations/content-guard.ts";
import pagefindSearch from "./src/integrations/pagefind.ts";
import deploy from "./src/integrations/deploy.ts";
import cmsBundle from "./src/integrations/cms-bundle.ts";
import publishedImages from "./src/integrations/published-images.ts";

const settings = loadSettings();
const root = fileURLToPath(new URL(".", import.meta.url));

// Deploying under a sub-path (GitHub Pages project sites) sets SITE_BASE, e.g. "/path2practice".
const base = process.env.SITE_BASE || "/";
// Separate caches per content folder, so fixture builds never share state with the real site.
const cacheDir = process.env.P2P_CACHE_DIR || "./node_modules/.astro";

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: process.env.SITE_URL || settings.url,
  base,
  trailingSlash: "always",
  // The author's authoring server (`npm start`) is not a developer's: the toolbar's modules would
  // load on every page, /admin/ included, and slow the CMS's first screen.
  devToolbar: { enabled: false },
  // Beside this file rather than under the project root, so a build or dev server can run with
  // `--root` pointing at a folder of its own: Astro keeps its generated files there (`.astro/`).
  srcDir: fileURLToPath(new URL("./src/", import.meta.url)),
  publicDir: fileURLToPath(new URL("./public/", import.meta.url)),
  // The search step of `npm run build` (src/cli/search-index.ts) indexes the same folder.
  outDir: outDir(root),
  cacheDir,
  // Every stylesheet goes to a file, so the public pages' CSP can say style-src 'self'
  // without 'unsafe-inline' (src/deploy/policy.ts).
  // Four pages in flight: a page's files are written while the next ones render. Rendering
  // 1,128 pages took 4.0-4.9 s one at a time and 2.9-3.5 s four at a time on 2 cores (8: no better).
  build: { format: "directory", inlineStylesheets: "never", concurrency: 4 },
  // Pictures in posts get responsive sizes (srcset) like hero images; no inline styles, for the CSP.
  // The service caps every published image's width and refuses SVG (src/images/service.ts); sharp
  // refuses to decode inputs over the pixel cap the content check enforces (src/lib/image-limits.ts).
  image: {
    layout: "constrained",
    responsiveStyles: false,
    service: { entrypoint: fileURLToPath(new URL("./src/images/service.ts", import.meta.url)), config: { limitInputPixels: MAX_IMAGE_PIXELS } },
  },
  markdown: {
    processor: astroMarkdownProcessor(root, { siteUrl: settings.url, base }),
    // Posts rarely contain code; plain <pre><code> keeps builds fast and pages small.
    syntaxHighlight: false,
  },
  // Vite's dependency cache follows, so two dev servers (an author's and a test's) never
  // rewrite each other's optimized dependencies, which reloads their pages mid-use.
  vite: {
    // Build outputs are not sources: a dev server watching them reworks thousands of changes while
    // a build writes (the site's dist/, and the test suite's builds, caches and Astro roots in
    // tests/.tmp/sites/, whose tsconfig.json files would restart it).
    server: { watch: { ignored: ["**/dist/**", "**/tests/.tmp/sites/*/{dist,cache,root}/**"] } },
    ...(process.env.P2P_CACHE_DIR ? { cacheDir: `${process.env.P2P_CACHE_DIR}/vite` } : {}),
    // For the social card pages (src/data/social-cards.ts): their cache sits in Astro's, which hosts
    // and the deploy workflow keep between builds, and the render worker's file, which a bundled
    // page cannot find from its own `import.meta.url`.
    define: {
      "import.meta.env.CARD_CACHE": JSON.stringify(path.resolve(root, cacheDir, "social-cards")),
      "import.meta.env.CARD_WORKER": JSON.stringify(fileURLToPath(new URL("./src/social-cards/render-worker.ts", import.meta.url))),
    },
  },
  // A rebuild copies post pages whose content, links and code are unchanged from the last
  // build instead of rendering them again (keys: src/data/page-keys.ts; tests/build/incremental.test.ts
  // proves no page goes stale). At 1,000 posts, CPU time of a warm build 29.5 s -> 17.0 s, after one changed post 24.7 s -> 19.0 s.
  // `npm run bench -- --sizes=1000` prints the saving ("incremental build saves ...").
  experimental: { incrementalBuild: true },
  integrations: [
    contentGuard(),
    mdx(),
    // The signup thank-you page is not for search engines (nor the CMS, which is no Astro page).
    sitemap({ filter: (page) => !page.endsWith("/thanks/") }),
    pagefindSearch(),
    cmsBundle(),
    publishedImages(),
    deploy(),
  ],
});
