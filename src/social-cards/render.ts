/**
 * Renders a social card to PNG: satori lays out the element tree into SVG,
 * resvg rasterises it. Satori reads TTF/OTF/WOFF (not WOFF2), so the fonts
 * come from the static @fontsource packages.
 */
import fs from "node:fs";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import { CARD_HEIGHT, CARD_WIDTH, cardTree, type CardInput } from "../lib/og/index.ts";

/** The font files a card uses, resolved from the project's node_modules. */
export const CARD_FONTS = [
  { name: "Literata", weight: 600, file: "@fontsource/literata/files/literata-latin-600-normal.woff" },
  { name: "Source Sans 3", weight: 400, file: "@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff" },
  { name: "Source Sans 3", weight: 600, file: "@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff" },
] as const;

/** The card fonts, loaded once per process (the build runs from the project root). */
let fonts: Parameters<typeof satori>[1]["fonts"] | undefined;

/** A 1200x630 PNG of the card. */
export async function renderCard(input: CardInput): Promise<Buffer> {
  fonts ??= CARD_FONTS.map((f) => ({
    name: f.name,
    weight: f.weight,
    style: "normal" as const,
    data: fs.readFileSync(path.resolve(process.cwd(), "node_modules", f.file)),
  }));
  const svg = await satori(cardTree(input) as unknown as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts });
  return new Resvg(svg, { fitTo: { mode: "width", value: CARD_WIDTH }, font: { loadSystemFonts: false } }).render().asPng();
}
