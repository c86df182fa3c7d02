/**
 * Decap CMS with only what this site's configuration (src/schema/decap.ts) uses: the GitHub and local proxy backends,
 * the widgets the schema's fields map to, the Markdown editor's image component and the English locale, as
 * decap-cms-app's src/extensions.js registers them (all of them: the map widget alone brings OpenLayers). A new
 * widget in src/schema/fields.ts needs its package here, or the editor shows "No control for widget".
 * The Markdown editor (Slate and its renderers, a quarter of the script) loads when an editor first shows it.
 */
import { DecapCmsCore as CMS, type CmsWidgetParam } from "decap-cms-core";
import { GitHubBackend } from "decap-cms-backend-github";
import { ProxyBackend } from "decap-cms-backend-proxy";
import image from "decap-cms-editor-component-image";
import { en } from "decap-cms-locales";
import boolean from "decap-cms-widget-boolean";
import datetime from "decap-cms-widget-datetime";
import imageWidget from "decap-cms-widget-image";
import list from "decap-cms-widget-list";
import markdownSchema from "decap-cms-widget-markdown/dist/esm/schema.js";
import number from "decap-cms-widget-number";
import object from "decap-cms-widget-object";
import select from "decap-cms-widget-select";
import string from "decap-cms-widget-string";
import { createElement, forwardRef, lazy, Suspense, type ComponentType } from "react";

/** A component whose code loads on first render; the ref reaches the loaded component (Decap asks the control for `isValid`). */
function onDemand(load: () => Promise<{ default: unknown }>): ComponentType<Props> {
  const Loaded = lazy(load as () => Promise<{ default: ComponentType<Props> }>);
  return forwardRef<unknown, Props>((props, ref) => createElement(Suspense, { fallback: null }, createElement(Loaded, { ...props, ref } as Props)));
}
type Props = Record<string, unknown>;

const markdown: { Widget(): CmsWidgetParam } = {
  Widget: () =>
    ({
      name: "markdown",
      controlComponent: onDemand(() => import("decap-cms-widget-markdown/dist/esm/MarkdownControl/index.js")),
      previewComponent: onDemand(() => import("decap-cms-widget-markdown/dist/esm/MarkdownPreview.js")),
      schema: markdownSchema,
    }) as unknown as CmsWidgetParam, // Decap's types describe the widget's props, not its components
};

CMS.registerBackend("github", GitHubBackend);
CMS.registerBackend("proxy", ProxyBackend);
for (const widget of [boolean, datetime, imageWidget, list, markdown, number, object, select, string]) CMS.registerWidget(widget.Widget());
CMS.registerEditorComponent(image);
CMS.registerLocale("en", en);

export default CMS;
