/**
 * Saved post pages of the old site (File > Save page as... in a browser).
 * Metadata comes from what the page declares for search engines (JSON-LD
 * BlogPosting, Open Graph and article: meta tags), then from the visible page
 * (h1, <time>); the text from the post's content element.
 * https://schema.org/BlogPosting, https://ogp.me/
 */
import fs from "node:fs";
import path from "node:path";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toString as hastToString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import { attr, htmlToMdast } from "./html.ts";
import { parseLooseDate } from "./text.ts";
import { SourceError, type ParsedSource, type SourcePost } from "./types.ts";

function elements(tree: Root | Element): Element[] {
  const out: Element[] = [];
  visit(tree, "element", (el: Element) => void out.push(el));
  return out;
}

/** A JSON-LD value as text: the first of a list, the name (or address) of an object. */
function str(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === "object") return str((v as Record<string, unknown>)["name"] ?? (v as Record<string, unknown>)["url"]);
  return "";
}

/** The first BlogPosting/Article object in a JSON-LD value, its lists and `@graph`s included. */
function findArticle(value: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(value)) return value.map(findArticle).find(Boolean);
  if (!value || typeof value !== "object") return undefined;
  const obj = value as Record<string, unknown>;
  return /BlogPosting|Article/.test([obj["@type"]].flat().join(" ")) ? obj : findArticle(obj["@graph"]);
}

/** Finds a BlogPosting/Article object in the page's JSON-LD blocks; a block that is not JSON (or nests too deep) is passed over. */
function jsonLdArticle(all: Element[]): Record<string, unknown> | undefined {
  for (const el of all.filter((e) => e.tagName === "script" && /ld\+json/i.test(attr(e, "type")))) {
    try {
      const article = findArticle(JSON.parse(hastToString(el)));
      if (article) return article;
    } catch {}
  }
  return undefined;
}

/** The element holding the post text: the builder's post body, else <article>, else <main>, else <body>. */
function contentElement(all: Element[], tree: Root): Element | Root {
  const by = (test: (el: Element) => boolean) => all.find(test);
  return (
    by((el) => /post-description|post-content|rich-content|blog-post-body/.test(attr(el, "dataHook"))) ??
    by((el) => attr(el, "itemProp") === "articleBody") ??
    by((el) => /(^|\s)(post-content|blog-post-content|entry-content)(\s|$)/.test(attr(el, "className"))) ??
    by((el) => el.tagName === "article") ??
    by((el) => el.tagName === "main") ??
    by((el) => el.tagName === "body") ??
    tree
  );
}

/** Reads one saved page; problems are collected rather than thrown. */
function parsePage(file: string, problems: string[]): SourcePost | undefined {
  const name = path.basename(file);
  const tree = fromHtml(fs.readFileSync(file, "utf8"));
  const all = elements(tree);
  const ld = jsonLdArticle(all);
  const meta = (key: string) =>
    all.filter((el) => el.tagName === "meta" && (attr(el, "property") === key || attr(el, "name") === key)).map((el) => attr(el, "content").trim());
  const textOf = (el: Element | undefined) => (el ? hastToString(el) : "");
  const h1 = all.find((el) => el.tagName === "h1");
  const siteName = meta("og:site_name")[0] ?? "";
  const docTitle = textOf(all.find((el) => el.tagName === "title"))
    .replace(new RegExp(`\\s*[|\\-–]\\s*${siteName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`), "")
    .trim();
  const title = (str(ld?.["headline"]) || textOf(h1) || meta("og:title")[0] || docTitle).replace(/\s+/g, " ").trim();
  const timeEl = all.find((el) => el.tagName === "time");
  const dateText = (
    str(ld?.["datePublished"]) ||
    meta("article:published_time")[0] ||
    (timeEl ? attr(timeEl, "dateTime") || hastToString(timeEl) : "") ||
    textOf(all.find((el) => /post-date|time-ago|post-metadata__date/.test(attr(el, "dataHook") + " " + attr(el, "className"))))
  ).trim();
  const date = dateText ? (parseLooseDate(dateText) ?? new Date(dateText)) : undefined;
  const before = problems.length;
  if (!title) problems.push(`${name}: cannot find the post's title (no <h1>, og:title or <title>)`);
  if (!dateText) problems.push(`${name}: cannot find the post's date (looked for datePublished, article:published_time and <time>)`);
  else if (date instanceof Date && Number.isNaN(date.getTime())) problems.push(`${name}: the date "${dateText}" cannot be read`);
  if (problems.length > before) return undefined;

  // Tags: the page's declared keywords/tags, then tag and category links of the post footer.
  const keywords = ld?.["keywords"];
  const tags = [
    ...meta("article:tag"),
    ...(Array.isArray(keywords) ? keywords.map(str) : str(keywords).split(",")),
    ...all.filter((el) => el.tagName === "a" && /\/blog\/(categories|hashtags|tags)\//.test(attr(el, "href"))).map(textOf),
  ]
    .map((t) => t.replace(/^#/, "").trim())
    .filter(Boolean);

  const canonical = all.find((el) => el.tagName === "link" && attr(el, "rel") === "canonical");
  const content = contentElement(all, tree);
  // The content element may contain the title and date again: drop them.
  const body: Root = { type: "root", children: content.children.filter((c) => c !== h1 || content === h1) };
  for (const el of elements(body)) {
    if ((el.tagName === "h1" && hastToString(el).trim() === title) || el.tagName === "time") el.children = [];
  }
  const notes: string[] = [];
  return {
    title,
    date: date!,
    tags,
    author: str(ld?.["author"]) || meta("author")[0] || meta("article:author")[0] || undefined,
    description: meta("description")[0] || meta("og:description")[0] || str(ld?.["description"]) || undefined,
    body: htmlToMdast(body, notes),
    excerptOnly: false,
    link: (canonical && attr(canonical, "href")) || meta("og:url")[0] || str(ld?.["url"]) || str(ld?.["mainEntityOfPage"]) || undefined,
    cover: meta("og:image")[0] || str(ld?.["image"]) || undefined,
    baseDir: path.dirname(file),
    origin: name,
    notes,
  };
}

/** Reads a saved page, or every .html/.htm file of a folder of them; throws a SourceError listing every problem. */
export function parsePages(source: string): ParsedSource {
  const files = fs.statSync(source).isDirectory()
    ? fs
        .readdirSync(source)
        .filter((f) => /\.html?$/i.test(f))
        .sort()
        .map((f) => path.join(source, f))
    : [source];
  if (files.length === 0) throw new SourceError(source, ["the folder has no saved pages (.html files)"]);
  const problems: string[] = [];
  const posts = files.flatMap((f) => parsePage(f, problems) ?? []);
  const seen = new Map<string, string>();
  for (const p of posts) {
    const key = p.title.toLowerCase();
    if (seen.has(key)) problems.push(`${p.origin}: has the same title as ${seen.get(key)}; each post needs its own title`);
    else seen.set(key, p.origin);
  }
  if (problems.length) throw new SourceError(path.basename(source), problems);
  return { kind: "pages", posts, ignored: [] };
}
