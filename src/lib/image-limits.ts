/** How large an image from content may be, for the content check, the build's image service and its final check. */

/**
 * Largest image, in pixels (width x height), the site accepts from content: 50 MP
 * is more than any phone or camera photo a post needs. An image is decoded whole
 * before it is resized, at 3-4 bytes a pixel whatever its file size, so a small
 * file can unpack to gigabytes (a "decompression bomb"), and sharp, which refuses
 * inputs over 268 MP by default, answers such a file by shipping it unresized.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** Widest image file the site publishes, in pixels: images fill at most a 45rem (720 px) column, so this is sharp even at 3x pixel density; wider files only cost readers data. */
export const MAX_IMAGE_WIDTH = 2400;

/** "20000x20000 pixels (400 MP)". */
export function describePixels(width: number, height: number): string {
  const mp = (width * height) / 1_000_000;
  return `${width}x${height} pixels (${mp >= 10 ? Math.round(mp) : Number(mp.toFixed(1))} MP)`;
}
