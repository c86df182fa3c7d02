/** The results list: each Pagefind result as a list item, with only Pagefind's <mark> highlights kept as markup. */
import type { Fragment } from "./pagefind.ts";
import { esc, trusted } from "./trusted-html.ts";

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

/** Appends results to the list. */
export function appendResults(list: HTMLElement, fragments: Fragment[]): void {
  list.insertAdjacentHTML("beforeend", trusted(fragments.map(resultHtml).join("")));
}

/** Arrow keys move between the search field and the result links. */
export function arrowKeysBetween(element: HTMLElement, input: HTMLInputElement, list: HTMLElement): void {
  element.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const links = [...list.querySelectorAll<HTMLElement>(".search-result-link")];
    const at = links.indexOf(document.activeElement as HTMLElement);
    if (at === -1 && document.activeElement !== input) return;
    e.preventDefault();
    const next = e.key === "ArrowDown" ? (at === -1 ? 0 : Math.min(at + 1, links.length - 1)) : at - 1;
    (next < 0 ? input : links[next])?.focus();
  });
}
