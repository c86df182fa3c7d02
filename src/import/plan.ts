/**
 * Turns posts read from the old site into a plan: the Markdown files to
 * create, images to copy, images the owner must fetch, redirects to add.
 * Nothing touches the disk until `applyPlan` (write.ts), so a dry run shows
 * exactly what `--write` would do, and a source with problems writes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { tagsOf } from "../content-check/checks/context.ts";
import { readContentFile } from "../content-check/read.ts";
import { collectionSchema, collections } from "../schema/index.ts";
import { oldLinkRewriter, planRedirectsFile, postDay, postRedirects, postSlugs } from "./addresses.ts";
import { IMAGES_FOLDER, ImageFolder, planImages } from "./images.ts";
import { tagSpellings } from "../lib/tags.ts";
import { addExcerptNote, describe, frontMatter, importTags, postFile } from "./post.ts";
import { removeUnsafeLinks } from "./safety.ts";
import { SourceError, type ParsedSource } from "./types.ts";

/** The whole import: posts, the redirects file with what the import adds to it, text outside posts that was left out. */
export type ImportPlan = ReturnType<typeof planImport>;

/** The posts already in the content folder, by slug: the importer never overwrites one and follows the tag spellings they use. */
function existingPosts(dir: string) {
  const out = new Map<string, { file: string; draft: boolean; tags: string[] }>();
  if (!fs.existsSync(dir)) return out;
  for (const f of (fs.readdirSync(dir, { recursive: true }) as string[]).filter((name) => /\.mdx?$/.test(name))) {
    const file = path.join(dir, f);
    // A broken post is content:check's business; it counts as a draft, so nothing redirects to it.
    let data: Record<string, unknown> = { draft: true };
    try {
      data = readContentFile(file).data;
    } catch {}
    out.set(path.basename(f).replace(/\.mdx?$/, ""), { file, draft: data["draft"] === true, tags: tagsOf(data) });
  }
  return out;
}

/** Builds the import plan; throws a SourceError when posts cannot be imported (nothing is written then). */
export function planImport(source: ParsedSource, { contentRoot, timeZone }: { contentRoot: string; timeZone: string }) {
  const postsDir = path.join(contentRoot, "posts");
  const existing = existingPosts(postsDir);
  const spellings = tagSpellings([...existing.values()].map((p) => p.tags));
  const imageFolder = new ImageFolder(path.join(contentRoot, IMAGES_FOLDER));
  const postSchema = collectionSchema(collections.posts, { timeZone });
  const redirectSchema = collectionSchema(collections.redirects, { timeZone });
  // Addresses first: links between imported posts are rewritten to the new ones.
  const slugs = postSlugs(source.posts);
  const rewriteLinks = oldLinkRewriter(source, slugs, existing.keys(), timeZone);
  const problems: string[] = [];

  const posts = source.posts.map((post, i) => {
    const slug = slugs[i]!;
    const day = postDay(post, timeZone);
    const found = { notes: [...post.notes], dropped: [] as string[] };
    const tree = post.body;
    const existingPost = existing.get(slug);
    const create = existingPost === undefined;
    rewriteLinks(tree);
    const images = planImages(tree, post, imageFolder, found);
    const description = describe(post.description, tree);
    if (post.excerptOnly) addExcerptNote(tree, post, found.notes);
    removeUnsafeLinks(tree, found.dropped);
    const data = frontMatter(post, { description, day, tags: importTags(post.tags, spellings), cover: images.cover });
    const { text, rejected } = postFile(data, tree, postSchema);
    if (rejected.length) problems.push(`${post.origin}: the imported post would be rejected: ${rejected.join("; ")}`);
    // A redirect to a draft would lead to a missing page (and the deploy step rejects it): drafts get theirs
    // when the import runs again after they are published.
    const published = create ? !post.excerptOnly : !existingPost.draft;
    const redirects = published ? postRedirects(post, slug, day, redirectSchema, found.dropped) : [];
    if (create && !published) found.notes.push("its old addresses are not redirected yet: run the import again after publishing it to add them");
    return {
      title: post.title,
      file: existingPost?.file ?? path.join(postsDir, `${slug}.md`),
      // False when a post with this address already exists: it is skipped.
      create,
      draft: post.excerptOnly,
      text,
      images: create ? images.images : [],
      remote: create ? images.remote : [],
      notes: create ? found.notes : [],
      // For a post that is not written, only what was left out of redirects.yaml concerns the owner.
      dropped: create ? found.dropped : found.dropped.filter((d) => d.startsWith("redirect")),
      redirects,
    };
  });
  if (problems.length) throw new SourceError("import", problems);
  return {
    posts,
    redirects: planRedirectsFile(
      contentRoot,
      posts.flatMap((p) => p.redirects),
    ),
    ignored: source.ignored,
  };
}
