/**
 * Turns posts read from the old site into a plan: the Markdown files to
 * create, images to copy, images the owner must fetch, redirects to add.
 * Nothing touches the disk until `applyPlan`, so a dry run shows exactly what
 * `--write` would do, and a source with problems writes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import type { Image, Link, PhrasingContent, Root } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import { visit } from "unist-util-visit";
import YAML from "yaml";
import { collectionSchema, collections } from "../../schema/index.ts";
import { isoDay } from "../dates.ts";
import { isAddress, slugify } from "../slug.ts";
import { tagSlug } from "../tags.ts";
import { tagKey } from "../content/checks/tags.ts";
import { IMPORT_NOTE } from "../content/checks/metadata.ts";
import { readContentFile } from "../content/read.ts";
import { hastToMdast, htmlToMdast, mdastToMarkdown } from "./html.ts";
import { mergeRedirects, type Redirect } from "./redirects.ts";
import { unsafeScheme } from "./safety.ts";
import { SourceError, type ParsedSource, type SourcePost } from "./types.ts";

/** Where the CMS keeps post images (relative to the content folder) and how posts link to them. */
export const IMAGES_FOLDER = "posts/images";
const IMAGES_LINK = "./images/";

/** Longest description the schema accepts. */
const DESCRIPTION_LIMIT = 200;

/** An image file to copy from the source into the content folder. */
export interface ImageCopy {
  from: string;
  to: string;
  /** The same file is already there: nothing to copy. */
  present: boolean;
}

/** A remote image the owner has to download (no network access is assumed). */
export interface RemoteImage {
  url: string;
  /** The original file (for the builder's resized-image addresses). */
  fetchUrl: string;
  /** Where to save it, relative to the content folder. */
  saveAs: string;
  /** The cover image from the feed or page, not in the text. */
  cover: boolean;
}

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

/** What a local file named by the source turned out to be (see src/cli/lib/source-files.ts). */
export type LocalImage = { kind: "image"; file: string } | { kind: "missing" } | { kind: "refused"; reason: string };

/** Settings the plan needs. */
export interface PlanOptions {
  contentRoot: string;
  timeZone: string;
  /** Checks a local image the source names, given the source's own folder: only images inside it are copied. */
  localImage: (file: string, sourceDir: string) => LocalImage;
}

/** Cuts text to at most `limit` characters at a word boundary, marking the cut with "…". */
export function cutAtWord(text: string, limit = DESCRIPTION_LIMIT): string {
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

/** A long address cut for the report (data: addresses run to kilobytes). */
function shorten(text: string, limit = 80): string {
  const t = text.replace(/\s+/g, " ");
  return t.length > limit ? `${t.slice(0, limit - 1)}…` : t;
}

/** The last path segment of an old address, decoded. */
function lastSegment(link: string): string {
  try {
    const segs = new URL(link, "https://old.invalid").pathname.split("/").filter(Boolean);
    return decodeURIComponent(segs.at(-1) ?? "");
  } catch {
    return "";
  }
}

function pathOf(link: string): string | undefined {
  try {
    return new URL(link, "https://old.invalid").pathname;
  } catch {
    return undefined;
  }
}

/** Old addresses of a post: its own link, and both address styles the builder used. */
export function oldPaths(post: SourcePost, slug: string, day: string): string[] {
  const [y, m, d] = day.split("-");
  const out = new Set<string>();
  const own = post.link ? pathOf(post.link) : undefined;
  if (own && own !== "/" && own !== `/blog/${slug}/`) out.add(own);
  const segment = post.link ? lastSegment(post.link) : "";
  for (const s of new Set([slug, segment && /^[\w-]+$/.test(segment) ? segment : slug])) {
    out.add(`/post/${s}`);
    out.add(`/single-post/${y}/${m}/${d}/${s}`);
  }
  return [...out];
}

/** The original of a builder's resized image ("…/media/abc.jpg/v1/fill/w_740…" -> "…/media/abc.jpg"). */
export function originalImageUrl(url: string): string {
  const m = /^(https?:\/\/static\.wixstatic\.com\/media\/[^/]+)\/v1\//.exec(url);
  return m ? m[1]! : url;
}

/** A tidy file name for an image: lower-case words, its extension kept. */
export function imageFileName(src: string): string {
  const base = lastSegment(originalImageUrl(src)) || "image";
  const ext = /\.(jpe?g|png|gif|webp|avif|svg)$/i.exec(base)?.[1]?.toLowerCase().replace("jpeg", "jpg") ?? "jpg";
  const stem = slugify(base.replace(/\.[a-z0-9]+$/i, "")) || "image";
  return `${stem}.${ext}`;
}

function existingPostSlugs(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
    if (/\.mdx?$/.test(f)) out.set(path.basename(f).replace(/\.mdx?$/, ""), path.join(dir, f));
  }
  return out;
}

