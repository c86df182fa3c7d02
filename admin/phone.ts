/**
 * The CMS on a phone (./phone.css): Decap's editor fitted to the screen. A
 * phone opens every entry on its form rather than the preview, which there
 * takes the whole screen; Decap keeps that choice in localStorage.
 */
import css from "./phone.css?inline";

/** Matches the media query in phone.css. */
const PHONE = "(max-width: 799px)";

/** Adds the phone stylesheet and, on a phone, starts the editor without the preview. */
export function fitToPhones(win: Window): void {
  const style = win.document.createElement("style");
  style.textContent = css;
  win.document.head.append(style);
  if (win.matchMedia(PHONE).matches) win.localStorage.setItem("cms.right-pane", "none");
}
