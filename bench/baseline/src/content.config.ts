/** One collection: the generated posts, read from `$BENCH_CONTENT_DIR/posts`. */
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";
import path from "node:path";

const content = process.env["BENCH_CONTENT_DIR"];
if (!content) throw new Error("BENCH_CONTENT_DIR: set it to a content folder (with posts/)");

export const collections = {
  posts: defineCollection({
    loader: glob({ pattern: "**/*.md", base: path.join(content, "posts") }),
    schema: z.object({
      title: z.string(),
      description: z.string(),
      date: z.coerce.date(),
      tags: z.array(z.string()).default([]),
      draft: z.boolean().default(false),
    }),
  }),
};
