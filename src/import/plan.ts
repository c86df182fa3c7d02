/**
 * Turns posts read from the old site into a plan: the Markdown files to
 * create, images to copy, images the owner must fetch, redirects to add.
 * Nothing touches the disk until `applyPlan` (write.ts), so a dry run shows
 * exactly what `--write` would do, and a source with problems writes nothing.
 */
import path from "node:path";
import type { z } from "astro/zod";
import { collectionSchema, collections } from "../schema/index.ts";
import type { Redirect } from "../redirects/index.ts";
import { oldLinkRewriter, postDay, postSlugs, type LinkRewriter } from "./addresses.ts";
import { existingPostSlugs, existingTagSpellings, isDraftFile } from "./content-folder.ts";
import { IMAGES_FOLDER, ImageFolder, planCover, planTextImages, type ImageCopy, type LocalImageCheck, type RemoteImage } from "./images.ts";
import { addExcerptNote, bodyTree, describe, frontMatter, importTags, postFile } from "./post.ts";
import { planRedirectsFile, postRedirects } from "./redirects.ts";
import { removeUnsafeLinks } from "./safety.ts";
import { SourceError, type ParsedSource, type SourcePost } from "./types.ts";

export { applyPlan } from "./write.ts";
export type { ImageCopy, LocalImage, RemoteImage } from "./images.ts";

/** One post of the plan. */
export interface PlannedPost {
  title: string;
  slug: string;
  /** Absolute path of the Markdown file. */
  file: string;
  action: "create" | "skip";
  /** Why it is skipped. */
  reason?: string;
  draft: boolean;
  /** The complete file text. */
  text: string;
  images: ImageCopy[];
  remote: RemoteImage[];
  notes: string[];
  /** What was left out for safety (script links, images from outside the source folder, SVG, mislabelled images, bad redirects). */
  dropped: string[];
  redirects: Redirect[];
  origin: string;
}

/** The whole import. */
export interface ImportPlan {
  posts: PlannedPost[];
  /** Redirects that are new. */
  redirectsAdded: Redirect[];
  /** Old addresses already redirected elsewhere (left alone). */
  redirectConflicts: Array<{ from: string; existing: string; wanted: string }>;
  /** redirects.yaml after the import, or undefined when it does not change. */
  redirectsText: string | undefined;
  redirectsFile: string;
  /** Text outside posts that was left out. */
  ignored: string[];
}

/** Settings the plan needs. */
export interface PlanOptions {
  contentRoot: string;
  timeZone: string;
  /** Checks a local image the source names, given the source's own folder: only images inside it are copied. */
  localImage: LocalImageCheck;
}

/** What every post of one import shares. */
interface ImportContext {
  options: PlanOptions;
  postsDir: string;
  existing: Map<string, string>;
  spellings: Map<string, Map<string, number>>;
  images: ImageFolder;
  rewriteLinks: LinkRewriter;
  postSchema: z.ZodType;
  redirectSchema: z.ZodType;
}

/** Builds the import plan; throws a SourceError when posts cannot be imported (nothing is written then). */
export function planImport(source: ParsedSource, options: PlanOptions): ImportPlan {
  const postsDir = path.join(options.contentRoot, "posts");
  const existing = existingPostSlugs(postsDir);
  // Addresses first: links between imported posts are rewritten to the new ones.
  const slugs = postSlugs(source.posts);
  const ctx: ImportContext = {
    options,
    postsDir,
    existing,
    spellings: existingTagSpellings(existing.values()),
    images: new ImageFolder(path.join(options.contentRoot, IMAGES_FOLDER)),
    rewriteLinks: oldLinkRewriter(source, slugs, existing.keys(), options.timeZone),
    postSchema: collectionSchema(collections.posts, { timeZone: options.timeZone }),
    redirectSchema: collectionSchema(collections.redirects, { timeZone: options.timeZone }),
  };
  const problems: string[] = [];
  const posts = source.posts.map((post, i) => planPost(post, slugs[i]!, ctx, problems));
  if (problems.length) throw new SourceError("import", problems);
  const merge = planRedirectsFile(
    options.contentRoot,
    posts.flatMap((p) => p.redirects),
  );
  return {
    posts,
    redirectsAdded: merge.added,
    redirectConflicts: merge.conflicts,
    redirectsText: merge.text,
    redirectsFile: merge.file,
    ignored: source.ignored,
  };
}

/** Plans one post; a post the site's schema would reject adds to `problems`. */
function planPost(post: SourcePost, slug: string, ctx: ImportContext, problems: string[]): PlannedPost {
  const day = postDay(post, ctx.options.timeZone);
  const found = { notes: [...post.notes], dropped: [] as string[] };
  const tree = bodyTree(post, found.notes);
  const existingFile = ctx.existing.get(slug);
  const create = existingFile === undefined;
  ctx.rewriteLinks(tree);
  const images = planTextImages(tree, post, ctx.images, ctx.options.localImage, found);
  const description = describe(post.description, tree);
  if (post.excerptOnly) addExcerptNote(tree, post, found.notes);
  const tags = importTags(post.tags, ctx.spellings);
  planCover(post, ctx.images, ctx.options.localImage, images, found);
  removeUnsafeLinks(tree, found.dropped);
  const data = frontMatter(post, { description, day, tags, cover: images.cover });
  const { text, rejected } = postFile(data, tree, ctx.postSchema);
  if (rejected.length) problems.push(`${post.origin}: the imported post would be rejected: ${rejected.join("; ")}`);
  // A redirect to a draft would lead to a missing page (and the deploy step rejects it): drafts get theirs
  // when the import runs again after they are published.
  const published = create ? !post.excerptOnly : !isDraftFile(existingFile);
  const redirects = published ? postRedirects(post, slug, day, ctx.redirectSchema, found.dropped) : [];
  if (create && !published) found.notes.push("its old addresses are not redirected yet: run the import again after publishing it to add them");
  return {
    title: post.title,
    slug,
    file: existingFile ?? path.join(ctx.postsDir, `${slug}.md`),
    action: create ? "create" : "skip",
    ...(create ? {} : { reason: "a post with this address already exists" }),
    draft: post.excerptOnly,
    text,
    images: create ? images.images : [],
    remote: create ? images.remote : [],
    notes: create ? found.notes : [],
    // For a post that is not written, only what was left out of redirects.yaml concerns the owner.
    dropped: create ? found.dropped : found.dropped.filter((d) => d.startsWith("redirect")),
    redirects,
    origin: post.origin,
  };
}
