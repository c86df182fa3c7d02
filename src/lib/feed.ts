/** Helpers for feeds: feed readers need absolute URLs. */

/** Rewrites relative `href` and `src` attributes (and srcset entries) against `pageUrl`. */
export function absolutizeHtml(html: string, pageUrl: string): string {
  const abs = (u: string) => {
    if (/^([a-z][a-z0-9+.-]*:|#)/i.test(u)) return u;
    try {
      return new URL(u, pageUrl).href;
    } catch {
      return u;
    }
  };
  return html
    .replace(/\s(href|src)="([^"]*)"/g, (_m, attr: string, url: string) => ` ${attr}="${url.startsWith("#") ? pageUrl + url : abs(url)}"`)
    .replace(/\ssrcset="([^"]*)"/g, (_m, set: string) => {
      const parts = set.split(",").map((p) => {
        const [u, ...rest] = p.trim().split(/\s+/);
        return [abs(u ?? ""), ...rest].join(" ");
      });
      return ` srcset="${parts.join(", ")}"`;
    });
}
