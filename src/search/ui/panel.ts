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
  const form = element.querySelector("form")!;
  const field = (name: keyof SearchState) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  const input = field("q") as HTMLInputElement;
  const status = element.querySelector<HTMLElement>(".search-status")!;
  const list = element.querySelector<HTMLOListElement>(".search-results")!;
  const more = element.querySelector<HTMLButtonElement>(".search-more")!;
  const fail = () => {
    status.textContent = "";
    element.querySelector<HTMLElement>(".search-fallback")!.hidden = false;
  };
  input.value = initial.q;
  field("sort").value = initial.sort;

  // Each search has a number: a newer one supersedes an older one still running.
  let run = 0;
  let pending: Result[] = [];
  const show = async (results: Result[], mine: number) => {
    const frags = await Promise.all(results.slice(0, BATCH).map((r) => r.data()));
    if (mine !== run) return;
    appendResults(list, frags);
    pending = results.slice(BATCH);
    more.hidden = pending.length === 0;
  };
  const search = async () => {
    // The form's fields in order: q, tag, year, sort.
    const s = { ...(Object.fromEntries(new FormData(form)) as Record<keyof SearchState, string>), q: input.value.trim() };
    onChange?.(s);
    const mine = ++run;
    if (!s.q && !s.tag && !s.year) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }
    status.textContent = "Searching…";
    list.setAttribute("aria-busy", "true");
    try {
      const pf = await loadPagefind();
      const filters = Object.fromEntries(Object.entries({ tag: s.tag, year: s.year }).filter(([, value]) => value));
      const found = await pf.search(s.q || null, { filters, ...(s.sort ? { sort: { date: "desc" } } : {}) });
      // A newer keystroke superseded this search (debouncedSearch-style cancellation returns null too).
      if (!found || mine !== run) return;
      list.replaceChildren();
      await show(found.results, mine);
      if (mine !== run) return;
      status.textContent = statusLine(found.results.length, s.q);
    } catch {
      fail();
    } finally {
      if (mine === run) list.removeAttribute("aria-busy");
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), delay);
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    schedule(0);
  });
  input.addEventListener("input", () => schedule(120));
  form.addEventListener("change", (e) => e.target !== input && schedule(0));
  more.addEventListener("click", () => {
    const first = list.children.length;
    void show(pending, run).then(() => list.querySelectorAll<HTMLElement>(".search-result-link")[first]?.focus());
  });
  arrowKeysBetween(element, input, list);

  status.textContent = "Loading search…";
  // The tag and year menus' values, listed by the build (src/pages/search-filters.json.ts) so that no Pagefind filter chunk loads before the reader filters.
  const filterValues = fetch(`${BASE}search-filters.json`).then((r) => {
    if (!r.ok) throw new Error(`search-filters.json: HTTP ${r.status}`);
    return r.json() as Promise<Record<"tag" | "year", string[]>>;
  });
  Promise.all([loadPagefind(), filterValues])
    .then(([, values]) => {
      for (const k of ["tag", "year"] as const) {
        field(k).insertAdjacentHTML("beforeend", trusted(values[k].map((v) => `<option>${esc(v)}</option>`).join("")));
        field(k).value = initial[k];
      }
      if (status.textContent === "Loading search…") status.textContent = "";
      if (initial.q || initial.tag || initial.year) schedule(0);
    })
    .catch(fail);
  return { element, input };
}
