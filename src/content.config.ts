/** Astro content collections, generated from the one schema in `src/schema`. */
import { defineCollection } from "astro:content";
import { glob, type Loader } from "astro/loaders";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { collectionSchema, collections as specs, type CollectionSpec, type Field } from "./schema/index.ts";
import { contentDir } from "./config/paths.ts";
import { loadSettings } from "./config/settings.ts";
import { isAddress } from "./lib/slug.ts";
import { withRawDates } from "./content-check/raw-dates.ts";

const root = contentDir();
const { timeZone } = loadSettings();

/**
 * The file name (without extension) is the entry id: posts' slugs come from it. The content guard
 * stops the build first on a name that breaks the address rule; this stops any that slips past.
 */
const idFromFile = ({ entry, base }: { entry: string; base: URL }) => {
  const id = path.basename(entry).replace(/\.(mdx?|ya?ml|json)$/, "");
  // In `astro dev` the guard has printed the problem; the server keeps running, as for any content problem.
  if (!isAddress(id) && !import.meta.env.DEV)
    throw new Error(`${path.join(fileURLToPath(base), entry)}: "${id}" cannot be a web address (lower-case a-z, digits and single hyphens)`);
  return id;
};

function collection<F extends readonly Field[]>(spec: CollectionSpec<F>) {
  const pattern = spec.file ?? (spec.format === "md" ? "**/*.{md,mdx}" : "**/*.{yaml,yml}");
  // The raw Markdown is not kept once rendered: nothing reads `entry.body` (the content check
  // reads the files), and at 4,000 posts it was a third of the data store the build bundles.
  const inner = glob({ pattern, base: path.join(root, spec.folder), generateId: idFromFile, retainBody: false });
  // Date fields are read from the file's own text (see src/content-check/raw-dates.ts).
  const dateKeys = spec.fields.filter((f) => f.kind === "date").map((f) => f.name);
  const loader: Loader = dateKeys.length
    ? {
        ...inner,
        load: (ctx) =>
          inner.load({ ...ctx, parseData: (props) => ctx.parseData({ ...props, data: withRawDates(props.data, props.filePath ?? "", dateKeys) }) }),
      }
    : inner;
  return defineCollection({
    loader,
    schema: ({ image }) => collectionSchema(spec, { image, timeZone }),
  });
}

export const collections = {
  posts: collection(specs.posts),
  pages: collection(specs.pages),
  settings: collection(specs.settings),
  redirects: collection(specs.redirects),
  program: collection(specs.program),
};
