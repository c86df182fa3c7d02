/**
 * One source post turned into the Markdown file the site reads: its text as
 * Markdown, a description, a note on excerpt-only posts, tags in the spellings
 * already in use, and front matter in the order the CMS shows the fields.
 */
import type { PhrasingContent, Root, Text } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import YAML from "yaml";
import type { z } from "astro/zod";
import { IMPORT_NOTE } from "../content-check/checks/metadata.ts";
import { preferredSpelling, tagName, tagSlug } from "../lib/tags.ts";
import type { SourcePost } from "./types.ts";

/** Longest description the schema accepts. */
const DESCRIPTION_LIMIT = 200;

/** Cuts text to at most `limit` characters at a word boundary, marking the cut with "…". */
function cutAtWord(text: string, limit = DESCRIPTION_LIMIT): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= limit) return t;
  const room = t.slice(0, limit - 1);
  const space = room.lastIndexOf(" ");
  return `${(space > limit / 2 ? room.slice(0, space) : room).replace(/[\s,;:.–—-]+$/, "")}…`;
}

/** The description: the source's own, unless it is just the start of the text (an automatic excerpt); else the first paragraph. */
export function describe(source: string | undefined, tree: Root): string {
  const paragraphs = tree.children.filter((n) => n.type === "paragraph").map((n) => mdastToString(n).replace(/\s+/g, " ").trim());
  const body = paragraphs.join(" ");
  const own = source
    ?.replace(/\s+/g, " ")
    .trim()
    .replace(/\s*\.\.\.$/, "…");
  const stem = own?.replace(/(\.\.\.|…)$/, "").trim();
  if (own && stem && !body.startsWith(stem)) return cutAtWord(own);
  let text = "";
  for (const p of paragraphs) {
    text = text ? `${text} ${p}` : p;
    if (text.length >= 50) break;
  }
  return cutAtWord((text || own || "").replace(/\s*\.\.\.$/, "…"));
}

const plain = (value: string): Text => ({ type: "text", value });

/** Puts a note at the top of a post the source had only the beginning of, telling the owner where the rest is. */
export function addExcerptNote(tree: Root, post: SourcePost, notes: string[]): void {
  const where: PhrasingContent[] = post.link
    ? [plain(" Copy the full text from "), { type: "link", url: post.link, children: [plain("the old page")] }, plain(" (or a saved copy of it),")]
    : [plain(" Add the full text,")];
  const note: PhrasingContent[] = [
    { type: "strong", children: [plain(IMPORT_NOTE.replace(/\*/g, ""))] },
    plain(" the old site's feed had only the beginning of this post."),
    ...where,
    plain(" then delete this note and set draft to false."),
  ];
  tree.children.unshift({ type: "blockquote", children: [{ type: "paragraph", children: note }] });
  notes.push("only an excerpt was in the source: imported as a draft");
}

/**
 * A post's tags, each once, in the preferred spelling of the tags already in
 * use (`spellings`, by slug: src/lib/tags.ts); a new tag keeps the spelling it
 * is first imported with, for the posts after it.
 */
export function importTags(raw: readonly string[], spellings: Map<string, Map<string, number>>): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const name of raw.map(tagName)) {
    const slug = tagSlug(name);
    if (!name || seen.has(slug)) continue;
    seen.add(slug);
    const known = spellings.get(slug);
    if (!known) spellings.set(slug, new Map([[name, 1]]));
    tags.push(known ? preferredSpelling(known) : name);
  }
  return tags;
}

/** Front matter, in the order the CMS shows the fields. */
export function frontMatter(post: SourcePost, fields: { description: string; day: string; tags: string[]; cover: Record<string, string> }) {
  const data: Record<string, unknown> = { title: post.title, description: fields.description, date: fields.day };
  if (post.author) data["author"] = post.author;
  data["tags"] = fields.tags;
  if (post.excerptOnly) data["draft"] = true;
  return { ...data, ...fields.cover };
}

/** Writes Markdown in the site's house style (ATX headings, "-" bullets, "_" emphasis). */
const markdown = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: "-", emphasis: "_", strong: "*", rule: "-", listItemIndent: "one", fences: true });

/** The post file's text, and why the site's schema would reject its front matter (empty when it would not). */
export function postFile(data: Record<string, unknown>, tree: Root, schema: z.ZodType): { text: string; rejected: string[] } {
  const yaml = YAML.stringify(data, { lineWidth: 0 });
  const body = markdown.stringify(tree).trim();
  const check = schema.safeParse(YAML.parse(yaml, { schema: "core" }));
  const rejected = check.success ? [] : check.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`);
  return { text: `---\n${yaml}---\n\n${body ? `${body}\n` : ""}`, rejected };
}
