/**
 * The images of an imported post: local files are copied next to the posts
 * (only those safety.ts finds inside the source's folder), remote ones are
 * listed for the owner to fetch, and what cannot be imported safely is left
 * out and reported.
 */
import fs from "node:fs";
import path from "node:path";
import type { Image, Root } from "mdast";
import { visit } from "unist-util-visit";
import { slugify } from "../lib/slug.ts";
import { decodePath } from "../lib/urls.ts";
import { lastSegment } from "./addresses.ts";
import { openLocalImage, shorten, unsafeScheme } from "./safety.ts";
import type { SourcePost } from "./types.ts";

/** Where the CMS keeps post images (relative to the content folder) and how posts link to them. */
export const IMAGES_FOLDER = "posts/images";
const IMAGES_LINK = "./images/";

/** The original of a builder's resized image ("…/media/abc.jpg/v1/fill/w_740…" -> "…/media/abc.jpg"). */
function originalImageUrl(url: string): string {
  const m = /^(https?:\/\/static\.wixstatic\.com\/media\/[^/]+)\/v1\//.exec(url);
  return m ? m[1]! : url;
}

/** A tidy file name for an image: lower-case words, its extension kept. */
function imageFileName(src: string): string {
  const base = lastSegment(originalImageUrl(src)) || "image";
  const ext = /\.(jpe?g|png|gif|webp|avif|svg)$/i.exec(base)?.[1]?.toLowerCase().replace("jpeg", "jpg") ?? "jpg";
  const stem = slugify(base.replace(/\.[a-z0-9]+$/i, "")) || "image";
  return `${stem}.${ext}`;
}

/** Gives each source image one name in the images folder, for the whole import: a name taken by another file gets a number. */
export class ImageFolder {
  private readonly claimed = new Map<string, string>();
  constructor(private readonly dir: string) {}

  /** Where a source image goes; `present` when the same file is already there (nothing to copy). */
  place(file: string) {
    const name = imageFileName(file);
    for (let n = 1; ; n++) {
      const to = path.join(this.dir, n === 1 ? name : name.replace(/(\.[a-z]+)$/, `-${n}$1`));
      const owner = this.claimed.get(to);
      if (
        owner === file ||
        (!owner && (!fs.existsSync(to) || (fs.statSync(to).size === fs.statSync(file).size && fs.readFileSync(to).equals(fs.readFileSync(file)))))
      ) {
        this.claimed.set(to, file);
        return { from: file, to, present: fs.existsSync(to) };
      }
    }
  }
}

/** Plans a post's images: those of its text, then its cover (feed enclosure, og:image) unless the text shows it already. */
export function planImages(tree: Root, post: SourcePost, folder: ImageFolder, found: { notes: string[]; dropped: string[] }) {
  const images: Array<ReturnType<ImageFolder["place"]>> = [];
  // No network access is assumed: the owner fetches remote images by hand.
  const remote: Array<{ fetchUrl: string; saveAs: string; cover: boolean }> = [];
  /** Plans one image the source names: its address in the post, or undefined when it is left out (and reported). */
  const planImage = (src: string, cover: boolean): string | undefined => {
    const kind = cover ? "cover image" : "image";
    const scheme = unsafeScheme(src);
    if (scheme) {
      found.dropped.push(`${kind} with a ${scheme} address ${shorten(src)}: left out`);
      return undefined;
    }
    if (/^(https?:)?\/\//i.test(src)) {
      const url = src.startsWith("//") ? `https:${src}` : src;
      if (imageFileName(url).endsWith(".svg")) {
        found.dropped.push(`SVG ${kind} ${shorten(url)}: left out (SVG is never imported)`);
        return undefined;
      }
      remote.push({ fetchUrl: originalImageUrl(url), saveAs: path.posix.join(IMAGES_FOLDER, imageFileName(url)), cover });
      return url;
    }
    const file = openLocalImage(path.resolve(post.baseDir, decodePath(src.replace(/[?#].*$/, ""))), post.baseDir);
    if (file.kind === "missing") found.notes.push(`${kind} "${src}" was not found next to the source and was left out`);
    if (file.kind === "refused") found.dropped.push(`${kind} "${shorten(src)}": left out, ${file.reason}`);
    if (file.kind !== "image") return undefined;
    const copy = folder.place(file.file);
    if (!images.some((c) => c.to === copy.to)) images.push(copy);
    return IMAGES_LINK + path.basename(copy.to);
  };
  const inText = new Set<string>();
  let noAlt = 0;
  visit(tree, "image", (node: Image, index, parent) => {
    inText.add(node.url);
    const url = planImage(node.url, false);
    if (url === undefined) {
      parent!.children.splice(index!, 1);
      return index;
    }
    node.url = url;
    if (!node.alt?.trim()) noAlt++;
    return undefined;
  });
  if (noAlt) found.notes.push(`${noAlt} image${noAlt > 1 ? "s have" : " has"} no description (alt text): add one in the CMS`);
  const cover = post.cover && !inText.has(post.cover) ? planImage(post.cover, true) : undefined;
  if (!cover?.startsWith(IMAGES_LINK)) return { images, remote, cover: {} };
  found.notes.push("the cover image's description (alt text) was set to the title: describe the picture instead");
  return { images, remote, cover: { image: cover, imageAlt: post.title } };
}
