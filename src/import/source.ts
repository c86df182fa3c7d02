/** Recognises what kind of source the owner handed over: a feed file, a folder of saved pages, a saved page, or a text capture. */
import fs from "node:fs";
import path from "node:path";
import { parseFeed } from "./feed.ts";
import { parsePages } from "./pages.ts";
import { parseTextCapture } from "./text.ts";
import { SourceError, type ParsedSource } from "./types.ts";

/** Reads any supported source; throws a SourceError naming the problems. */
export function readSource(source: string): ParsedSource {
  if (fs.statSync(source).isDirectory()) return parsePages(source);
  const text = fs.readFileSync(source, "utf8").replace(/^\uFEFF/, "");
  const head = text.trimStart().slice(0, 300).toLowerCase();
  const isPage = /^<(!doctype html|html)/.test(head);
  if (/\.(xml|rss)$/i.test(source) || /^<(\?xml|rss)/.test(head)) {
    if (isPage) {
      throw new SourceError(path.basename(source), [
        "this is a web page, not the XML feed: save the address /blog-feed.xml itself (or pass the page's folder)",
      ]);
    }
    return parseFeed(text, source);
  }
  return /\.html?$/i.test(source) || isPage ? parsePages(source) : parseTextCapture(text, source);
}
