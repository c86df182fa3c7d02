/**
 * Refuses uploads of files the site does not accept as images (SVG above all:
 * an SVG can carry script). Decap's media library only asks the browser for
 * `image/*`, so the check happens here: a capturing `change` listener on the
 * window sees every file input before React does, and stops the event when a
 * file is not a JPEG, PNG, WebP, AVIF or GIF.
 */
import { IMAGE_EXTENSIONS, IMAGE_FORMATS_TEXT, IMAGE_MIME_TYPES } from "../src/schema/fields.ts";

/** The message shown when an upload is refused. */
export function refusalMessage(names: string[]): string {
  return `Not uploaded: ${names.join(", ")}. Images must be ${IMAGE_FORMATS_TEXT}.`;
}

/** Whether a file may be uploaded: an accepted MIME type and an accepted extension. */
export function isAcceptedImage(file: { name: string; type: string }): boolean {
  const ext = file.name.toLowerCase().split(".").pop() ?? "";
  return (IMAGE_MIME_TYPES as readonly string[]).includes(file.type) && (IMAGE_EXTENSIONS as readonly string[]).includes(ext);
}

/** The `accept` attribute for file pickers, so the system dialog offers only accepted files. */
export const ACCEPT = [...IMAGE_MIME_TYPES, ...IMAGE_EXTENSIONS.map((e) => `.${e}`)].join(",");

/** Installs the guard on a window; `refuse` tells the author (default: an alert). */
export function installUploadGuard(win: Window, refuse: (message: string) => void = (m) => win.alert(m)): void {
  win.addEventListener(
    "click",
    (event) => {
      const input = event.target;
      if (input instanceof HTMLInputElement && input.type === "file") input.accept = ACCEPT;
    },
    true,
  );
  win.addEventListener(
    "change",
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.files) return;
      const refused = Array.from(input.files).filter((f) => !isAcceptedImage(f));
      if (refused.length === 0) return;
      event.stopImmediatePropagation();
      event.preventDefault();
      input.value = "";
      refuse(refusalMessage(refused.map((f) => f.name)));
    },
    true,
  );
}
