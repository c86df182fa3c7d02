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
import { toString as hastToString } from "hast-util-to-string";
import { cleanHtml, parseHtml } from "./html.ts";
import { parseLooseDate } from "./text.ts";
import { SourceError, type ParsedSource, type SourcePost } from "./types.ts";

function attr(el: Element, name: string): string {
  const v = el.properties[name];
  return Array.isArray(v) ? v.join(" ") : v === undefined || v === null ? "" : String(v);
}

function elements(tree: Root | Element): Element[] {
  const out: Element[] = [];
  const walk = (n: Root | Element) => {
    for (const c of n.children) {
      if (c.type === "element") {
        out.push(c);
        walk(c);
      }
    }
  };
  walk(tree);
  return out;
}

/** Finds a BlogPosting/Article object in the page's JSON-LD blocks. */
function jsonLdArticle(all: Element[]): Record<string, unknown> | undefined {
  for (const el of all) {
    if (el.tagName !== "script" || !/ld\+json/i.test(attr(el, "type"))) continue;
    let data: unknown;
    try {
      data = JSON.parse(hastToString(el));
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...(item as unknown[]));
      else if (item && typeof item === "object") {
        const obj = item as Record<string, unknown>;
        const type = Array.isArray(obj["@type"]) ? (obj["@type"] as unknown[]).join(" ") : str(obj["@type"]);
        if (/BlogPosting|Article/.test(type)) return obj;
        if (obj["@graph"]) queue.push(obj["@graph"]);
      }
    }
  }
  return undefined;
}

function str(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === "object") return str((v as Record<string, unknown>)["name"] ?? (v as Record<string, unknown>)["url"]);
  return "";
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
export function parsePage(html: string, file: string, problems: string[]): SourcePost | undefined {
  const name = path.basename(file);
  const tree = parseHtml(html, false);
  const all = elements(tree);
  const ld = jsonLdArticle(all);
  const meta = (key: string) =>
    all.filter((el) => el.tagName === "meta" && (attr(el, "property") === key || attr(el, "name") === key)).map((el) => attr(el, "content").trim());
  const h1 = all.find((el) => el.tagName === "h1");
  const siteName = meta("og:site_name")[0] ?? "";
  const docTitle = hastToString(all.find((el) => el.tagName === "title") ?? { type: "root", children: [] })
    .replace(new RegExp(`\\s*[|\\-–]\\s*${siteName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`), "")
    .trim();
  const title = (str(ld?.["headline"]) || (h1 ? hastToString(h1) : "") || meta("og:title")[0] || docTitle).replace(/\s+/g, " ").trim();
  const timeEl = all.find((el) => el.tagName === "time");
  const dateText =
    str(ld?.["datePublished"]) ||
    meta("article:published_time")[0] ||
    (timeEl ? attr(timeEl, "dateTime") || hastToString(timeEl) : "") ||
    hastToString(
      all.find((el) => /post-date|time-ago|post-metadata__date/.test(attr(el, "dataHook") + " " + attr(el, "className"))) ?? {
        type: "root",
        children: [],
      },
    );
  const date = dateText ? (parseLooseDate(dateText.trim()) ?? new Date(dateText.trim())) : undefined;
  const badDate = date === undefined || (date instanceof Date && Number.isNaN(date.getTime()));
  const before = problems.length;
  if (!title) problems.push(`${name}: cannot find the post's title (no <h1>, og:title or <title>)`);
  if (!dateText) problems.push(`${name}: cannot find the post's date (looked for datePublished, article:published_time and <time>)`);
  else if (badDate) problems.push(`${name}: the date "${dateText}" cannot be read`);
  if (problems.length > before) return undefined;

  // Tags: the page's declared keywords/tags, then tag and category links of the post footer.
  const keywords = str(ld?.["keywords"]);
  const tags = [
    ...meta("article:tag"),
    ...(Array.isArray(ld?.["keywords"]) ? (ld["keywords"] as unknown[]).map(str) : keywords ? keywords.split(",") : []),
    ...all.filter((el) => el.tagName === "a" && /\/blog\/(categories|hashtags|tags)\//.test(attr(el, "href"))).map((el) => hastToString(el)),
  ]
    .map((t) => t.replace(/^#/, "").trim())
    .filter(Boolean);

  const author = str(ld?.["author"]) || meta("author")[0] || meta("article:author")[0] || "";
  const link =
    attr(all.find((el) => el.tagName === "link" && attr(el, "rel") === "canonical") ?? ({ properties: {} } as Element), "href") ||
    meta("og:url")[0] ||
    str(ld?.["url"]) ||
    str(ld?.["mainEntityOfPage"]);
  const description = meta("description")[0] || meta("og:description")[0] || str(ld?.["description"]);
  const cover = meta("og:image")[0] || str(ld?.["image"]);

  const body = contentElement(all, tree);
  // The content element may contain the title and date again: drop them.
  if (body.type === "element" && h1 && body !== h1) body.children = body.children.filter((c) => c !== h1);
  const notes = cleanHtml(body);
  const root: Root = { type: "root", children: body.children };
  for (const el of elements(root)) {
    if (el.tagName === "h1" && hastToString(el).trim() === title) el.children = [];
    if (el.tagName === "time") el.children = [];
  }
  const post: SourcePost = {
    title,
    date: date!,
    tags,
    body: { kind: "hast", tree: root },
    excerptOnly: false,
    baseDir: path.dirname(file),
    origin: name,
    notes,
  };
  if (author) post.author = author;
  if (description) post.description = description;
  if (link) post.link = link;
  if (cover) post.cover = cover;
  return post;
}

/** Reads every .html/.htm file of a folder of saved pages; throws a SourceError listing every problem. */
export function parsePagesFolder(dir: string): ParsedSource {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.html?$/i.test(f))
    .sort();
  if (files.length === 0) throw new SourceError(dir, ["the folder has no saved pages (.html files)"]);
  const problems: string[] = [];
  const posts: SourcePost[] = [];
  for (const f of files) {
    const post = parsePage(fs.readFileSync(path.join(dir, f), "utf8"), path.join(dir, f), problems);
    if (post) posts.push(post);
  }
  const seen = new Map<string, string>();
  for (const p of posts) {
    const key = p.title.toLowerCase();
    if (seen.has(key)) problems.push(`${p.origin}: has the same title as ${seen.get(key)}; each post needs its own title`);
    else seen.set(key, p.origin);
  }
  if (problems.length) throw new SourceError(path.basename(dir), problems);
  const origin = posts.map((p) => p.link).find((l) => l && /^https?:/.test(l));
  return { kind: "pages", posts, ignored: [], ...(origin ? { siteOrigin: new URL(origin).origin } : {}) };
}
