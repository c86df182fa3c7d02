/** /search/: mounts the search panel, fills it from ?q=&tag=&year=&sort= and keeps the URL in step as the reader types. */
import { createSearchPanel } from "./panel.ts";

const params = new URLSearchParams(location.search);
const get = (k: string) => params.get(k)?.trim() ?? "";

const mount = document.querySelector<HTMLElement>("[data-search-page] .search-mount");
if (mount) {
  const { element, input } = createSearchPanel(
    { q: get("q"), tag: get("tag"), year: get("year"), sort: get("sort") === "date" ? "date" : "" },
    (state) => {
      // replaceState: one history entry per visit, not one per keystroke.
      const query = new URLSearchParams(Object.entries(state).filter(([, value]) => value)).toString();
      history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
    },
  );
  mount.replaceChildren(element);
  input.focus();
}
