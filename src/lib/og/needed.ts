/**
 * Which social cards a build publishes, from the checked content files rather
 * than Astro's content layer, with the same rules as the pages that point at
 * them: published posts (not drafts, not dated after now) without their own
 * image, plus the program page.
 */
import type { Entry } from "../content/validate.ts";
import { isPublished } from "../posts.ts";
import type { SiteSettings } from "../settings.ts";
import { cardInput, postCardPath, programCardPath } from "./index.ts";
import type { CardInput } from "./template.ts";

/** A card to publish: its site path (without the base) and what it shows. */
export interface NeededCard {
  path: string;
  input: CardInput;
}

/** The kicker line of each kind of card. */
export const KICKERS = { post: "From the blog", program: "The Inner Circle" } as const;

/** A post entry's parsed fields, or undefined when the file did not pass the schema. */
function postData(entry: Entry): { title: string; date: Date; draft: boolean; image?: unknown } | undefined {
  const v = entry.value;
  if (!v || typeof v["title"] !== "string" || !(v["date"] instanceof Date)) return undefined;
  return { title: v["title"], date: v["date"], draft: v["draft"] === true, image: v["image"] };
}

/** The card of one post, or undefined when it gets none (its own image wins); `preview` shows drafts and scheduled posts too. */
export function postCard(entry: Entry, settings: SiteSettings, now: Date, preview = false): NeededCard | undefined {
  const data = postData(entry);
  if (!data || data.image) return undefined;
  if (!preview && !isPublished({ id: entry.slug, data: { ...data, tags: [] } }, now)) return undefined;
  return { path: postCardPath(entry.slug), input: cardInput(data.title, KICKERS.post, settings) };
}

/** The program page's card, when the program file is there and valid. */
export function programCard(entry: Entry, settings: SiteSettings): NeededCard | undefined {
  const title = entry.value?.["title"];
  return typeof title === "string" ? { path: programCardPath, input: cardInput(title, KICKERS.program, settings) } : undefined;
}

/** Every card a production build publishes. */
export function neededCards(entries: readonly Entry[], settings: SiteSettings, now: Date): NeededCard[] {
  const cards: NeededCard[] = [];
  for (const entry of entries) {
    const card =
      entry.collection.name === "posts"
        ? postCard(entry, settings, now)
        : entry.collection.name === "program"
          ? programCard(entry, settings)
          : undefined;
    if (card) cards.push(card);
  }
  return cards;
}
