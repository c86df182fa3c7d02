/**
 * The CMS at /admin/: Decap with the parts this site uses (./decap.ts), configured from the site's schema, with
 * previews in the site's CSS and Markdown pipeline; the page hands over the build-time options as a JSON data block.
 * The preview and the save check load with `import()` when first used: the login screen needs no Markdown pipeline.
 * https://decapcms.org/docs/manual-initialization/
 */
import type { CmsConfig, PreviewTemplateComponentProps } from "decap-cms-core";
import { createElement as h, lazy, Suspense } from "react";
import { isoDay } from "../src/lib/dates.ts";
import { decapConfig } from "../src/schema/decap.ts";
import fontsCss from "../src/styles/fonts.css?inline";
import globalCss from "../src/styles/global.css?inline";
import proseCss from "../src/styles/prose.css?inline";
import postCss from "../src/views/post.css?inline";
import programCss from "../src/views/program.css?inline";
import readersCss from "../src/views/readers.css?inline";
import siteCss from "../src/views/site.css?inline";
import type { CmsOptions } from "./cms-options.ts";
import CMS from "./decap.ts";
import listMarksCss from "./list-marks.css?inline";
import phoneCss from "./phone.css?inline";
import previewCss from "./preview.css?inline";
import type { PreviewContext } from "./preview.ts";
import { reloadOnEntrySwitch } from "./entry-switch.ts";
import { markPostList } from "./list-marks.ts";
import { installUploadGuard } from "./upload-guard.ts";

// The options the page embedded at build time.
const block = document.getElementById("cms-options");
if (!block?.textContent) throw new Error("The admin page is missing its #cms-options block");
const options = JSON.parse(block.textContent) as CmsOptions & PreviewContext;
const siteConfig = decapConfig({ ...options, today: isoDay(new Date(), options.timeZone) });
// Builds for the editorial workflow's browser test (P2P_CMS_TEST_REPO=1), on a loopback address only: Decap's
// in-memory backend in place of GitHub and the local server, which knows only simple publishing. It loads as a chunk
// of its own, never with the login screen; the entries it starts from are `window.repoFiles`, set by the test.
let config: object = siteConfig;
if (options.testRepo && ["127.0.0.1", "localhost", "[::1]"].includes(location.hostname)) {
  CMS.registerBackend("test-repo", (await import("decap-cms-backend-test")).TestBackend);
  const { local_backend: _local, ...rest } = siteConfig;
  config = { ...rest, backend: { name: "test-repo" } };
}

installUploadGuard(window);
reloadOnEntrySwitch(window);
markPostList(window, options.timeZone);
for (const css of [phoneCss, listMarksCss]) document.head.append(Object.assign(document.createElement("style"), { textContent: css }));
// A phone (phone.css's media query) opens entries on their form, as the preview would fill the screen; Decap keeps that in localStorage.
if (matchMedia("(max-width: 799px)").matches) localStorage.setItem("cms.right-pane", "none");

// The site's own CSS, as strings: the preview pane is an iframe without the site's <head>.
for (const css of [fontsCss, globalCss, proseCss, siteCss, postCss, programCss, readersCss, previewCss]) CMS.registerPreviewStyle(css, { raw: true });
// File collections' templates are named after their file.
const templates = { posts: "postPreview", pages: "pagePreview", program: "programPreview", site: "settingsPreview" } as const;
for (const [name, make] of Object.entries(templates)) {
  // The template's code loads when a preview first opens.
  const Template = lazy(async () => ({ default: (await import("./preview.ts"))[make](options) }));
  CMS.registerPreviewTemplate(name, (props: PreviewTemplateComponentProps) => h(Suspense, { fallback: null }, h(Template, props)));
}

// Schema check before every save: same rules and messages as the build.
CMS.registerEventListener({
  name: "preSave",
  handler: async ({ entry }) => {
    const { checkEntry, EntryRefused, specFor } = await import("./save-guard.ts");
    const spec = specFor(String(entry.get("collection")));
    const data = entry.get("data") as { toJS(): Record<string, unknown>; delete(key: string): unknown };
    if (!spec) return undefined;
    const check = checkEntry(spec, data.toJS(), options.timeZone, entry.get("newRecord") === true);
    if (check.problems.length) throw new EntryRefused(check.problems);
    let out = data;
    for (const key of Object.keys(data.toJS())) if (!(key in check.data)) out = out.delete(key) as typeof data;
    return out;
  },
});

// Our config type lists the keys this site uses; Decap's own type is wider but stricter about optional keys.
CMS.init({ config: config as unknown as CmsConfig });
