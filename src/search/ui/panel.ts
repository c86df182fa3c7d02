/**
 * The search panel shared by the header dialog and the /search/ page: query field,
 * tag/year filters, sort, a live status line and the results list. Pagefind's script
 * and index are fetched the first time a panel is created, never on page load.
 * Pagefind JS API: https://pagefind.app/docs/api/
 */
// The stylesheet is attached when a panel is first built (a link, so a strict CSP needs no 'unsafe-inline').
import cssUrl from "../../styles/search.css?url";

/** What the reader asked for; mirrors the /search/ URL (?q=&tag=&year=&sort=). */
export interface SearchState {
  q: string;
  tag: string;
  year: string;
  /** "" = relevance, "date" = newest first. */
  sort: string;
}

interface Fragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface Result {
  data(): Promise<Fragment>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o: Record<string, unknown>): Promise<{ results: Result[] } | null>;
}

const BASE = import.meta.env.BASE_URL.replace(/\/?$/, "/");
/** Results rendered per batch: each one costs a fragment request. */
const BATCH = 5;
const FIELDS = ["q", "tag", "year", "sort"] as const;

let pagefind: Promise<Pagefind> | undefined;

/** Loads Pagefind once per page (the bundle lives at <base>pagefind/, written by the build). */
export function loadPagefind(): Promise<Pagefind> {
  return (pagefind ??= (async () => {
    const pf = (await import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`)) as Pagefind;
    // Result URLs are indexed from the site root; the deployment sub-path is added back here.
    // noWorker: Pagefind 1.6 would otherwise fetch pagefind-worker.js (~12 KB gzip) on top of pagefind.js to search
    // off the main thread; searching a blog-sized index takes milliseconds, so the bytes matter more on a slow phone.
    await pf.options({ baseUrl: BASE, excerptLength: 26, noWorker: true });
    await pf.init();
    return pf;
  })());
}

/** The filter menus' values, listed by the build (src/pages/search-filters.json.ts) so that no Pagefind filter chunk loads before the reader filters. */
function loadFilterValues(): Promise<Record<"tag" | "year", string[]>> {
  return fetch(`${BASE}search-filters.json`).then((r) => {
    if (!r.ok) throw new Error(`search-filters.json: HTTP ${r.status}`);
    return r.json() as Promise<Record<"tag" | "year", string[]>>;
  });
}

/** Reads a search state from URL parameters. */
export function stateFromParams(params: URLSearchParams): SearchState {
  const get = (k: string) => params.get(k)?.trim() ?? "";
  return { q: get("q"), tag: get("tag"), year: get("year"), sort: get("sort") === "date" ? "date" : "" };
}

/** The query string for a state, empty fields left out. */
export function paramsFromState(state: SearchState): string {
  const params = new URLSearchParams();
  for (const k of FIELDS) if (state[k]) params.set(k, state[k]);
  const s = params.toString();
  return s ? `?${s}` : "";
}

/**
 * The public pages' one Trusted Types policy (`trusted-types search-ui` in
 * src/deploy/policy.ts): browsers that enforce Trusted Types refuse a plain
 * string at any HTML sink, so only code holding this module-private policy can
 * write HTML. Everything passed to it is built here, every interpolated value
 * escaped with `esc`, Pagefind's excerpts reduced to text and <mark> first.
 */
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createHTML: (s: string) => string }): { createHTML(s: string): unknown };
}
const ttPolicy = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes?.createPolicy("search-ui", { createHTML: (s) => s });
/** Markup built by this module, as the sinks accept it under Trusted Types (typed as a string for the DOM's signatures). */
const trusted = (markup: string): string => (ttPolicy ? (ttPolicy.createHTML(markup) as string) : markup);

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Pagefind's excerpt as safe HTML: only its <mark> highlights survive, everything else becomes text. */
function safeExcerpt(html: string): string {
  const t = document.createElement("template");
  t.innerHTML = trusted(html);
  const walk = (n: Node): string =>
    n.nodeType === 3
      ? esc(n.textContent ?? "")
      : n.nodeName === "MARK"
        ? `<mark>${[...n.childNodes].map(walk).join("")}</mark>`
        : [...n.childNodes].map(walk).join("");
  return walk(t.content);
}

const formatDay = (day: string) => new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

function resultHtml(f: Fragment): string {
  const { title = f.url, date, image, image_alt: alt = "" } = f.meta;
  const tags = f.filters["tag"] ?? [];
  return `<li class="search-result">
<a class="search-result-link" href="${esc(f.url)}">${esc(title)}</a>
${date ? `<p class="search-result-date"><time datetime="${esc(date)}">${esc(formatDay(date))}</time></p>` : ""}
<p class="search-result-excerpt">${safeExcerpt(f.excerpt)}</p>
${tags.length ? `<ul class="search-result-tags" aria-label="Tags">${tags.map((t) => `<li>${esc(t)}</li>`).join("")}</ul>` : ""}
${image ? `<img class="search-result-image" src="${esc(image)}" alt="${esc(alt)}" loading="lazy" width="72" height="72">` : ""}
</li>`;
}

let panels = 0;

/** A search panel. `onChange` hears every new state (the /search/ page mirrors it into the URL). */
export function createSearchPanel(initial: SearchState, onChange?: (state: SearchState) => void): { element: HTMLElement; input: HTMLInputElement } {
  if (!document.querySelector(`link[href="${cssUrl}"]`))
    document.head.insertAdjacentHTML("beforeend", trusted(`<link rel="stylesheet" href="${cssUrl}">`));
  // Matches in results are bold body text, a face list pages do not load: fetch it while the reader types.
  void document.fonts?.load(`600 1em ${getComputedStyle(document.documentElement).getPropertyValue("--font-body")}`).catch(() => undefined);
  const id = `search-${++panels}`;
  const element = document.createElement("div");
  element.className = "search-panel";
  const select = (name: string, label: string, first: string) =>
    `<label class="search-option"><span>${label}</span><select name="${name}"><option value="">${first}</option></select></label>`;
  element.innerHTML = trusted(`<form class="search-form" role="search" action="${BASE}search/" method="get">
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
<button class="search-more" type="button" hidden>Show more results</button>`);

  const form = element.querySelector("form")!;
  const input = form.elements.namedItem("q") as HTMLInputElement;
  const controls = { tag: form.elements.namedItem("tag"), year: form.elements.namedItem("year"), sort: form.elements.namedItem("sort") } as Record<
    "tag" | "year" | "sort",
    HTMLSelectElement
  >;
  const status = element.querySelector<HTMLElement>(".search-status")!;
  const list = element.querySelector<HTMLOListElement>(".search-results")!;
  const more = element.querySelector<HTMLButtonElement>(".search-more")!;
  const fallback = element.querySelector<HTMLElement>(".search-fallback")!;

  input.value = initial.q;
  for (const k of ["tag", "year", "sort"] as const) controls[k].dataset["initial"] = initial[k];
  controls.sort.value = initial.sort;

  const state = (): SearchState => ({ q: input.value.trim(), tag: controls.tag.value, year: controls.year.value, sort: controls.sort.value });

  let run = 0;
  let pending: Result[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const show = async (results: Result[], mine: number) => {
    const frags = await Promise.all(results.slice(0, BATCH).map((r) => r.data()));
    if (mine !== run) return;
    list.insertAdjacentHTML("beforeend", trusted(frags.map(resultHtml).join("")));
    pending = results.slice(BATCH);
    more.hidden = pending.length === 0;
  };

  const search = async () => {
    const s = state();
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
      const filters: Record<string, string> = {};
      if (s.tag) filters["tag"] = s.tag;
      if (s.year) filters["year"] = s.year;
      const found = await pf.search(s.q || null, { filters, ...(s.sort ? { sort: { date: "desc" } } : {}) });
      // A newer keystroke superseded this search (debouncedSearch-style cancellation returns null too).
      if (!found || mine !== run) return;
      list.replaceChildren();
      await show(found.results, mine);
      if (mine !== run) return;
      const n = found.results.length;
      const what = s.q ? ` for “${s.q}”` : "";
      status.textContent =
        n === 0 ? `No results${what}. Try fewer or different words, or clear the filters.` : `${n} result${n === 1 ? "" : "s"}${what}.`;
    } catch {
      status.textContent = "";
      fallback.hidden = false;
    } finally {
      if (mine === run) list.removeAttribute("aria-busy");
    }
  };

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

  // Arrow keys move between the field and the result links.
  element.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const links = [...list.querySelectorAll<HTMLElement>(".search-result-link")];
    const at = links.indexOf(document.activeElement as HTMLElement);
    if (at === -1 && document.activeElement !== input) return;
    e.preventDefault();
    const next = e.key === "ArrowDown" ? (at === -1 ? 0 : Math.min(at + 1, links.length - 1)) : at - 1;
    (next < 0 ? input : links[next])?.focus();
  });

  status.textContent = "Loading search…";
  Promise.all([loadPagefind(), loadFilterValues()])
    .then(([, values]) => {
      for (const k of ["tag", "year"] as const) {
        controls[k].insertAdjacentHTML("beforeend", trusted(values[k].map((v) => `<option>${esc(v)}</option>`).join("")));
        controls[k].value = controls[k].dataset["initial"] ?? "";
      }
      if (status.textContent === "Loading search…") status.textContent = "";
      if (initial.q || initial.tag || initial.year) schedule(0);
    })
    .catch(() => {
      status.textContent = "";
      fallback.hidden = false;
    });

  return { element, input };
}

/* The header dialog: a native modal <dialog> (focus stays inside, Escape closes it) holding a panel, built on first open. */

let dialog: HTMLDialogElement | undefined;
let input: HTMLInputElement | undefined;
let returnTo: HTMLElement | undefined;

function build(): HTMLDialogElement {
  const d = document.createElement("dialog");
  d.className = "search-dialog";
  d.setAttribute("aria-label", "Search posts");
  d.innerHTML = trusted(
    `<div class="search-dialog-bar"><p class="search-dialog-title" aria-hidden="true">Search</p><button class="search-close" type="button">Close<span class="sr-only"> search</span></button></div>`,
  );
  const panel = createSearchPanel({ q: "", tag: "", year: "", sort: "" });
  input = panel.input;
  d.append(panel.element);
  d.querySelector(".search-close")!.addEventListener("click", () => d.close());
  // A click on the backdrop lands on the dialog element itself.
  d.addEventListener("click", (e) => e.target === d && d.close());
  // Escape closes at once (a search field would otherwise swallow the first press to clear itself).
  d.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    e.preventDefault();
    d.close();
  });
  d.addEventListener("close", () => returnTo?.focus());
  document.body.append(d);
  return d;
}

/** Opens the dialog; focus returns to `opener` when it closes. */
export function openSearchDialog(opener: HTMLElement): void {
  returnTo = opener;
  dialog ??= build();
  if (!dialog.open) dialog.showModal();
  input?.focus();
  input?.select();
}
