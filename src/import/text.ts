/**
 * A plain-text capture of the old blog page (select all, copy, paste): each
 * post is its title on one line and its date on a following line, then the
 * text. Builder widgets ("Please reload", "Recent Posts") are dropped; text
 * before the first post (footer lines) is reported as ignored.
 */
import path from "node:path";
import type { ListItem, Paragraph, Root, RootContent } from "mdast";
import { parseContentDate } from "../lib/dates.ts";
import { isWidgetText } from "./widgets.ts";
import { SourceError, type ParsedSource, type SourcePost } from "./types.ts";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** The day as YYYY-MM-DD, when it is a real calendar day by the site's own rule. */
function day(y: number, m: number, d: number): string | undefined {
  const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return typeof parseContentDate(iso, "UTC") === "string" ? undefined : iso;
}

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * Reads a date as the old site showed it: "September 3, 2017", "Sep 3, 2017",
 * "3 September 2017", "2017-09-03", optionally followed by " · 2 min read".
 * Returns the calendar day (YYYY-MM-DD) or, for full timestamps, a Date.
 */
export function parseLooseDate(input: string): string | Date | undefined {
  const s = input
    .split(/\s+[·•|]\s+/)[0]!
    .trim()
    .replace(/^(published|posted)( on)?:?\s+/i, "");
  let m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(s);
  if (m && month(m[1]!) > 0) return day(Number(m[3]), month(m[1]!), Number(m[2]));
  m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(s);
  if (m && month(m[2]!) > 0) return day(Number(m[3]), month(m[2]!), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

const BULLET = /^\s*(?:[-*•–]|\d+[.)])\s+/;

/** A sentence break inside a line: end punctuation, optional closing quote, space, then more text. */
const SENTENCE_BREAK = /[.!?…]["'”’)]*\s+\S/;

/**
 * Whether a one-line paragraph is a section heading. The capture loses
 * formatting, so headings are recognised by shape: a single short line (at
 * most 100 characters) holding one sentence that ends in a question mark or
 * no punctuation at all, followed by a longer paragraph. Body sentences end
 * with a period; lead-ins end with a colon; both stay paragraphs.
 */
function looksLikeHeading(line: string, next: string | undefined): boolean {
  const t = line.trim();
  if (!t || t.length > 100 || BULLET.test(t)) return false;
  if (SENTENCE_BREAK.test(t)) return false;
  if (/[.,;:!…]["'”’)]*$/.test(t)) return false;
  return next !== undefined && next.trim().length > t.length;
}

function paragraph(text: string): Paragraph {
  return { type: "paragraph", children: [{ type: "text", value: text }] };
}

/** Builds the Markdown tree of a post body from its (trimmed) lines; notes collect what the owner should check. */
function bodyFromLines(lines: string[], notes: string[]): Root {
  // Blocks: runs of non-empty lines. One line per paragraph is how captures come; runs are soft-wrapped text or lists.
  const blocks: string[][] = [];
  /** Blank lines before each block. */
  const gaps: number[] = [];
  let blank = 0;
  for (const line of lines) {
    if (!line) blank++;
    else if (blank || !blocks.length) {
      blocks.push([line]);
      gaps.push(blank);
      blank = 0;
    } else blocks.at(-1)!.push(line);
  }
  // Wider gaps than usual between paragraphs are where the page had something the capture lost (an image, a styled heading).
  const usual = gaps.slice(1).sort((a, b) => a - b)[Math.floor((gaps.length - 1) / 2)] ?? 0;
  const wide = blocks.filter((_, i) => i > 0 && gaps[i]! > usual && gaps[i]! >= 3).map((b) => `"${b.join(" ").slice(0, 40)}…"`);
  if (wide.length) {
    notes.push(
      `the capture has wider gaps than usual before ${wide.join(", ")}: the old page probably had images or headings there that plain text cannot hold`,
    );
  }
  const isList = (block: string[]) => block.every((l) => BULLET.test(l));
  const children = blocks.map((block, i): RootContent => {
    if (isList(block)) {
      const items = block.map((l): ListItem => ({ type: "listItem", spread: false, children: [paragraph(l.replace(BULLET, ""))] }));
      return { type: "list", ordered: /^\s*\d/.test(block[0]!), spread: false, children: items };
    }
    const text = block.join(" ");
    const next = blocks[i + 1];
    if (block.length === 1 && looksLikeHeading(text, next && !isList(next) ? next.join(" ") : undefined))
      return { type: "heading", depth: 2, children: [{ type: "text", value: text }] };
    if (/:$/.test(text) && (next === undefined || (next.length === 1 && looksLikeHeading(next[0]!, blocks[i + 2]?.join(" "))))) {
      notes.push(
        `the paragraph "${text.length > 60 ? `…${text.slice(-60)}` : text}" ends with a colon: a link or embedded content probably followed it on the old site and is not in the capture`,
      );
    }
    return paragraph(text);
  });
  return { type: "root", children };
}

/** Reads a plain-text capture; throws a SourceError when no post can be found. */
export function parseTextCapture(text: string, file: string): ParsedSource {
  const name = path.basename(file);
  const lines = text.split(/\r\n?|\n/).map((l) => l.trim());
  const kind = lines.map((l) => (!l ? "blank" : isWidgetText(l) ? "widget" : parseLooseDate(l) ? "date" : "text"));
  const starts: Array<{ title: number; date: number }> = [];
  kind.forEach((k, i) => {
    if (k !== "date") return;
    let t = i - 1;
    while (t >= 0 && kind[t] !== "text") t--;
    const floor = starts.at(-1)?.date ?? -1;
    if (t > floor) starts.push({ title: t, date: i });
  });
  if (starts.length === 0) {
    throw new SourceError(name, [
      "cannot find any post: a post starts with its title on one line and its date (like September 3, 2017) on a line after it",
    ]);
  }
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const posts = starts.map((s, n): SourcePost => {
    const title = lines[s.title]!.replace(/\s+/g, " ");
    const key = title.toLowerCase();
    if (seen.has(key))
      problems.push(`line ${s.title + 1}: "${title}" has the same title as the post on line ${seen.get(key)}; each post needs its own title`);
    seen.set(key, s.title + 1);
    const end = starts[n + 1]?.title ?? lines.length;
    const notes: string[] = [];
    const body = bodyFromLines(
      lines.slice(s.date + 1, end).map((l, j) => (kind[s.date + 1 + j] === "widget" ? "" : l)),
      notes,
    );
    if (body.children.length === 0) notes.push("the capture has no text for this post");
    const date = parseLooseDate(lines[s.date]!)!;
    return { title, date, tags: [], body, excerptOnly: false, baseDir: path.dirname(file), origin: `${name}, line ${s.title + 1}`, notes };
  });
  if (problems.length) throw new SourceError(name, problems);
  return { kind: "text", posts, ignored: lines.slice(0, starts[0]!.title).filter((_, i) => kind[i] === "text") };
}
