/**
 * Images: referenced files must exist, stay inside the content folder, be what
 * their extension says, never be SVG (an SVG can carry script that runs on the
 * site's origin, where the CMS keeps its GitHub token) and stay under the pixel
 * cap; body images need alt text, and big files slow pages down. The content
 * check and the build (src/integrations/content-guard.ts) both run it.
 */
import fs from "node:fs";
import path from "node:path";
import { imageSize } from "image-size";
import isPathInside from "is-path-inside";
import { IMAGE_FORMATS_TEXT } from "../../schema/fields.ts";
import { describePixels, MAX_IMAGE_PIXELS } from "../../lib/image-limits.ts";
import { extensionMatches, extensionOf, sniffImageType } from "../../lib/image-type.ts";
import { decodePath } from "../../lib/urls.ts";
import type { Problem } from "../validate.ts";
import { bodyParts } from "./body.ts";
import type { CheckContext } from "./context.ts";

/** Files above this size get a warning. */
const MAX_IMAGE_BYTES = 500 * 1024;

/** Where an image reference points; `outside` names the folder it leaves (the content folder, or public/ for site paths). */
type ImageTarget = { kind: "remote" } | { kind: "file"; file: string } | { kind: "outside"; folder: string };

/**
 * The file an image reference points to. Relative paths resolve next to the
 * Markdown file and must stay in the content folder `root`; site paths ("/...")
 * point into public/, except in front matter, where only content files are images.
 */
function imageTarget(src: string, markdownFile: string, root: string, projectRoot: string, inFrontMatter = false): ImageTarget {
  const s = src.trim();
  if (!s || /^(https?:)?\/\//i.test(s) || /^data:/i.test(s)) return { kind: "remote" };
  // file:, or any other scheme that is not the web: never a content file.
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return { kind: "outside", folder: "the content folder" };
  const clean = decodePath(s.replace(/[?#].*$/, ""));
  if (clean.startsWith("/") && !inFrontMatter) {
    const publicDir = path.join(projectRoot, "public");
    const file = path.join(publicDir, clean);
    return isPathInside(file, publicDir) ? { kind: "file", file } : { kind: "outside", folder: "public/" };
  }
  const file = path.resolve(path.dirname(markdownFile), clean);
  return isPathInside(file, root) ? { kind: "file", file } : { kind: "outside", folder: "the content folder" };
}

/** What is wrong with one existing image file, which must stay in `folder` (named `folderName` in messages): [what, hint]. */
function judgeFile(file: string, folder: string, folderName: string): [what: string, hint: string] | undefined {
  // A symlink may point anywhere on the machine: its target must be in the folder too.
  const real = fs.realpathSync(file);
  if (!isPathInside(real, fs.realpathSync(folder)))
    return [`leads outside ${folderName} (it is a link to a file elsewhere)`, "put the image itself in the images/ folder next to the post"];
  const bytes = fs.readFileSync(real);
  const type = sniffImageType(bytes);
  if (type === "svg" || ["svg", "svgz"].includes(extensionOf(file)))
    return ["is an SVG file; SVG is never published (it can carry script)", "save it as a PNG or JPEG instead"];
  if (!type) return ["is not an image file the site accepts", `use ${IMAGE_FORMATS_TEXT}`];
  const ext = extensionOf(file);
  if (!extensionMatches(file, type)) {
    return [
      `is a ${type.toUpperCase()} file named .${ext || "(no extension)"}`,
      `give it the extension of its real format (.${type === "jpeg" ? "jpg" : type})${ext ? ` or save it again as a real .${ext} file` : ""}`,
    ];
  }
  // Width and height come from the file's header, without decoding the image.
  let size: { width?: number; height?: number } = {};
  try {
    size = imageSize(bytes);
  } catch {
    // a damaged file: no size to read
  }
  if (!size.width || !size.height) return ["is damaged: its size cannot be read", "save it again from an image editor"];
  if (size.width * size.height > MAX_IMAGE_PIXELS)
    return [
      `is ${describePixels(size.width, size.height)}, over the ${MAX_IMAGE_PIXELS / 1_000_000} MP limit`,
      "resize it to about 2400 pixels wide before adding it",
    ];
  return undefined;
}

/** Checks body images, raw <img> tags and image fields in front matter. */
export function checkImages(ctx: Pick<CheckContext, "root" | "projectRoot" | "entries">): Problem[] {
  const problems: Problem[] = [];
  const verdicts = new Map<string, ReturnType<typeof judgeFile>>();
  for (const entry of ctx.entries) {
    // The build runs this over every post: bodies without "![" or "<img" have no images to parse for.
    const refs: Array<{ src: string; alt: string | undefined; line: number; field?: string }> = /!\[|<img/i.test(entry.body)
      ? [...bodyParts(entry).images]
      : [];
    for (const f of entry.collection.fields) {
      const v = entry.data[f.name];
      if (f.kind === "image" && typeof v === "string" && v)
        refs.push({ src: v, alt: "front matter", line: entry.keyLines[f.name] ?? 1, field: f.name });
    }
    const sizeChecked = new Set<string>();
    for (const ref of refs) {
      const report = (severity: Problem["severity"], what: string, hint: string) =>
        problems.push({
          severity,
          file: entry.file,
          line: ref.line,
          ...(ref.field ? { field: ref.field } : {}),
          message: `image "${ref.src}" ${what}`,
          hint,
        });
      if (!ref.field && !ref.alt?.trim())
        report("warning", "has no alt text", "describe the image in the brackets: ![A therapist's hands on a client's shoulder](...)");
      const target = imageTarget(ref.src, entry.file, ctx.root, ctx.projectRoot, Boolean(ref.field));
      if (target.kind === "remote") continue;
      if (target.kind === "outside") {
        const hint = ref.field
          ? "give the path relative to the post, e.g. ./images/photo.jpg"
          : "put the image in the images/ folder next to the post";
        report("error", `leads outside ${target.folder}`, hint);
        continue;
      }
      const { file } = target;
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
        const where =
          ref.src.startsWith("/") && !ref.field ? "the public/ folder" : path.relative(ctx.root, path.dirname(file)) || "the content folder";
        report("error", "is missing", `no such file in ${where}; check the spelling or add the file`);
        continue;
      }
      if (!verdicts.has(file)) {
        const [folder, name] = isPathInside(file, ctx.root) ? [ctx.root, "the content folder"] : [path.join(ctx.projectRoot, "public"), "public/"];
        verdicts.set(file, judgeFile(file, folder, name));
      }
      const verdict = verdicts.get(file);
      if (verdict) report("error", ...verdict);
      else if (!sizeChecked.has(file)) {
        sizeChecked.add(file);
        const { size } = fs.statSync(file);
        if (size > MAX_IMAGE_BYTES)
          report(
            "warning",
            `is ${Math.round(size / 1024)} KB (over 500 KB)`,
            "resize it to about 2000 pixels wide or save it as JPEG/WebP at about 80% quality",
          );
      }
    }
  }
  return problems;
}
