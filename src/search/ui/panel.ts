/**
 * The search panel shared by the header dialog (dialog.ts) and the /search/
 * page (page.ts): query field, tag/year filters, sort, a live status line and
 * the results list.
 */
// The stylesheet is attached when a panel is first built (a link, so a strict CSP needs no 'unsafe-inline').
import cssUrl from "../../styles/search.css?url";
import { BASE, loadPagefind, type Result } from "./pagefind.ts";
import { appendResults, arrowKeysBetween } from "./results.ts";
import { esc, trusted } from "./trusted-html.ts";

/** A search: the words, the filters and the order ("" = relevance, "date" = newest first). */
interface SearchState {
  q: string;
  tag: string;
  year: string;
  sort: string;
}

/** Results rendered per batch: each one costs a fragment request. */
const BATCH = 5;

let panels = 0;

function panelHtml(id: string): string {
  const select = (name: string, label: string, first: string) =>
    `<label class="search-option"><span>${label}</span><select name="${name}"><option value="">${first}</option></select></label>`;
  return `<form class="search-form" role="search" action="${BASE}search/" method="get">
<label class="sr-only" for="${id}-q">Search posts</label>
<input class="search-input" id="${id}-q" type="search" name="q" autocomplete="off" spellcheck="false" enterkeyhint="search" placeholder="Search posts" aria-describedby="${id}-status" aria-controls="${id}-results">
<div class="search-options">
${select("tag", "Tag", "All tags")}${select("year", "Year", "Any year")}
<label class="search-option"><span>Sort</span><select name="sort"><option value="">Best match</option><option value="date">Newest first</option></select></label>
</div>
</form>
<p class="search-status" id="${id}-status" role="status" aria-live="polite" aria-atomic="true"></p>
<p class="search-fallback" hidden>Search could not load. Browse <a href="${BASE}blog/">all posts</a> or <a href="${BASE}tags/">posts by topic</a>.</p>
<ol class="search-results" id="${id}-results" aria-label="Search results"></ol>
<button class="search-more" type="button" hidden>Show more results</button>`;
}

/** The parts of a panel the search works with. */
function partsOf(element: HTMLElement) {
  const form = element.querySelector("form")!;
  const named = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;
  return {
    form,
    input: form.elements.namedItem("q") as HTMLInputElement,
    menus: { tag: named("tag"), year: named("year"), sort: named("sort") },
    status: element.querySelector<HTMLElement>(".search-status")!,
    list: element.querySelector<HTMLOListElement>(".search-results")!,
    more: element.querySelector<HTMLButtonElement>(".search-more")!,
    fallback: element.querySelector<HTMLElement>(".search-fallback")!,
  };
}

/** The tag and year menus' values, listed by the build (src/pages/search-filters.json.ts) so that no Pagefind filter chunk loads before the reader filters. */
function loadFilterValues(): Promise<Record<"tag" | "year", string[]>> {
  return fetch(`${BASE}search-filters.json`).then((r) => {
    if (!r.ok) throw new Error(`search-filters.json: HTTP ${r.status}`);
    return r.json() as Promise<Record<"tag" | "year", string[]>>;
  });
}

/** Runs searches as the reader types, showing results in batches; a newer search supersedes an older one still running. */
function searcher(p: ReturnType<typeof partsOf>, onChange?: (state: SearchState) => void) {
  let run = 0;
  let pending: Result[] = [];
  const state = (): SearchState => ({ q: p.input.value.trim(), tag: p.menus.tag.value, year: p.menus.year.value, sort: p.menus.sort.value });
  const show = async (results: Result[], mine: number) => {
    const frags = await Promise.all(results.slice(0, BATCH).map((r) => r.data()));
    if (mine !== run) return;
    appendResults(p.list, frags);
    pending = results.slice(BATCH);
    p.more.hidden = pending.length === 0;
  };
  const search = async () => {
    const s = state();
    onChange?.(s);
    const mine = ++run;
    if (!s.q && !s.tag && !s.year) {
      p.list.replaceChildren();
      p.more.hidden = true;
      p.status.textContent = "";
      return;
    }
    p.status.textContent = "Searching…";
    p.list.setAttribute("aria-busy", "true");
    try {
      const pf = await loadPagefind();
      const filters = Object.fromEntries(Object.entries({ tag: s.tag, year: s.year }).filter(([, value]) => value));
      const found = await pf.search(s.q || null, { filters, ...(s.sort ? { sort: { date: "desc" } } : {}) });
      // A newer keystroke superseded this search (debouncedSearch-style cancellation returns null too).
      if (!found || mine !== run) return;
      p.list.replaceChildren();
      await show(found.results, mine);
      if (mine !== run) return;
      p.status.textContent = statusLine(found.results.length, s.q);
    } catch {
      p.status.textContent = "";
      p.fallback.hidden = false;
    } finally {
      if (mine === run) p.list.removeAttribute("aria-busy");
    }
  };
  const showMore = () => show(pending, run);
  return { search, showMore };
}

function statusLine(n: number, q: string): string {
  const what = q ? ` for “${q}”` : "";
  return n === 0 ? `No results${what}. Try fewer or different words, or clear the filters.` : `${n} result${n === 1 ? "" : "s"}${what}.`;
}

/** A search panel. `onChange` hears every new state (the /search/ page mirrors it into the URL). */
export function createSearchPanel(
  initial: SearchState = { q: "", tag: "", year: "", sort: "" },
  onChange?: (state: SearchState) => void,
): { element: HTMLElement; input: HTMLInputElement } {
  if (!document.querySelector(`link[href="${cssUrl}"]`))
    document.head.insertAdjacentHTML("beforeend", trusted(`<link rel="stylesheet" href="${cssUrl}">`));
  // Matches in results are bold body text, a face list pages do not load: fetch it while the reader types.
  void document.fonts?.load(`600 1em ${getComputedStyle(document.documentElement).getPropertyValue("--font-body")}`).catch(() => undefined);
  const element = document.createElement("div");
  element.className = "search-panel";
  element.innerHTML = trusted(panelHtml(`search-${++panels}`));
  const p = partsOf(element);
  p.input.value = initial.q;
  p.menus.sort.value = initial.sort;

  const { search, showMore } = searcher(p, onChange);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), delay);
  };
  p.form.addEventListener("submit", (e) => {
    e.preventDefault();
    schedule(0);
  });
  p.input.addEventListener("input", () => schedule(120));
  p.form.addEventListener("change", (e) => e.target !== p.input && schedule(0));
  p.more.addEventListener("click", () => {
    const first = p.list.children.length;
    void showMore().then(() => p.list.querySelectorAll<HTMLElement>(".search-result-link")[first]?.focus());
  });
  arrowKeysBetween(element, p.input, p.list);

  p.status.textContent = "Loading search…";
  Promise.all([loadPagefind(), loadFilterValues()])
    .then(([, values]) => {
      for (const k of ["tag", "year"] as const) {
        p.menus[k].insertAdjacentHTML("beforeend", trusted(values[k].map((v) => `<option>${esc(v)}</option>`).join("")));
        p.menus[k].value = initial[k];
      }
      if (p.status.textContent === "Loading search…") p.status.textContent = "";
      if (initial.q || initial.tag || initial.year) schedule(0);
    })
    .catch(() => {
      p.status.textContent = "";
      p.fallback.hidden = false;
    });
  return { element, input: p.input };
}
