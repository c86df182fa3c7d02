/**
 * The one allow-list for HTML in posts, used by the pipeline's sanitizer
 * (pipeline.ts) and by the content check that reports what it
 * removes (removed-html.ts), so the two cannot disagree. Built from GitHub's
 * schema (hast-util-sanitize's `defaultSchema`), which already keeps what
 * Markdown itself produces: footnotes, task-list checkboxes, `language-*`
 * classes on code. https://github.com/syntax-tree/hast-util-sanitize
 *
 * Posts are read on the site's origin, where the CMS keeps the author's
 * GitHub login: nothing in a post may run code, load a frame or object, send
 * a form, change the page's address or base, or restyle the page.
 */
import { defaultSchema, type Options as Schema } from "rehype-sanitize";

/** Element names a post may use, beyond GitHub's list. */
const EXTRA_TAGS = ["abbr", "mark", "figure", "figcaption", "caption", "cite", "small", "time", "u", "wbr"];

/** Attributes (hast property names) of GitHub's "*" list that serve forms, focus tricks or the DOM globals scripts read. */
const DROPPED_ATTRIBUTES = new Set([
  "accept",
  "acceptCharset",
  "accessKey",
  "action",
  "encType",
  "method",
  "name",
  "tabIndex",
  "prompt",
  "readOnly",
  "multiple",
  "selected",
  "maxLength",
  "checked",
  "label",
  "value",
]);

const base = defaultSchema.attributes ?? {};
const anyElement = (base["*"] ?? []).filter((a) => !DROPPED_ATTRIBUTES.has(typeof a === "string" ? a : a[0]));

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), ...EXTRA_TAGS],
  // Whole content goes too: the text of a script, a style sheet or a frame's fallback is not prose.
  strip: [
    "script",
    "style",
    "template",
    "noscript",
    "iframe",
    "frame",
    "frameset",
    "noframes",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "textarea",
    "select",
    "title",
    "xmp",
    "noembed",
    "head",
  ],
  attributes: {
    ...base,
    "*": anyElement,
    abbr: ["title"],
    time: ["dateTime"],
    // Only Markdown's task-list checkbox: `required` below makes it disabled.
    input: [["type", "checkbox"], ["disabled", true], "checked"],
  },
  protocols: {
    href: ["http", "https", "mailto", "tel"],
    src: ["http", "https"],
    cite: ["http", "https"],
    longDesc: ["http", "https"],
  },
  // Ids stay as written: Markdown's footnotes already carry remark-rehype's `user-content-` prefix, and the site's heading ids are added after this step.
  clobber: [],
  clobberPrefix: "",
  // Authors leave notes in comments; they never run.
  allowComments: true,
};
