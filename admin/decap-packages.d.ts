// Decap's backend, widget, editor-component and locale packages ship no types.
declare module "decap-cms-backend-*" {
  import type { CmsBackendClass } from "decap-cms-core";
  export const GitHubBackend: CmsBackendClass;
  export const ProxyBackend: CmsBackendClass;
  export const TestBackend: CmsBackendClass;
}
declare module "decap-cms-widget-*" {
  import type { CmsWidgetParam } from "decap-cms-core";
  const widget: { Widget(): CmsWidgetParam };
  export default widget;
}
declare module "decap-cms-editor-component-image" {
  import type { EditorComponentOptions } from "decap-cms-core";
  const component: EditorComponentOptions;
  export default component;
}
declare module "decap-cms-locales" {
  import type { CmsLocalePhrases } from "decap-cms-core";
  export const en: CmsLocalePhrases;
}
// Decap's redux store (./list-marks.ts reads the entries a list shows); the module build ships no types.
declare module "decap-cms-core/dist/esm/redux" {
  /** `entries` is an Immutable.js collection, typed as far as the marks read it. */
  export const store: { getState(): { entries: { getIn(path: string[]): unknown } } };
}
// The Markdown widget's parts, loaded on demand by ./decap.ts.
declare module "decap-cms-widget-markdown/dist/esm/*" {
  const part: unknown;
  export default part;
}
