/**
 * "Scheduled" and "Draft" marks in the posts list (styled by ./list-marks.css), by the site's own rule
 * (`unpublished()` in src/lib/posts.ts, dates read in the site's time zone): a Decap summary template cannot compare
 * with today, and its badge shows only the editorial workflow's status. Decap has no public API for the entries a
 * list shows, so their data comes from its redux store (esbuild resolves decap-cms-core to its `module` build, whose
 * store is the one instance the app uses). React redraws the cards on sorting, filtering, searching and switching
 * views, so an observer re-applies the marks, leaving cards already marked right untouched (which also ends the
 * observer's own echo).
 */
import { store } from "decap-cms-core/dist/esm/redux";
import { parseContentDate } from "../src/lib/dates.ts";
import { unpublished } from "../src/lib/posts.ts";

/** A post card links to its editor at this address plus the post's slug. */
const EDITOR = "#/collections/posts/entries/";

/** The mark a post's front matter earns at `now`, or undefined for a published post. */
function markFor(data: { date?: unknown; draft?: unknown }, timeZone: string, now: Date): string | undefined {
  const date = parseContentDate(data.date, timeZone);
  // An unreadable date is the save guard's to report; it earns no mark here.
  if (typeof date === "string") return data.draft === true ? "Draft" : undefined;
  return unpublished({ id: "", data: { date, draft: data.draft === true, tags: [] } }, now);
}

/** Puts the right mark on every post card on the page. */
function markCards(doc: Document, timeZone: string): void {
  const entries = store.getState().entries;
  const now = new Date();
  for (const link of doc.querySelectorAll<HTMLAnchorElement>(`a[href^="${EDITOR}"]`)) {
    // The icons box Decap keeps beside each card's title (empty unless the workflow badge is there).
    const icons = link.querySelector("h2 > div");
    if (!icons) continue;
    const slug = decodeURIComponent(link.hash.slice(EDITOR.length));
    const data = ["entities", `posts.${slug}`, "data"];
    const mark = markFor({ date: entries.getIn([...data, "date"]), draft: entries.getIn([...data, "draft"]) }, timeZone, now);
    const shown = icons.querySelector(".p2p-mark");
    if ((shown?.textContent ?? undefined) === mark) continue;
    shown?.remove();
    if (!mark) continue;
    const badge = doc.createElement("span");
    badge.className = "p2p-mark";
    badge.dataset["mark"] = mark.toLowerCase();
    badge.textContent = mark;
    icons.prepend(badge);
  }
}

/** Keeps "Scheduled" and "Draft" marks on the posts list's cards, in both of Decap's views. */
export function markPostList(win: Window, timeZone: string): void {
  const doc = win.document;
  let pending = false;
  // Once per frame at most: a list redraw is a burst of mutations.
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    win.requestAnimationFrame(() => {
      pending = false;
      markCards(doc, timeZone);
    });
  }).observe(doc.body, { childList: true, subtree: true });
}
