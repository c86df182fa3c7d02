/** `npm run new -- "Post title"`: starts a new draft post (see USAGE). */
import fs from "node:fs";
import path from "node:path";
import { isoDay } from "../lib/dates.ts";
import { collectionFiles } from "../content-check/validate.ts";
import { slugify } from "../lib/slug.ts";
import { collections } from "../schema/index.ts";
import { InputError, runTool, shown, UsageError } from "./lib/cli.ts";
import { resolveContentDir, settingsOf } from "./lib/content-folder.ts";

const USAGE = `Usage: npm run new -- "Post title" [--content <folder>]

Creates content/posts/<address>.md as a draft, dated today (in the site's time zone),
with an empty description and tag list to fill in. An existing post is never overwritten.

Options:
  --content <folder>  the content folder (default: ./content)
  -h, --help          show this help
`;

await runTool(USAGE, { content: { type: "string" } }, ({ values, positionals }) => {
  if (positionals.length === 0) throw new UsageError("Please give the post's title in quotes.");
  if (positionals.length > 1) throw new UsageError(`Put the whole title in quotes: npm run new -- "${positionals.join(" ")}"`);
  const title = positionals[0]!.replace(/\s+/g, " ").trim();
  if (!title) throw new UsageError("The title is empty.");
  const slug = slugify(title);
  if (!slug) {
    throw new UsageError(`"${title}" has no letters or digits to build the post's web address from. Add at least one word, e.g. "${title} Notes".`);
  }
  const root = resolveContentDir(values.content);
  const { timeZone } = settingsOf(root);
  const dir = path.join(root, "posts");
  // Any post file with this name, in a subfolder too (posts/2019/<address>.md), already holds the address.
  const existing =
    [path.join(dir, `${slug}.md`), path.join(dir, `${slug}.mdx`)].find((f) => fs.existsSync(f)) ??
    collectionFiles(root, collections.posts).find((f) => path.basename(f).replace(/\.mdx?$/, "") === slug);
  if (existing) {
    throw new InputError(
      `A post with this address already exists: ${shown(existing)}\nNothing was changed. Choose a different title, or edit the existing post.`,
    );
  }
  const now = process.env["P2P_NOW"] ? new Date(process.env["P2P_NOW"]) : new Date();
  const file = path.join(dir, `${slug}.md`);
  // The title is always double-quoted: JSON strings are valid YAML, so any punctuation or emoji is safe.
  const draft = `---
title: ${JSON.stringify(title)}
description: ""
date: ${isoDay(now, timeZone)}
tags: []
draft: true
---

`;
  fs.mkdirSync(dir, { recursive: true });
  // "wx" fails instead of overwriting if the file appeared in the meantime.
  fs.writeFileSync(file, draft, { flag: "wx" });
  process.stdout.write(
    `${shown(file)}\n\nCreated a draft. Next:\n` +
      `  1. write the post below the front matter;\n` +
      `  2. fill in description (one or two sentences) and tags;\n` +
      `  3. set draft: false when it is ready, and run npm run content:check.\n` +
      `The build stops while a description is empty, so fill it in before building.\n`,
  );
});
