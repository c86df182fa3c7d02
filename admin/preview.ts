/**
 * CMS preview templates. They rebuild the post and page markup of
 * `src/layouts/Post.astro` and `src/pages/about.astro` (same elements, same
 * classes) and render the body through the site's Markdown pipeline, so with
 * the site's CSS registered as preview styles the pane looks like the page.
 * Written with `React.createElement`: no JSX build step for the CMS.
 * https://decapcms.org/docs/customization/
 */
import type { PreviewTemplateComponentProps } from "decap-cms-core";
import { createElement as h, useEffect, useState, type ReactElement } from "react";
import { formatDate, isoDateTime, parseContentDate } from "../src/lib/dates.ts";
import { previewHtml } from "./preview-html.ts";

/** What every preview needs from the site. */
export interface PreviewContext {
  siteUrl: string;
  timeZone: string;
}

type Data = { get(key: string): unknown };

/** A text value of the entry ("" when absent or not text). */
function text(data: Data, key: string): string {
  const value = data.get(key);
  return typeof value === "string" ? value : "";
}

/** A plain JS value from an Immutable value (Decap keeps entry data in Immutable maps and lists). */
function plain(value: unknown): unknown {
  return value && typeof value === "object" && "toJS" in value && typeof value.toJS === "function" ? (value.toJS as () => unknown)() : value;
}

/** True for addresses that point into the repository (the ones Decap's media library can serve). */
function isRepoPath(src: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(src);
}

/** The address the preview can load for an image written in content. */
function assetUrl(props: PreviewTemplateComponentProps, src: string): string {
  // getAsset gives an asset proxy whose string form is a loadable (often blob:) URL.
  return isRepoPath(src) ? (props.getAsset(src) as unknown as { toString(): string }).toString() : src;
}

/** Points the `<img>` elements of preview HTML at loadable addresses. */
function withAssets(html: string, props: PreviewTemplateComponentProps): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  for (const img of Array.from(doc.querySelectorAll("img"))) {
    const src = img.getAttribute("src");
    if (src) img.setAttribute("src", assetUrl(props, src));
  }
  return doc.body.innerHTML;
}

/** Renders a Markdown body asynchronously; `null` until the first render is done. */
function useMarkdown(body: string, siteUrl: string): { html: string; readingTime: number } | null {
  const [state, setState] = useState<{ html: string; readingTime: number } | null>(null);
  useEffect(() => {
    let live = true;
    previewHtml(body, { siteUrl })
      .then(({ html, meta }) => {
        if (live) setState({ html, readingTime: meta.readingTime });
      })
      .catch((err: unknown) => {
        if (live) setState({ html: `<p class="preview-error">The preview could not render this text: ${String(err)}</p>`, readingTime: 1 });
      });
    return () => {
      live = false;
    };
  }, [body, siteUrl]);
  return state;
}

function dateElement(value: unknown, timeZone: string): ReactElement | null {
  const parsed = parseContentDate(typeof value === "string" || value instanceof Date ? value : undefined, timeZone);
  if (typeof parsed === "string") return null;
  return h("time", { dateTime: isoDateTime(parsed, timeZone) }, formatDate(parsed, timeZone));
}

/** The preview of a post: the header of the post page, the hero image and the prose. */
export function postPreview(ctx: PreviewContext) {
  return function PostPreview(props: PreviewTemplateComponentProps): ReactElement {
    const data = props.entry.get("data") as Data;
    const title = text(data, "title");
    const body = text(data, "body");
    const tags = ((plain(data.get("tags")) as unknown[] | undefined) ?? []).map(String);
    const image = data.get("image");
    const imageAlt = text(data, "imageAlt");
    const rendered = useMarkdown(body, ctx.siteUrl);
    const date = dateElement(data.get("date"), ctx.timeZone);
    const updated = dateElement(data.get("updated"), ctx.timeZone);
    return h(
      "main",
      { id: "main" },
      h(
        "article",
        { className: "post prose-width" },
        h(
          "header",
          { className: "post-header" },
          data.get("draft") === true ? h("p", { className: "draft-flag" }, "Draft: not published") : null,
          h("h1", null, title),
          h(
            "p",
            { className: "meta" },
            date,
            updated ? [" · Updated ", updated] : null,
            rendered ? h("span", null, ` · ${rendered.readingTime} min read`) : null,
          ),
          tags.length > 0
            ? h(
                "ul",
                { className: "tags", "aria-label": "Tags" },
                tags.map((tag) => h("li", { key: tag }, h("a", { href: "#" }, tag))),
              )
            : null,
        ),
        typeof image === "string" && image ? h("img", { className: "hero", src: assetUrl(props, image), alt: imageAlt }) : null,
        h("div", { className: "prose", dangerouslySetInnerHTML: { __html: rendered ? withAssets(rendered.html, props) : "" } }),
      ),
    );
  };
}

/** The preview of a simple page (about): heading and prose. */
export function pagePreview(ctx: PreviewContext) {
  return function PagePreview(props: PreviewTemplateComponentProps): ReactElement {
    const data = props.entry.get("data") as Data;
    const rendered = useMarkdown(text(data, "body"), ctx.siteUrl);
    return h(
      "main",
      { id: "main" },
      h(
        "article",
        { className: "prose-width page" },
        h("h1", null, text(data, "title")),
        h("div", { className: "prose", dangerouslySetInnerHTML: { __html: rendered ? withAssets(rendered.html, props) : "" } }),
      ),
    );
  };
}
