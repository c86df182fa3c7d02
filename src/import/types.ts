/** The shapes shared by the import sources (feed, saved pages, plain text) and the import plan. */
import type { Root } from "mdast";
import { InputError } from "../cli/lib/cli.ts";

/** One post read from the old site. */
export interface SourcePost {
  title: string;
  /** Publication instant, or a calendar day (YYYY-MM-DD) in the site's time zone when the source shows only the day. */
  date: Date | string;
  /** Topics (the old site's categories and tags). */
  tags: string[];
  author?: string | undefined;
  /** A summary given by the source (feed description, meta description). */
  description?: string | undefined;
  body: Root;
  /** Only a short excerpt was available: the post becomes a draft with a note. */
  excerptOnly: boolean;
  /** The post's address on the old site, when known. */
  link?: string | undefined;
  /** Cover image (feed enclosure, og:image). */
  cover?: string | undefined;
  /** Folder that relative image paths are resolved against. */
  baseDir: string;
  /** Where the post came from, for messages ("blog-feed.xml, item 3"). */
  origin: string;
  /** Things the owner should know about this post. */
  notes: string[];
}

export interface ParsedSource {
  kind: "feed" | "pages" | "text";
  posts: SourcePost[];
  /** The old blog's own address (a feed's channel link), when the source gives one. */
  blogLink?: string;
  /** Text outside any post that was left out (footers, widgets). */
  ignored: string[];
}

/** The source cannot be imported; nothing is written. Lists every problem found (the command prints it and exits 1). */
export class SourceError extends InputError {
  constructor(source: string, problems: string[]) {
    super(`Cannot import ${source}:\n${problems.map((p) => `  - ${p}`).join("\n")}\nNothing was written.`);
  }
}
