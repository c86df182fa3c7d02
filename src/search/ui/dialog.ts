/** The header's search dialog: a native modal <dialog> (focus stays inside, Escape closes it) holding a panel, built on first open. */
import { createSearchPanel } from "./panel.ts";
import { trusted } from "./trusted-html.ts";

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
  const panel = createSearchPanel();
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
