/**
 * CMS preview templates: the site's own views (src/views/) from the entry's
 * data, bodies through the site's Markdown pipeline (./preview-html.ts), so
 * with the site's CSS registered as preview styles the pane shows the page.
 * Each template renders one HTML string: React only hosts it.
 * https://decapcms.org/docs/customization/
 */
import type { PreviewTemplateComponentProps } from "decap-cms-core";
import type { ElementContent } from "hast";
import { createElement, useEffect, useState, type ReactElement } from "react";
import { parseContentDate } from "../src/lib/dates.ts";
import { CALENDAR_PATH, signupHref } from "../src/lib/program.ts";
import type { SiteSettings } from "../src/lib/settings.ts";
import { withBase } from "../src/lib/urls.ts";
import { collections, type CollectionSpec, type ProgramData } from "../src/schema/index.ts";
import { h, html, withMarkdown, type Md } from "../src/views/html.ts";
import { postTop } from "../src/views/post.ts";
import { programCallout, programSections } from "../src/views/program.ts";
import { signupBlock } from "../src/views/readers.ts";
import { aboutPage, siteFooter, siteHeader } from "../src/views/site.ts";
import type { CmsOptions } from "./cms-options.ts";
import { previewHtml } from "./preview-html.ts";
import { checkEntry } from "./save-guard.ts";

/** What every preview needs from the site: the CMS options and the deployment sub-path (Astro `base`). */
export type PreviewContext = Pick<CmsOptions, "siteUrl" | "timeZone" | "settings"> & { base: string };

type Props = PreviewTemplateComponentProps;
type Data = Record<string, unknown>;
/** The entry's Markdown body through the site's pipeline. */
type Body = Awaited<ReturnType<typeof previewHtml>>;
type Render<X> = (data: Data, body: Body, props: Props, md: Md, extra: X) => ElementContent[];

/** A text value of the entry ("" when absent or not text). */
const text = (data: Data, key: string): string => (typeof data[key] === "string" ? data[key] : "");

/** The address the preview can load for an image written in content: Decap's for a repository path (getAsset's proxy prints as one, often blob:). */
function assetUrl(props: Props, src: string): string {
  if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(src)) return src;
  return (props.getAsset(src) as unknown as { toString(): string }).toString();
}

const raw = (value: string): ElementContent => ({ type: "raw", value }) as unknown as ElementContent;
const errorNote = (message: string): string => html(h("p", { className: ["preview-error"] }, message));

/**
 * A preview template: `render` builds the page's markup from the entry's data; Markdown fields go through the
 * site's pipeline. `load` fetches what else the page shows (another entry, as saved in the repository).
 */
function template<X = undefined>(ctx: PreviewContext, render: Render<X>, load: (props: Props) => Promise<X> = () => Promise.resolve(undefined as X)) {
  return function Preview(props: Props): ReactElement {
    const [markup, setMarkup] = useState("");
    const entryData = props.entry.get("data") as { toJS(): Data };
    useEffect(() => {
      let live = true;
      const data = entryData.toJS();
      const options = { siteUrl: ctx.siteUrl, resolveImage: (src: string) => assetUrl(props, src) };
      void Promise.all([previewHtml(text(data, "body"), options), load(props)])
        .then(([body, extra]) =>
          withMarkdown(
            (md) => render(data, body, props, md, extra),
            async (markdown) => (await previewHtml(markdown, options)).html,
          ),
        )
        .then((nodes) => html(nodes))
        .catch((err: unknown) => errorNote(`The preview could not show this entry: ${err instanceof Error ? err.message : String(err)}`))
        .then((out) => {
          if (live) setMarkup(out);
        });
      return () => {
        live = false;
      };
    }, [entryData]);
    return createElement("div", { className: "preview-page", dangerouslySetInnerHTML: { __html: markup } });
  };
}

/** The entry's data checked and completed by the site's schema, or an error naming the fields. */
function parsed<T>(spec: CollectionSpec, data: Data, timeZone: string): T {
  const check = checkEntry(spec, data, timeZone);
  if (check.problems.length) throw new Error(check.problems.join("; "));
  return check.parsed as T;
}

/** A post: its page's article (header, hero, contents, text) and the program callout after it. */
export const postPreview = (ctx: PreviewContext) =>
  template(
    ctx,
    (data, body, props, md, program: ProgramData) => {
      const date = (key: string) => {
        const value = parseContentDate(data[key], ctx.timeZone);
        return typeof value === "string" ? undefined : value;
      };
      const tags = Array.isArray(data["tags"]) ? data["tags"].map(String) : [];
      const image = text(data, "image");
      const top = postTop(
        {
          title: text(data, "title"),
          unpublished: data["draft"] === true ? "Draft" : (date("date")?.getTime() ?? 0) > Date.now() ? "Scheduled" : undefined,
          date: date("date"),
          updated: date("updated"),
          readingTime: body.meta.readingTime,
          tags,
          searchTags: [...new Set(tags)],
          timeZone: ctx.timeZone,
          hero: image ? { src: assetUrl(props, image), alt: text(data, "imageAlt") } : undefined,
          toc: body.meta.toc,
        },
        (path) => withBase(path, ctx.base),
      );
      const callout =
        data["cta"] !== false ? programCallout(program.callout, { placement: "end" }, (path) => withBase(path, ctx.base), md) : undefined;
      return [
        h("main", { id: "main" }, [
          h("article", { className: ["post", "prose-width"] }, [...top.children, h("div", { className: ["prose"] }, raw(body.html))]),
          callout && h("div", { className: ["prose-width"] }, callout),
        ]),
      ];
    },
    // The program page as saved in the repository: its callout ends posts. getCollection gives an Immutable Map.
    async (props) => {
      const entry = (await props.getCollection(collections.program.name, "program")) as unknown as { get(key: "data"): Data };
      return parsed<ProgramData>(collections.program, entry.get("data"), ctx.timeZone);
    },
  );

/** The about page: heading, text, contact line (the tagline and address are the published settings'). */
export const pagePreview = (ctx: PreviewContext) =>
  template(ctx, (data, body) => {
    const { head, contact } = aboutPage({ title: text(data, "title"), description: text(data, "description") }, ctx.settings);
    return [
      h("main", { id: "main" }, [h("article", { className: ["prose-width"] }, [head, h("div", { className: ["prose"] }, raw(body.html)), contact])]),
    ];
  });

/** The program page: every section. */
export const programPreview = (ctx: PreviewContext) =>
  template(ctx, (data, _body, _props, md) => {
    const program = parsed<ProgramData>(collections.program, data, ctx.timeZone);
    const pageContext = {
      ctaHref: signupHref(ctx.settings),
      calendarHref: withBase(CALENDAR_PATH, ctx.base),
      email: ctx.settings.email,
      now: new Date(),
    };
    return [h("main", { id: "main" }, h("article", { className: ["landing"] }, programSections(program, pageContext, md)))];
  });

/** Site settings: what they change on every page: the header, the email signup block and the footer. */
export const settingsPreview = (ctx: PreviewContext) =>
  template(ctx, (data) => {
    const settings = parsed<SiteSettings>(collections.settings, data, ctx.timeZone);
    const href = (path: string) => withBase(path, ctx.base);
    // The signup block as it ends a post (the settings say where else it shows).
    const signup = signupBlock(settings, "posts", href);
    return [siteHeader(settings, href("/"), href), ...(signup ? [h("div", { className: ["prose-width"] }, signup)] : []), siteFooter(settings, href)];
  });