/** The most used spelling of each tag in the existing posts. */
function existingTagSpellings(files: Iterable<string>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const file of files) {
    try {
      const tags = readContentFile(file).data["tags"];
      if (!Array.isArray(tags)) continue;
      for (const t of tags) {
        if (typeof t !== "string") continue;
        const byKey = counts.get(tagKey(t)) ?? new Map<string, number>();
        byKey.set(t.trim(), (byKey.get(t.trim()) ?? 0) + 1);
        counts.set(tagKey(t), byKey);
      }
    } catch {
      // A broken post is content:check's business, not the importer's.
    }
  }
  return new Map([...counts].map(([key, byKey]) => [key, [...byKey].sort((a, b) => b[1] - a[1])[0]![0]]));
}

/** Whether an existing post file is a draft (unreadable files count as drafts: no redirect to them). */
function isDraftFile(file: string): boolean {
  try {
    return readContentFile(file).data["draft"] === true;
  } catch {
    return true;
  }
}

function sameFile(a: string, b: string): boolean {
  return fs.statSync(a).size === fs.statSync(b).size && fs.readFileSync(a).equals(fs.readFileSync(b));
}

/** Builds the import plan; throws a SourceError when posts cannot be imported (nothing is written then). */
export function planImport(source: ParsedSource, options: PlanOptions): ImportPlan {
  const postsDir = path.join(options.contentRoot, "posts");
  const imagesDir = path.join(options.contentRoot, IMAGES_FOLDER);
  const existing = existingPostSlugs(postsDir);
  const spellings = existingTagSpellings(existing.values());
  const problems: string[] = [];

  // Addresses first: links between imported posts are rewritten to the new ones.
  const slugs = source.posts.map((p) => {
    const fromLink = p.link && !unsafeScheme(p.link) ? slugify(lastSegment(p.link)) : "";
    return fromLink && !/^\d+$/.test(fromLink) ? fromLink : slugify(p.title);
  });
  const bySlug = new Map<string, string>();
  source.posts.forEach((p, i) => {
    const slug = slugs[i]!;
    if (!slug) problems.push(`${p.origin}: the title "${p.title}" has no letters or digits to build an address from`);
    else if (!isAddress(slug)) problems.push(`${p.origin}: "${slug}" cannot be a web address`);
    else if (bySlug.has(slug)) problems.push(`${p.origin}: would get the same address (/blog/${slug}/) as ${bySlug.get(slug)}`);
    else bySlug.set(slug, p.origin);
  });
  if (problems.length) throw new SourceError("import", problems);
  const known = new Set([...existing.keys(), ...slugs]);
  const oldToNew = new Map<string, string>();
  source.posts.forEach((p, i) => {
    const day = typeof p.date === "string" ? p.date : isoDay(p.date, options.timeZone);
    for (const old of oldPaths(p, slugs[i]!, day)) oldToNew.set(old.toLowerCase(), slugs[i]!);
  });

  const claimed = new Map<string, string>();
  const schema = collectionSchema(collections.posts, { timeZone: options.timeZone });
  const redirectSchema = collectionSchema(collections.redirects, { timeZone: options.timeZone });
  const planned = source.posts.map((post, i): PlannedPost => {
    const slug = slugs[i]!;
    const day = typeof post.date === "string" ? post.date : isoDay(post.date, options.timeZone);
    const notes = [...post.notes];
    const dropped: string[] = [];
    const tree =
      post.body.kind === "mdast" ? post.body.tree : post.body.kind === "hast" ? hastToMdast(post.body.tree) : htmlToMdast(post.body.html, notes);
    const existingFile = existing.get(slug);
    const create = existingFile === undefined;

    // Links to the old site's posts point to their new addresses.
    visit(tree, "link", (node: Link) => {
      let target: URL;
      try {
        target = new URL(node.url, source.siteOrigin ?? "https://old.invalid");
      } catch {
        return;
      }
      const onOldSite =
        target.origin === (source.siteOrigin ?? "https://old.invalid") ||
        target.origin.replace("://www.", "://") === source.siteOrigin?.replace("://www.", "://");
      const to = onOldSite ? oldToNew.get(target.pathname.replace(/\/$/, "").toLowerCase()) : undefined;
      if (to && known.has(to)) node.url = `/blog/${to}/${target.hash}`;
    });

    // Images: local files are copied next to the posts; remote ones are listed for the owner.
    const images: ImageCopy[] = [];
    const remote: RemoteImage[] = [];
    const bodyImages = new Set<string>();
    const missing: Image[] = [];
    const place = (file: string): ImageCopy => {
      let name = imageFileName(file);
      for (let n = 2; ; n++) {
        const to = path.join(imagesDir, name);
        const owner = claimed.get(to);
        if (owner === file || (!owner && (!fs.existsSync(to) || sameFile(to, file)))) {
          claimed.set(to, file);
          return { from: file, to, present: fs.existsSync(to) };
        }
        name = imageFileName(file).replace(/(\.[a-z]+)$/, `-${n}$1`);
      }
    };
    visit(tree, "image", (node: Image) => {
      bodyImages.add(node.url);
      const scheme = unsafeScheme(node.url);
      if (scheme) {
        missing.push(node);
        dropped.push(`image with a ${scheme} address ${shorten(node.url)}: left out`);
        return;
      }
      if (/^https?:\/\//i.test(node.url) || node.url.startsWith("//")) {
        const url = node.url.startsWith("//") ? `https:${node.url}` : node.url;
        if (imageFileName(url).endsWith(".svg")) {
          missing.push(node);
          dropped.push(`SVG image ${shorten(url)}: left out (SVG is never imported)`);
          return;
        }
        remote.push({ url, fetchUrl: originalImageUrl(url), saveAs: path.posix.join(IMAGES_FOLDER, imageFileName(url)), cover: false });
        node.url = url;
        return;
      }
      let local = node.url.replace(/[?#].*$/, "");
      try {
        local = decodeURIComponent(local);
      } catch {
        // keep as written
      }
      const found = options.localImage(path.resolve(post.baseDir, local), post.baseDir);
      if (found.kind === "missing") {
        missing.push(node);
        notes.push(`image "${node.url}" was not found next to the source and was left out`);
        return;
      }
      if (found.kind === "refused") {
        missing.push(node);
        dropped.push(`image "${shorten(node.url)}": left out, ${found.reason}`);
        return;
      }
      const copy = place(found.file);
      if (!images.some((c) => c.to === copy.to)) images.push(copy);
      node.url = IMAGES_LINK + path.basename(copy.to);
    });
    if (missing.length) {
      visit(tree, (node, index, parent) => {
        if (node.type === "image" && missing.includes(node) && parent && index !== undefined) {
          parent.children.splice(index, 1);
          return index;
        }
        return undefined;
      });
    }
    const alts = (() => {
      let n = 0;
      visit(tree, "image", (img: Image) => {
        if (!img.alt?.trim()) n++;
      });
      return n;
    })();
    if (alts) notes.push(`${alts} image${alts > 1 ? "s have" : " has"} no description (alt text): add one in the CMS`);

    const description = describe(post.description, tree);
    if (post.excerptOnly) {
      const where: PhrasingContent[] = post.link
        ? [
            { type: "text", value: " Copy the full text from " },
            { type: "link", url: post.link, children: [{ type: "text", value: "the old page" }] },
            { type: "text", value: " (or a saved copy of it)," },
          ]
        : [{ type: "text", value: " Add the full text," }];
      tree.children.unshift({
        type: "blockquote",
        children: [
          {
            type: "paragraph",
            children: [
              { type: "strong", children: [{ type: "text", value: IMPORT_NOTE.replace(/\*/g, "") }] },
              { type: "text", value: " the old site's feed had only the beginning of this post." },
              ...where,
              { type: "text", value: " then delete this note and set draft to false." },
            ],
          },
        ],
      });
      notes.push("only an excerpt was in the source: imported as a draft");
    }

    // Front matter, in the order the CMS shows the fields.
    const seenTags = new Set<string>();
    const tags: string[] = [];
    for (const raw of post.tags) {
      const tag = raw.replace(/\s+/g, " ").trim();
      if (!tag || seenTags.has(tagSlug(tag))) continue;
      seenTags.add(tagSlug(tag));
      const spelled = spellings.get(tagKey(tag)) ?? tag;
      if (!spellings.has(tagKey(tag))) spellings.set(tagKey(tag), tag);
      tags.push(spelled);
    }
    const data: Record<string, unknown> = { title: post.title, description, date: day };
    if (post.author) data["author"] = post.author;
    data["tags"] = tags;
    if (post.excerptOnly) data["draft"] = true;
    if (post.cover && !bodyImages.has(post.cover)) {
      if (/^(https?:)?\/\//i.test(post.cover)) {
        const url = post.cover.startsWith("//") ? `https:${post.cover}` : post.cover;
        if (imageFileName(url).endsWith(".svg")) dropped.push(`SVG cover image ${shorten(url)}: left out (SVG is never imported)`);
        else remote.push({ url, fetchUrl: originalImageUrl(url), saveAs: path.posix.join(IMAGES_FOLDER, imageFileName(url)), cover: true });
      } else if (unsafeScheme(post.cover)) {
        dropped.push(`cover image with a ${unsafeScheme(post.cover)} address ${shorten(post.cover)}: left out`);
      } else {
        const found = options.localImage(path.resolve(post.baseDir, post.cover), post.baseDir);
        if (found.kind === "refused") dropped.push(`cover image "${shorten(post.cover)}": left out, ${found.reason}`);
        else if (found.kind === "image") {
          const copy = place(found.file);
          if (!images.some((c) => c.to === copy.to)) images.push(copy);
          data["image"] = IMAGES_LINK + path.basename(copy.to);
          data["imageAlt"] = post.title;
          notes.push("the cover image's description (alt text) was set to the title: describe the picture instead");
        } else notes.push(`cover image "${post.cover}" was not found next to the source`);
      }
    }
    // Links that would run code or carry content (javascript:, data:...) become their plain text.
    visit(tree, "link", (node: Link, index, parent) => {
      const scheme = unsafeScheme(node.url);
      if (!scheme || !parent || index === undefined) return undefined;
      dropped.push(`link with a ${scheme} address ${shorten(node.url)}: removed, its text "${shorten(mdastToString(node))}" kept`);
      parent.children.splice(index, 1, ...node.children);
      return index;
    });
    const frontMatter = YAML.stringify(data, { lineWidth: 0 });
    const body = mdastToMarkdown(tree).trim();
    const text = `---\n${frontMatter}---\n\n${body ? `${body}\n` : ""}`;

    const check = schema.safeParse(YAML.parse(frontMatter, { schema: "core" }));
    if (!check.success) {
      problems.push(
        `${post.origin}: the imported post would be rejected: ${check.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`,
      );
    }
    // A redirect to a draft would lead to a missing page (and the deploy step rejects it): drafts get theirs
    // when the import runs again after they are published.
    const published = create ? !post.excerptOnly : !isDraftFile(existingFile);
    // Every redirect passes the same schema as one written by hand; one that does not is left out and reported.
    const redirects = (published ? oldPaths(post, slug, day).map((from): Redirect => ({ from, to: `/blog/${slug}/`, status: "301" })) : []).filter(
      (r) => {
        const check = redirectSchema.safeParse({ redirects: [r] });
        if (!check.success) dropped.push(`redirect from ${shorten(r.from)}: left out, ${check.error.issues.map((x) => x.message).join("; ")}`);
        return check.success;
      },
    );
    if (create && !published) notes.push("its old addresses are not redirected yet: run the import again after publishing it to add them");
    const file = existingFile ?? path.join(postsDir, `${slug}.md`);
    return {
      title: post.title,
      slug,
      file,
      action: create ? "create" : "skip",
      ...(create ? {} : { reason: "a post with this address already exists" }),
      draft: post.excerptOnly,
      text,
      images: create ? images : [],
      remote: create ? remote : [],
      notes: create ? notes : [],
      // For a post that is not written, only what was left out of redirects.yaml concerns the owner.
      dropped: create ? dropped : dropped.filter((d) => d.startsWith("redirect")),
      redirects,
      origin: post.origin,
    };
  });
  if (problems.length) throw new SourceError("import", problems);

  const redirectsFile = path.join(options.contentRoot, "settings", "redirects.yaml");
  const current = fs.existsSync(redirectsFile) ? fs.readFileSync(redirectsFile, "utf8") : "";
  let merge;
  try {
    merge = mergeRedirects(
      current,
      planned.flatMap((p) => p.redirects),
    );
  } catch (err) {
    throw new SourceError(path.relative(process.cwd(), redirectsFile) || redirectsFile, [(err as Error).message]);
  }
  return {
    posts: planned,
    redirectsAdded: merge.added,
    redirectConflicts: merge.conflicts,
    redirectsText: merge.text,
    redirectsFile,
    ignored: source.ignored,
  };
}

/** Writes a plan: images, then posts (never overwriting a file), then redirects.yaml (replaced atomically). */
export function applyPlan(plan: ImportPlan): void {
  for (const post of plan.posts.filter((p) => p.action === "create")) {
    for (const img of post.images) {
      // Already there (same bytes, checked when planning) or copied for an earlier post of this import.
      if (fs.existsSync(img.to)) continue;
      fs.mkdirSync(path.dirname(img.to), { recursive: true });
      fs.copyFileSync(img.from, img.to, fs.constants.COPYFILE_EXCL);
    }
    fs.mkdirSync(path.dirname(post.file), { recursive: true });
    fs.writeFileSync(post.file, post.text, { flag: "wx" });
  }
  if (plan.redirectsText !== undefined) {
    fs.mkdirSync(path.dirname(plan.redirectsFile), { recursive: true });
    const tmp = `${plan.redirectsFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, plan.redirectsText);
    fs.renameSync(tmp, plan.redirectsFile);
  }
}
