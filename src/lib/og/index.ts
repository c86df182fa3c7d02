/**
 * Social cards: which card a page gets and where it is published. Pages import
 * this, so it stays free of the renderer (satori, resvg): the cache and the
 * drawing live in src/social-cards/, used by the card pages (src/pages/og/).
 */
import type { SiteSettings } from "../settings.ts";
import type { CardInput } from "./template.ts";

export { CARD_HEIGHT, CARD_WIDTH, type CardInput } from "./template.ts";

/** Site path of a post's card. */
export const postCardPath = (slug: string) => `/og/posts/${slug}.png`;
/** Site path of the program page's card. */
export const programCardPath = "/og/program.png";

/** The card input for a title, branded from the site settings. */
export function cardInput(title: string, kicker: string, settings: Pick<SiteSettings, "title" | "tagline" | "url">): CardInput {
  return { title, kicker, siteName: settings.title, tagline: settings.tagline, host: new URL(settings.url).host.replace(/^www\./, "") };
}
