/** The tag and year menus: their values come from the build (src/pages/search-filters.json.ts), so no Pagefind filter chunk loads before the reader filters. */
import { BASE } from "./pagefind.ts";
import { esc, trusted } from "./trusted-html.ts";

/** The menus a panel filters with. */
export type FilterMenus = Record<"tag" | "year", HTMLSelectElement>;

/** The filter menus' values, as listed by the build. */
export function loadFilterValues(): Promise<Record<"tag" | "year", string[]>> {
  return fetch(`${BASE}search-filters.json`).then((r) => {
    if (!r.ok) throw new Error(`search-filters.json: HTTP ${r.status}`);
    return r.json() as Promise<Record<"tag" | "year", string[]>>;
  });
}

/** Fills the menus and selects what the reader had asked for (kept in `data-initial` until the values arrive). */
export function fillFilterMenus(menus: FilterMenus, values: Record<"tag" | "year", string[]>): void {
  for (const k of ["tag", "year"] as const) {
    menus[k].insertAdjacentHTML("beforeend", trusted(values[k].map((v) => `<option>${esc(v)}</option>`).join("")));
    menus[k].value = menus[k].dataset["initial"] ?? "";
  }
}
