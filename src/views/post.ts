/** A post page's own markup: header, hero image, table of contents and tags. */
import type { Element, Root } from "hast";
import { tagSlug } from "../lib/tags.ts";
import { tagPath } from "../lib/urls.ts";
import type { TocEntry } from "../markdown/rehype-toc.ts";
import { h, time } from "./html.ts";

/** What the top of a post shows. */
export interface PostTop {
  title: string;
  /** Why readers cannot see the post yet (marked on the authoring server and in the CMS preview). */
  unpublished?: "Draft" | "Scheduled" | undefined;
  /** Missing while the author has not set one (CMS preview). */
  date?: Date | undefined;
  updated?: Date | undefined;
  readingTime: number;
  tags: string[];
  /** The tags' canonical spellings, as search filters. */
  searchTags: string[];
  timeZone: string;
  /** The image service's output, or the CMS's asset URL. */
  hero?: { src: string; alt: string; srcset?: string; sizes?: string; width?: number | string; height?: number | string } | undefined;
  toc: TocEntry[];
}

/** A post's tags as links to their tag pages; nothing without tags. */
export function tagList(tags: string[], href: (path: string) => string): Element | undefined {
  if (tags.length === 0) return undefined;
  return h(
    "ul",
    { className: ["tags", "plain-list"], ariaLabel: "Tags" },
    tags.map((tag) => h("li", h("a", { className: ["pill"], href: href(tagPath(tagSlug(tag))) }, tag))),
  );
}

/**
 * A quiet, collapsible table of contents for posts with three or more sections. Kept out of
 * the search index: it repeats the headings, which the index already has from the text.
 */
function toc(entries: TocEntry[]): Element | undefined {
  if (entries.filter((e) => e.depth === 2).length < 3) return undefined;
  return h("details", { className: ["toc", "no-print"], dataPagefindIgnore: true }, [
    h("summary", "In this post"),
    h(
      "ol",
      entries.map((e) => h("li", { className: [`depth-${e.depth}`] }, h("a", { href: `#${e.slug}` }, e.text))),
    ),
  ]);
}

/** Header, hero image and table of contents: everything of a post's article before its text. */
export function postTop(post: PostTop, href: (path: string) => string): Root {
  const { hero } = post;
  const header = h("header", { className: ["post-header"] }, [
    post.unpublished
      ? h("p", { className: ["badge"] }, `${post.unpublished}: not published${post.unpublished === "Scheduled" ? " before its date" : ""}`)
      : undefined,
    h("h1", { dataPagefindMeta: "title", dataPagefindWeight: "10" }, post.title),
    h("p", { className: ["meta", "small"], dataPagefindIgnore: true }, [
      post.date && time(post.date, post.timeZone),
      ...(post.updated ? [" · Updated ", time(post.updated, post.timeZone)] : []),
      h("span", ` · ${post.readingTime} min read`),
    ]),
    tagList(post.tags, href),
    post.searchTags.map((tag) => h("data", { hidden: true, value: tag, dataPagefindFilter: "tag[value]" })),
  ]);
  const image = hero
    ? h("img", {
        ...hero,
        className: ["hero"],
        loading: "eager",
        decoding: "async",
        fetchPriority: "high",
        dataPagefindMeta: "image[src], image_alt[alt]",
      })
    : undefined;
  return { type: "root", children: [header, image, toc(post.toc)].filter((n): n is Element => n !== undefined) };
}
