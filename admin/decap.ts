/**
 * Decap CMS with only what this site's configuration uses (src/schema/decap.ts):
 * the GitHub backend, the local proxy backend (`local_backend`), the widgets
 * the schema's fields map to, the Markdown editor's image component and the
 * English locale. decap-cms-app registers every backend, widget and locale
 * (the map widget alone brings OpenLayers); this mirrors its
 * src/extensions.js for the subset. A field whose widget is missing here
 * shows Decap's "No control for widget" in the editor: a new widget in
 * src/schema/fields.ts needs its package registered here.
 */
import { DecapCmsCore as CMS } from "decap-cms-core";
import { GitHubBackend } from "decap-cms-backend-github";
import { ProxyBackend } from "decap-cms-backend-proxy";
import image from "decap-cms-editor-component-image";
import { en } from "decap-cms-locales";
import boolean from "decap-cms-widget-boolean";
import datetime from "decap-cms-widget-datetime";
import imageWidget from "decap-cms-widget-image";
import list from "decap-cms-widget-list";
import markdown from "decap-cms-widget-markdown";
import number from "decap-cms-widget-number";
import object from "decap-cms-widget-object";
import select from "decap-cms-widget-select";
import string from "decap-cms-widget-string";
import text from "decap-cms-widget-text";

/** The widgets registered, by the name a field's `widget` uses. */
export const WIDGETS = { boolean, datetime, image: imageWidget, list, markdown, number, object, select, string, text };

CMS.registerBackend("github", GitHubBackend);
CMS.registerBackend("proxy", ProxyBackend);
for (const widget of Object.values(WIDGETS)) CMS.registerWidget(widget.Widget());
CMS.registerEditorComponent(image);
CMS.registerLocale("en", en);

export default CMS;
