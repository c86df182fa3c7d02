/**
 * Reads local files that an import source names (an <img src>, an
 * enclosure), only when their real path (symlinks resolved) lies inside the
 * source's own folder and their bytes are an image of the kind their name says.
 */
import fs from "node:fs";
import { imageRefusal, isInside } from "../../import/safety.ts";
import type { LocalImage } from "../../import/images.ts";

/** Enough bytes to recognise any format image-type knows, SVG included. */
const HEAD_BYTES = 1024;

/** Checks a local image file named by a source whose files live in `sourceDir`. */
export function openLocalImage(file: string, sourceDir: string): LocalImage {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return { kind: "missing" };
  }
  if (!isInside(fs.realpathSync(sourceDir), real))
    return { kind: "refused", reason: "it is outside the source's folder; only files next to the source are copied" };
  if (!fs.statSync(real).isFile()) return { kind: "missing" };
  const head = Buffer.alloc(HEAD_BYTES);
  const fd = fs.openSync(real, "r");
  let read: number;
  try {
    read = fs.readSync(fd, head, 0, HEAD_BYTES, 0);
  } finally {
    fs.closeSync(fd);
  }
  // The copy is named after the real file, the post after the name the source gave: both must fit the bytes.
  const reason = imageRefusal(file, head.subarray(0, read)) ?? imageRefusal(real, head.subarray(0, read));
  return reason ? { kind: "refused", reason } : { kind: "image", file: real };
}
