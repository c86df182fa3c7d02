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
