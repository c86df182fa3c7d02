/**
 * The old site's RSS 2.0 feed (`/blog-feed.xml`): one post per <item>, with
 * title, link, pubDate, description, categories, dc:creator, an enclosure
 * image and, when the builder includes it, the full HTML in content:encoded.
 * https://www.rssboard.org/rss-specification
 */
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { SourceError, type ParsedSource, type SourcePost } from "./types.ts";

type XmlValue = string | number | boolean | { "#text"?: unknown; [key: string]: unknown } | undefined;

/** The text of an XML element (with or without attributes). */
function text(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "object" && !Array.isArray(v)) return text((v as Record<string, unknown>)["#text"]);
  if (Array.isArray(v)) return text(v[0]);
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v).trim() : "";
}

/** Escapes plain text for use as HTML. */
function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Reads an RSS feed file's text; throws a SourceError listing every problem (nothing is imported then). */
export function parseFeed(xml: string, file: string): ParsedSource {
  const name = path.basename(file);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new SourceError(name, [`this is not a valid XML feed (line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg})`]);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (tag) => tag === "item" || tag === "category",
  });
  const doc = parser.parse(xml) as Record<string, unknown>;
  const channel = (doc["rss"] as Record<string, unknown> | undefined)?.["channel"] as Record<string, unknown> | undefined;
  if (!channel) throw new SourceError(name, ["this XML file is not an RSS feed: it has no <rss><channel> element"]);
  const items = (channel["item"] as Array<Record<string, XmlValue>> | undefined) ?? [];
  if (items.length === 0) throw new SourceError(name, ["the feed has no posts (no <item> elements)"]);

  const problems: string[] = [];
  const posts: SourcePost[] = [];
  const titles = new Map<string, number>();
  items.forEach((item, i) => {
    const n = i + 1;
    const title = text(item["title"]).replace(/\s+/g, " ");
    const label = title ? `item ${n} ("${title}")` : `item ${n}`;
    if (!title) problems.push(`${label} has no title`);
    const pubDate = text(item["pubDate"]) || text(item["dc:date"]);
    const date = new Date(pubDate);
    if (!pubDate) problems.push(`${label} has no publication date (<pubDate>)`);
    else if (Number.isNaN(date.getTime()))
      problems.push(`${label} has a date that cannot be read: "${pubDate}" (expected e.g. "Sun, 03 Sep 2017 18:22:00 GMT")`);
    if (title) {
      const key = title.toLowerCase();
      const first = titles.get(key);
      if (first !== undefined) problems.push(`${label} has the same title as item ${first}; each post needs its own title`);
      else titles.set(key, n);
    }
    const content = text(item["content:encoded"]);
    const description = text(item["description"]);
    const enclosure = item["enclosure"] as Record<string, unknown> | undefined;
    const enclosureUrl = enclosure && typeof enclosure === "object" ? text(enclosure["@url"]) : "";
    const enclosureType = enclosure && typeof enclosure === "object" ? text(enclosure["@type"]) : "";
    const categories = ((item["category"] as unknown as unknown[] | undefined) ?? []).map(text).filter(Boolean);
    const author = text(item["dc:creator"]) || text(item["author"]);
    const link = text(item["link"]) || (/^https?:/.test(text(item["guid"])) ? text(item["guid"]) : "");
    const excerptOnly = !content;
    const html = content || (/<[a-z][^>]*>/i.test(description) ? description : `<p>${escapeHtml(description)}</p>`);
    if (!content && !description) problems.push(`${label} has no text (neither <content:encoded> nor <description>)`);
    const post: SourcePost = {
      title,
      date,
      tags: categories,
      body: { kind: "html", html },
      excerptOnly,
      baseDir: path.dirname(file),
      origin: `${name}, ${label}`,
      notes: [],
    };
    if (author) post.author = author;
    if (content && description) post.description = description;
    if (link) post.link = link;
    if (enclosureUrl && (!enclosureType || enclosureType.startsWith("image/"))) post.cover = enclosureUrl;
    posts.push(post);
  });
  if (problems.length) throw new SourceError(name, problems);
  const channelLink = text(channel["link"]);
  const originOf = (u: string) => {
    try {
      return new URL(u).origin;
    } catch {
      return undefined;
    }
  };
  const siteOrigin = originOf(posts.find((p) => p.link)?.link ?? "") ?? originOf(channelLink);
  return { kind: "feed", posts, ignored: [], ...(siteOrigin ? { siteOrigin } : {}) };
}
