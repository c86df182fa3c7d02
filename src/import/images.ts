/**
 * The images of an imported post: local files are copied next to the posts
 * (only those the command found inside the source's folder, see
 * src/cli/lib/source-files.ts), remote ones are listed for the owner to fetch,
 * and what cannot be imported safely is left out and reported.
 */
import fs from "node:fs";
import path from "node:path";
import type { Image, Root } from "mdast";
import { visit } from "unist-util-visit";
import { slugify } from "../lib/slug.ts";
import { lastSegment } from "./addresses.ts";
import { shorten, unsafeScheme } from "./safety.ts";
import type { SourcePost } from "./types.ts";

/** Where the CMS keeps post images (relative to the content folder) and how posts link to them. */
export const IMAGES_FOLDER = "posts/images";
const IMAGES_LINK = "./images/";

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

/** What a local file named by the source turned out to be (see src/cli/lib/source-files.ts). */
export type LocalImage = { kind: "image"; file: string } | { kind: "missing" } | { kind: "refused"; reason: string };

/** Checks a local image the source names, given the source's own folder: only images inside it are copied. */
export type LocalImageCheck = (file: string, sourceDir: string) => LocalImage;

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

function sameFile(a: string, b: string): boolean {
  return fs.statSync(a).size === fs.statSync(b).size && fs.readFileSync(a).equals(fs.readFileSync(b));
}

/** Gives each source image one name in the images folder, for the whole import: a name taken by another file gets a number. */
export class ImageFolder {
  private readonly claimed = new Map<string, string>();
  constructor(private readonly dir: string) {}

  place(file: string): ImageCopy {
    let name = imageFileName(file);
    for (let n = 2; ; n++) {
      const to = path.join(this.dir, name);
      const owner = this.claimed.get(to);
      if (owner === file || (!owner && (!fs.existsSync(to) || sameFile(to, file)))) {
        this.claimed.set(to, file);
        return { from: file, to, present: fs.existsSync(to) };
      }
      name = imageFileName(file).replace(/(\.[a-z]+)$/, `-${n}$1`);
    }
  }
}

/** What planning a post's images found. */
export interface PostImages {
  images: ImageCopy[];
  remote: RemoteImage[];
  /** Front matter fields for the cover (image, imageAlt), when it was copied. */
  cover: Record<string, string>;
  /** Image addresses the text shows, as the source wrote them. */
  inText: Set<string>;
}

/** Where the image plan writes its findings. */
export interface Findings {
  notes: string[];
  dropped: string[];
}

/** A remote image to list, or undefined (with the reason in `dropped`) for SVG. */
function remoteImage(src: string, cover: boolean, dropped: string[]): RemoteImage | undefined {
  const url = src.startsWith("//") ? `https:${src}` : src;
  if (imageFileName(url).endsWith(".svg")) {
    dropped.push(`SVG ${cover ? "cover " : ""}image ${shorten(url)}: left out (SVG is never imported)`);
    return undefined;
  }
  return { url, fetchUrl: originalImageUrl(url), saveAs: path.posix.join(IMAGES_FOLDER, imageFileName(url)), cover };
}

function addCopy(images: ImageCopy[], copy: ImageCopy): void {
  if (!images.some((c) => c.to === copy.to)) images.push(copy);
}

/** Plans the images of a post's text; rewrites the tree's image addresses and removes the images left out. */
export function planTextImages(tree: Root, post: SourcePost, folder: ImageFolder, localImage: LocalImageCheck, found: Findings): PostImages {
  const out: PostImages = { images: [], remote: [], cover: {}, inText: new Set() };
  const missing = new Set<Image>();
  visit(tree, "image", (node: Image) => {
    out.inText.add(node.url);
    if (!planTextImage(node, post, folder, localImage, out, found)) missing.add(node);
  });
  if (missing.size) removeImages(tree, missing);
  const alts = countMissingAlt(tree);
  if (alts) found.notes.push(`${alts} image${alts > 1 ? "s have" : " has"} no description (alt text): add one in the CMS`);
  return out;
}

/** Plans one image of the text; false when it is left out. */
function planTextImage(node: Image, post: SourcePost, folder: ImageFolder, localImage: LocalImageCheck, out: PostImages, found: Findings): boolean {
  const scheme = unsafeScheme(node.url);
  if (scheme) {
    found.dropped.push(`image with a ${scheme} address ${shorten(node.url)}: left out`);
    return false;
  }
  if (/^https?:\/\//i.test(node.url) || node.url.startsWith("//")) {
    const remote = remoteImage(node.url, false, found.dropped);
    if (!remote) return false;
    out.remote.push(remote);
    node.url = remote.url;
    return true;
  }
  let local = node.url.replace(/[?#].*$/, "");
  try {
    local = decodeURIComponent(local);
  } catch {
    // keep as written
  }
  const file = localImage(path.resolve(post.baseDir, local), post.baseDir);
  if (file.kind === "missing") found.notes.push(`image "${node.url}" was not found next to the source and was left out`);
  if (file.kind === "refused") found.dropped.push(`image "${shorten(node.url)}": left out, ${file.reason}`);
  if (file.kind !== "image") return false;
  const copy = folder.place(file.file);
  addCopy(out.images, copy);
  node.url = IMAGES_LINK + path.basename(copy.to);
  return true;
}

/** Plans the cover image (feed enclosure, og:image) unless the text shows it already, adding to `out`. */
export function planCover(post: SourcePost, folder: ImageFolder, localImage: LocalImageCheck, out: PostImages, found: Findings): void {
  const cover = post.cover;
  if (!cover || out.inText.has(cover)) return;
  if (/^(https?:)?\/\//i.test(cover)) {
    const remote = remoteImage(cover, true, found.dropped);
    if (remote) out.remote.push(remote);
    return;
  }
  const scheme = unsafeScheme(cover);
  if (scheme) {
    found.dropped.push(`cover image with a ${scheme} address ${shorten(cover)}: left out`);
    return;
  }
  const file = localImage(path.resolve(post.baseDir, cover), post.baseDir);
  if (file.kind === "refused") found.dropped.push(`cover image "${shorten(cover)}": left out, ${file.reason}`);
  else if (file.kind === "missing") found.notes.push(`cover image "${cover}" was not found next to the source`);
  else {
    const copy = folder.place(file.file);
    addCopy(out.images, copy);
    out.cover = { image: IMAGES_LINK + path.basename(copy.to), imageAlt: post.title };
    found.notes.push("the cover image's description (alt text) was set to the title: describe the picture instead");
  }
}

function removeImages(tree: Root, images: Set<Image>): void {
  visit(tree, (node, index, parent) => {
    if (node.type === "image" && images.has(node) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
}

function countMissingAlt(tree: Root): number {
  let n = 0;
  visit(tree, "image", (img: Image) => {
    if (!img.alt?.trim()) n++;
  });
  return n;
}
