/**
 * The last check of a build: every image file Astro wrote (its `_astro/` folder, where content images go) is a raster
 * image of the format its name says, no wider than MAX_IMAGE_WIDTH, never SVG. The content check and the image
 * service keep such files out; this proves it on the output, so a change in Astro cannot quietly publish one (it once
 * copied a hero image's 5000-px original next to its resized versions).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { imageSize } from "image-size";
import { MAX_IMAGE_WIDTH } from "../lib/image-limits.ts";
import { extensionMatches, extensionOf, sniffImageType } from "../lib/image-type.ts";

const IMAGE_EXTENSIONS = new Set(["jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "svgz"]);

/** What is wrong with one published file, or undefined. */
export function publishedImageProblem(file: string): string | undefined {
  const bytes = fs.readFileSync(file);
  const type = sniffImageType(bytes);
  // Scripts, styles and fonts are only sniffed (an SVG under another name is still an SVG).
  if (!IMAGE_EXTENSIONS.has(extensionOf(file)) && type === undefined) return undefined;
  if (type === "svg" || extensionOf(file).startsWith("svg")) return "is an SVG image (never published: it can carry script)";
  if (!type || !extensionMatches(file, type))
    return `is ${type ? `a ${type.toUpperCase()} file` : "not an image"} under a .${extensionOf(file)} name`;
  const { width } = imageSize(bytes);
  return width > MAX_IMAGE_WIDTH ? `is ${width} px wide, over the ${MAX_IMAGE_WIDTH} px limit` : undefined;
}

export default function publishedImages(): AstroIntegration {
  let assets = "_astro";
  return {
    name: "path2practice:published-images",
    hooks: {
      "astro:config:done": ({ config }) => {
        assets = config.build.assets;
      },
      "astro:build:done": ({ dir }) => {
        const dist = fileURLToPath(dir);
        const images = path.join(dist, assets);
        if (!fs.existsSync(images)) return;
        const problems = (fs.readdirSync(images, { recursive: true }) as string[])
          .map((rel) => path.join(images, rel))
          .filter((file) => fs.statSync(file).isFile())
          .flatMap((file) => {
            const problem = publishedImageProblem(file);
            return problem ? [`${path.relative(dist, file)} ${problem}`] : [];
          });
        if (problems.length === 0) return;
        const failure = new Error(
          `The build stopped: ${problems.length} published image${problems.length > 1 ? "s" : ""} break the image rules.\n${problems.join("\n")}`,
        );
        failure.stack = failure.message;
        throw failure;
      },
    },
  };
}
