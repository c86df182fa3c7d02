/**
 * GFM without autolink literals: tables, footnotes, strikethrough and task
 * lists, registered the way remark-gfm registers them
 * (node_modules/remark-gfm/lib/index.js), minus
 * micromark-extension-gfm-autolink-literal.
 *
 * Why: that one extension hooks every letter and digit of the text (it tries
 * an email or URL at each word), and cost about half of the Markdown time:
 * per 848-word post, parsing alone 2.7 ms, with full GFM 5.35 ms, with GFM
 * minus autolink literals about the same as parsing alone (issue #8,
 * `npx tsx bench/gfm-compare.ts`). Bare URLs are linked afterwards, on
 * text nodes only, by ./remark-bare-links.ts.
 */
import { gfmFootnoteFromMarkdown, gfmFootnoteToMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown, gfmStrikethroughToMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown, gfmTableToMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown, gfmTaskListItemToMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import type { Processor } from "unified";

/** Registers GFM tables, footnotes, strikethrough and task lists (not autolink literals) with the parser and the serialiser. */
export default function remarkGfmFast(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push([
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  ]);
  (data.toMarkdownExtensions ??= []).push({
    extensions: [gfmFootnoteToMarkdown(), gfmStrikethroughToMarkdown(), gfmTableToMarkdown(), gfmTaskListItemToMarkdown()],
  });
}
