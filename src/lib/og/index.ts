/**
 * Social cards: the layout (1200x630) as a satori element tree, and where each
 * card is published. Pages import this, so it stays free of the renderer
 * (satori, resvg): the cache and the drawing live in src/social-cards/.
 * The layout: warm linen ground, a eucalyptus rule, the title in Literata, the
 * site name below; plain objects rather than JSX so this stays a .ts module.
 * https://github.com/vercel/satori#documentation
 */
import type { SiteSettings } from "../settings.ts";

/** What a card shows. */
export type CardInput = ReturnType<typeof cardInput>;

/** Card size (Open Graph's recommended 1.91:1). */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** Bump when the layout changes, so cached cards are rendered again. */
export const TEMPLATE_VERSION = 2;

const COLORS = { ground: "#f7f1e8", ink: "#2a211b", muted: "#5f5147", accent: "#2f5d50", sand: "#efe5d6", clay: "#9a4f32" };

/** A satori node (the subset of React elements satori reads). */
interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: Array<CardNode | string> | CardNode | string };
}

const el = (type: string, style: Record<string, string | number>, children?: CardNode["props"]["children"]): CardNode => ({
  type,
  props: children === undefined ? { style } : { style, children },
});

/** Title size that keeps long titles within four lines. */
function titleSize(title: string): number {
  if (title.length <= 40) return 72;
  if (title.length <= 70) return 60;
  if (title.length <= 110) return 50;
  return 42;
}

/** The element tree of a card. */
export function cardTree(input: CardInput): CardNode {
  const title = input.title.length > 160 ? `${input.title.slice(0, 157).trimEnd()}…` : input.title;
  return el(
    "div",
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      boxSizing: "border-box",
      display: "flex",
      flexDirection: "column",
      justifyContent: "space-between",
      backgroundColor: COLORS.ground,
      padding: "64px 88px 56px",
      fontFamily: "Source Sans 3",
      color: COLORS.ink,
      borderTop: `14px solid ${COLORS.accent}`,
    },
    [
      el("div", { display: "flex", flexDirection: "column" }, [
        el(
          "div",
          { fontSize: 28, fontWeight: 600, color: COLORS.accent, letterSpacing: 1.5, textTransform: "uppercase", marginBottom: 28 },
          input.kicker,
        ),
        el("div", { fontFamily: "Literata", fontWeight: 600, fontSize: titleSize(title), lineHeight: 1.18, maxWidth: 1000 }, title),
      ]),
      el("div", { display: "flex", alignItems: "flex-end", justifyContent: "space-between", borderTop: `2px solid ${COLORS.sand}`, paddingTop: 28 }, [
        el("div", { display: "flex", flexDirection: "column" }, [
          el("div", { fontFamily: "Literata", fontWeight: 600, fontSize: 38 }, input.siteName),
          el("div", { fontSize: 28, color: COLORS.muted }, input.tagline),
        ]),
        el("div", { fontSize: 26, color: COLORS.muted }, input.host),
      ]),
    ],
  );
}

/** Site path of a post's card. */
export const postCardPath = (slug: string) => `/og/posts/${slug}.png`;
/** Site path of the program page's card. */
export const programCardPath = "/og/program.png";

/** A card for a title with its kicker (the small line above it, "From the blog"), branded from the site settings. */
export function cardInput(title: string, kicker: string, settings: Pick<SiteSettings, "title" | "tagline" | "url">) {
  return { title, kicker, siteName: settings.title, tagline: settings.tagline, host: new URL(settings.url).host.replace(/^www\./, "") };
}
