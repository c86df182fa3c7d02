/** What the reader asked for, and its form in the /search/ URL (?q=&tag=&year=&sort=). */

/** A search: the words, the filters and the order. */
export interface SearchState {
  q: string;
  tag: string;
  year: string;
  /** "" = relevance, "date" = newest first. */
  sort: string;
}

/** Nothing asked for yet. */
export const EMPTY_STATE: SearchState = { q: "", tag: "", year: "", sort: "" };

/** Reads a search state from URL parameters. */
export function stateFromParams(params: URLSearchParams): SearchState {
  const get = (k: string) => params.get(k)?.trim() ?? "";
  return { q: get("q"), tag: get("tag"), year: get("year"), sort: get("sort") === "date" ? "date" : "" };
}

/** The query string for a state, empty fields left out. */
export function paramsFromState(state: SearchState): string {
  const params = new URLSearchParams(Object.entries(state).filter(([, value]) => value)).toString();
  return params ? `?${params}` : "";
}
