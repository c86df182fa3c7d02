/**
 * Decap loads an entry when its editor opens, not when the address changes under an open editor: going from one
 * entry straight to another by the address bar or history keeps the first entry's data in the form, and saving
 * writes it into the second entry's file. So such a change reloads the page; moves Decap makes itself (a new entry
 * getting its address on first save, "duplicate") are left alone.
 */

/** The entry an editor address shows: `collection/slug`, `collection/` for a new one, or undefined elsewhere. */
export function editedEntry(hash: string): string | undefined {
  const match = /^#\/collections\/([^/?]+)\/(?:entries\/([^?]+)|new)(?:\?.*)?$/.exec(hash);
  return match ? `${match[1]}/${match[2] ?? ""}` : undefined;
}

/** True when the editor must reload to show the entry at `next` after `previous`. */
export function needsFreshEditor(previous: string, next: string): boolean {
  const from = editedEntry(previous);
  const to = editedEntry(next);
  if (!from || !to || from === to || next.includes("duplicate=")) return false;
  // A new entry saved for the first time moves to its own address in the same collection.
  return !(from.endsWith("/") && to.startsWith(from));
}

/** Reloads the page when the address moves from one entry's editor straight to another's. */
export function reloadOnEntrySwitch(win: Window): void {
  let current = win.location.hash;
  win.addEventListener("hashchange", () => {
    const next = win.location.hash;
    if (needsFreshEditor(current, next)) win.location.reload();
    current = next;
  });
}
