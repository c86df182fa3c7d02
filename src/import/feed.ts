/**
 * The old site's RSS 2.0 feed (`/blog-feed.xml`): one post per <item>, with
 * title, link, pubDate, description, categories, dc:creator, an enclosure
 * image and, when the builder includes it, the full HTML in content:encoded.
 * https://www.rssboard.org/rss-specification
 */
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { fromHtml } from "hast-util-from-html";
import { h } from "hastscript";
import { htmlToMdast } from "./html.ts";
import { SourceError, type ParsedSource, type SourcePost } from "./types.ts";

/** The text of an XML element (with or without attributes; the first of repeated ones). */
function text(v: unknown): string {
  if (Array.isArray(v)) return text(v[0]);
  if (v && typeof v === "object") return text((v as Record<string, unknown>)["#text"]);
  return typeof v === "string" ? v.trim() : "";
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  isArray: (tag) => tag === "item" || tag === "category",
});

/** Reads an RSS feed file's text; throws a SourceError listing every problem (nothing is imported then). */
export function parseFeed(xml: string, file: string): ParsedSource {
  const name = path.basename(file);
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new SourceError(name, [`this is not a valid XML feed (line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg})`]);
  const channel = (parser.parse(xml) as { rss?: { channel?: { item?: Array<Record<string, unknown>>; link?: unknown } } }).rss?.channel;
  if (!channel) throw new SourceError(name, ["this XML file is not an RSS feed: it has no <rss><channel> element"]);
  const items = channel.item ?? [];
  if (items.length === 0) throw new SourceError(name, ["the feed has no posts (no <item> elements)"]);

  const problems: string[] = [];
  const titles = new Map<string, number>();
  const posts = items.map((item, i): SourcePost => {
    const n = i + 1;
    const title = text(item["title"]).replace(/\s+/g, " ");
    const label = title ? `item ${n} ("${title}")` : `item ${n}`;
    if (!title) problems.push(`${label} has no title`);
    const pubDate = text(item["pubDate"]) || text(item["dc:date"]);
    const date = new Date(pubDate);
    if (!pubDate) problems.push(`${label} has no publication date (<pubDate>)`);
    else if (Number.isNaN(date.getTime()))
      problems.push(`${label} has a date that cannot be read: "${pubDate}" (expected e.g. "Sun, 03 Sep 2017 18:22:00 GMT")`);
    const first = titles.get(title.toLowerCase());
    if (title && first !== undefined) problems.push(`${label} has the same title as item ${first}; each post needs its own title`);
    else if (title) titles.set(title.toLowerCase(), n);
    const content = text(item["content:encoded"]);
    const description = text(item["description"]);
    if (!content && !description) problems.push(`${label} has no text (neither <content:encoded> nor <description>)`);
    const enclosure = item["enclosure"] as Record<string, unknown> | undefined;
    const coverType = text(enclosure?.["@type"]);
    const guid = text(item["guid"]);
    const notes: string[] = [];
    // Without content:encoded, the description is all the text there is: it becomes the body, an excerpt.
    const html = content || (/<[a-z][^>]*>/i.test(description) ? description : "");
    return {
      title,
      date,
      tags: ((item["category"] as unknown[] | undefined) ?? []).map(text).filter(Boolean),
      author: text(item["dc:creator"]) || text(item["author"]) || undefined,
      description: (content && description) || undefined,
      body: htmlToMdast(html ? fromHtml(html, { fragment: true }) : h(null, h("p", description)), notes),
      excerptOnly: !content,
      link: text(item["link"]) || (/^https?:/.test(guid) ? guid : undefined),
      cover: !coverType || coverType.startsWith("image/") ? text(enclosure?.["@url"]) || undefined : undefined,
      baseDir: path.dirname(file),
      origin: `${name}, ${label}`,
      notes,
    };
  });
  if (problems.length) throw new SourceError(name, problems);
  return { kind: "feed", posts, ignored: [], blogLink: text(channel.link) };
}
