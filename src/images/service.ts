/**
 * The site's image service: Astro's sharp service with the limits every
 * published image keeps (src/lib/image-limits.ts). No file it writes is wider
 * than MAX_IMAGE_WIDTH, fallback `src` included (Astro would otherwise publish
 * a 6000-px photo at 6000 px); SVG is never published (it can carry script);
 * and a file sharp cannot convert stops the build instead of being shipped
 * as it is under the new format's name (a PNG called .webp).
 */
import type { ImageMetadata, ImageTransform, LocalImageService } from "astro";
import sharpService from "astro/assets/services/sharp";
import { MAX_IMAGE_WIDTH } from "../lib/image-limits.ts";

const imported = (src: ImageTransform["src"]): src is ImageMetadata & { fsPath?: string } => typeof src === "object" && src !== null;
const sameFormat = (a: string, b: string) => a.replace(/^jpg$/, "jpeg") === b.replace(/^jpg$/, "jpeg");

/** Width and height scaled down to the cap, keeping the aspect ratio. */
function capped(width: number, height: number | undefined): { width: number; height?: number } {
  if (width <= MAX_IMAGE_WIDTH) return { width, ...(height ? { height } : {}) };
  return { width: MAX_IMAGE_WIDTH, ...(height ? { height: Math.round((height * MAX_IMAGE_WIDTH) / width) } : {}) };
}

const service: LocalImageService = {
  ...sharpService,
  async validateOptions(options, imageConfig, logger) {
    if (imported(options.src) && options.src.format === "svg") {
      throw new Error(`SVG images are never published (an SVG can carry script): ${options.src.fsPath ?? options.src.src}`);
    }
    const autoSizes = options.width ? `(min-width: ${options.width}px) ${options.width}px, 100vw` : undefined;
    const o = await sharpService.validateOptions!(options, imageConfig, logger);
    // No width given: Astro publishes the original's width.
    if (!o.width && !o.height && imported(o.src)) Object.assign(o, { width: o.src.width, height: o.src.height });
    if (o.width && o.width > MAX_IMAGE_WIDTH) {
      Object.assign(o, capped(o.width, o.height));
      // The "constrained" layout's sizes name the image's width; say the published one.
      if (o.sizes === autoSizes) o.sizes = `(min-width: ${MAX_IMAGE_WIDTH}px) ${MAX_IMAGE_WIDTH}px, 100vw`;
    }
    if (o.widths?.some((w) => w > MAX_IMAGE_WIDTH)) o.widths = [...new Set([...o.widths.filter((w) => w <= MAX_IMAGE_WIDTH), MAX_IMAGE_WIDTH])];
    return o;
  },
  async transform(input, transform, imageConfig, logger) {
    // Last line: whatever asked for this file (densities, a width set by hand), it is no wider than the cap.
    const t =
      typeof transform.width === "number" && transform.width > MAX_IMAGE_WIDTH
        ? { ...transform, ...capped(transform.width, typeof transform.height === "number" ? transform.height : undefined) }
        : transform;
    const out = await sharpService.transform(input, t, imageConfig, logger);
    if (typeof t.format === "string" && !sameFormat(out.format, t.format)) {
      throw new Error(`Image "${t.src}" could not be converted to ${t.format} (sharp gave ${out.format}); it is not published as it is.`);
    }
    return out;
  },
};

export default service;
