/**
 * Refuses uploads of files the site does not accept as images (SVG above all: it can carry script). Decap's media
 * library only asks the browser for `image/*`, so a capturing `change` listener on the window sees every file input
 * before React does and stops the event when a file is not a JPEG, PNG, WebP, AVIF or GIF. Photos wider than the
 * site publishes are fitted here and the event sent on again, because Decap's media processing (src/schema/decap.ts)
 * can set a width but not cap one.
 */
import { MAX_IMAGE_WIDTH } from "../src/lib/image-limits.ts";
import { extensionOf, EXTENSIONS_OF } from "../src/lib/image-type.ts";
import { IMAGE_EXTENSIONS, IMAGE_FORMATS_TEXT } from "../src/schema/fields.ts";

const MIME_TYPES = Object.keys(EXTENSIONS_OF).map((type) => `image/${type}`);

/** Whether a file may be uploaded: an accepted MIME type and an accepted extension. */
const isAcceptedImage = (file: File) => MIME_TYPES.includes(file.type) && IMAGE_EXTENSIONS.includes(extensionOf(file.name));

/** The `accept` attribute for file pickers, so the system dialog offers only accepted files. */
const ACCEPT = [...MIME_TYPES, ...IMAGE_EXTENSIONS.map((e) => `.${e}`)].join(",");

/** The formats Decap's media processing re-encodes; GIF and AVIF are stored as they are. */
const PROCESSED = new Set(["image/jpeg", "image/png", "image/webp"]);

/**
 * A photo wider than MAX_IMAGE_WIDTH drawn at that width, and a PNG drawn on white (JPEG has no transparency), as a
 * lossless PNG that Decap then encodes once. Other files come back as they are.
 */
async function fitForUpload(file: File): Promise<File> {
  if (!PROCESSED.has(file.type)) return file;
  const image = await createImageBitmap(file);
  if (image.width <= MAX_IMAGE_WIDTH && file.type !== "image/png") return file;
  const width = Math.min(image.width, MAX_IMAGE_WIDTH);
  const height = Math.round((image.height * width) / image.width);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("this browser cannot draw images");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, width, height);
  context.imageSmoothingQuality = "high";
  context.drawImage(image, 0, 0, width, height);
  image.close();
  const blob = await canvas.convertToBlob({ type: "image/png" });
  return new File([blob], file.name.replace(/\.[^.]+$/, ".png"), { type: "image/png" });
}

/** Installs the guard on a window; a refused upload is explained in an alert. */
export function installUploadGuard(win: Window): void {
  const resent = new WeakSet<Event>();
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
      if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.files || resent.has(event)) return;
      const files = Array.from(input.files);
      const refused = files.filter((f) => !isAcceptedImage(f));
      event.stopImmediatePropagation();
      event.preventDefault();
      if (refused.length) {
        input.value = "";
        win.alert(`Not uploaded: ${refused.map((f) => f.name).join(", ")}. Images must be ${IMAGE_FORMATS_TEXT}.`);
        return;
      }
      // Decap reads the files when the change reaches React, so it sees the fitted ones.
      Promise.all(files.map(fitForUpload)).then(
        (fitted) => {
          const transfer = new DataTransfer();
          for (const file of fitted) transfer.items.add(file);
          input.files = transfer.files;
          const again = new Event("change", { bubbles: true });
          resent.add(again);
          input.dispatchEvent(again);
        },
        (err: unknown) => {
          input.value = "";
          win.alert(`Not uploaded: ${files.map((f) => f.name).join(", ")}. The picture could not be read (${(err as Error).message}).`);
        },
      );
    },
    true,
  );
}
