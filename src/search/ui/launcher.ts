/**
 * The only script on ordinary pages: it turns the header's plain link to /search/
 * into a dialog, and listens for "/" and Ctrl+K / Cmd+K. The dialog code and Pagefind
 * are fetched only when the reader opens search.
 */
const link = document.querySelector<HTMLAnchorElement>("[data-search-open]");

function open(event: Event): void {
  event.preventDefault();
  // On the /search/ page the field is already there.
  const field = document.querySelector<HTMLInputElement>("[data-search-page] input");
  if (field) return field.focus();
  const active = document.activeElement;
  const opener = active instanceof HTMLElement && active !== document.body ? active : link;
  void import("./dialog.ts").then((m) => opener && m.openSearchDialog(opener));
}

link?.addEventListener("click", (e) => {
  if (!(e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)) open(e);
});

document.addEventListener("keydown", (e) => {
  const t = e.target as HTMLElement;
  const typing = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
  if ((e.key === "k" && (e.metaKey || e.ctrlKey)) || (e.key === "/" && !typing && !e.metaKey && !e.ctrlKey && !e.altKey)) open(e);
});
