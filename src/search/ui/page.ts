/** /search/: mounts the search panel, fills it from ?q=&tag=&year=&sort= and keeps the URL in step as the reader types. */
import { createSearchPanel } from "./panel.ts";
import { paramsFromState, stateFromParams } from "./url-state.ts";

const mount = document.querySelector<HTMLElement>("[data-search-page] .search-mount");
if (mount) {
  const { element, input } = createSearchPanel(stateFromParams(new URLSearchParams(location.search)), (state) => {
    // replaceState: one history entry per visit, not one per keystroke.
    history.replaceState(history.state, "", `${location.pathname}${paramsFromState(state)}${location.hash}`);
  });
  mount.replaceChildren(element);
  input.focus();
}
