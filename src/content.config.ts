/** Astro content collections, generated from the one schema in `src/schema`. */
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import path from "node:path";
import { collectionSchema, collections as specs, type CollectionSpec, type Field } from "./schema/index.ts";
import { contentDir } from "./lib/paths.ts";
import { loadSettings } from "./lib/settings.ts";

const root = contentDir();
const { timeZone } = loadSettings();

/** The file name (without extension) is the entry id: posts' slugs come from it. */
const idFromFile = ({ entry }: { entry: string }) => path.basename(entry).replace(/\.(mdx?|ya?ml|json)$/, "");

function collection<F extends readonly Field[]>(spec: CollectionSpec<F>) {
  const pattern = spec.file ?? (spec.format === "md" ? "**/*.{md,mdx}" : "**/*.{yaml,yml}");
  return defineCollection({
    loader: glob({ pattern, base: path.join(root, spec.folder), generateId: idFromFile }),
    schema: ({ image }) => collectionSchema(spec, { image, timeZone }),
  });
}

export const collections = {
  posts: collection(specs.posts),
  pages: collection(specs.pages),
  settings: collection(specs.settings),
  redirects: collection(specs.redirects),
};
