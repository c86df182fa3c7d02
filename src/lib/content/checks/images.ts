/** Images: referenced files must exist, body images need alt text, and big files slow pages down. */
import fs from "node:fs";
import path from "node:path";
import type { Problem } from "../validate.ts";
import { bodyParts, htmlImageSources } from "./body.ts";
import type { CheckContext } from "./context.ts";

/** Files above this size get a warning. */
export const MAX_IMAGE_BYTES = 500 * 1024;

/** The file an image reference points to, or undefined for remote images. */
export function imageFile(src: string, markdownFile: string, projectRoot: string): string | undefined {
  const s = src.trim();
  if (!s || /^(https?:)?\/\//i.test(s) || /^data:/i.test(s)) return undefined;
  let clean = s.replace(/[?#].*$/, "");
  try {
    clean = decodeURIComponent(clean);
  } catch {
    // keep it as written
  }
  return clean.startsWith("/") ? path.join(projectRoot, "public", clean) : path.resolve(path.dirname(markdownFile), clean);
}

/** Checks body images, raw <img> tags and image fields in front matter. */
export function checkImages(ctx: CheckContext): Problem[] {
  const problems: Problem[] = [];
  for (const entry of ctx.entries) {
    const refs: Array<{ src: string; alt: string | undefined; line: number; field?: string }> = [];
    const { images, html } = bodyParts(entry);
    for (const { node, line } of images) refs.push({ src: node.url, alt: node.alt ?? "", line });
    for (const { node, line } of html) for (const img of htmlImageSources(node.value)) refs.push({ ...img, line });
    for (const f of entry.collection.fields) {
      const v = entry.data[f.name];
      if (f.kind === "image" && typeof v === "string" && v) refs.push({ src: v, alt: "front matter", line: entry.keyLines[f.name] ?? 1, field: f.name });
    }
    const sizeChecked = new Set<string>();
    for (const ref of refs) {
      const at = { file: entry.file, line: ref.line, ...(ref.field ? { field: ref.field } : {}) };
      if (!ref.field && !ref.alt?.trim()) {
        problems.push({
          severity: "warning",
          ...at,
          message: `image "${ref.src}" has no alt text`,
          hint: "describe the image in the brackets: ![A therapist's hands on a client's shoulder](...)",
        });
      }
      const file = imageFile(ref.src, entry.file, ctx.projectRoot);
      if (!file) continue;
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
        const where = ref.src.startsWith("/") ? "the public/ folder" : path.relative(ctx.root, path.dirname(file)) || "the content folder";
        problems.push({ severity: "error", ...at, message: `image "${ref.src}" is missing`, hint: `no such file in ${where}; check the spelling or add the file` });
        continue;
      }
      const size = fs.statSync(file).size;
      if (size > MAX_IMAGE_BYTES && !sizeChecked.has(file)) {
        sizeChecked.add(file);
        problems.push({
          severity: "warning",
          ...at,
          message: `image "${ref.src}" is ${Math.round(size / 1024)} KB (over 500 KB)`,
          hint: "resize it to about 2000 pixels wide or save it as JPEG/WebP at about 80% quality",
        });
      }
    }
  }
  return problems;
}
