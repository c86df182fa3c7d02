/** Recognises what kind of source the owner handed over: a feed file, a folder of saved pages, a saved page, or a text capture. */
import fs from "node:fs";
import path from "node:path";
import { parseFeed } from "./feed.ts";
import { parsePage, parsePagesFolder } from "./pages.ts";
import { parseTextCapture } from "./text.ts";
import { SourceError, type ParsedSource } from "./types.ts";

/** Reads any supported source; throws a SourceError naming the problems. */
export function readSource(source: string): ParsedSource {
  const stat = fs.statSync(source);
  if (stat.isDirectory()) return parsePagesFolder(source);
  const text = fs.readFileSync(source, "utf8");
  const head = text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 300)
    .toLowerCase();
  if (/\.(xml|rss)$/i.test(source) || head.startsWith("<?xml") || head.startsWith("<rss")) {
    if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
      throw new SourceError(path.basename(source), [
        "this is a web page, not the XML feed: save the address /blog-feed.xml itself (or pass the page's folder)",
      ]);
    }
    return parseFeed(text, source);
  }
  if (/\.html?$/i.test(source) || head.startsWith("<!doctype html") || head.startsWith("<html")) {
    const problems: string[] = [];
    const post = parsePage(text, source, problems);
    if (!post) throw new SourceError(path.basename(source), problems);
    return { kind: "pages", posts: [post], ignored: [] };
  }
  return parseTextCapture(text, source);
}
