/** The markup every page shares (site header and footer) and the about page's own, from the site settings. */
import { archivePath } from "../lib/urls.ts";
import type { Element, ElementContent } from "hast";
import type { SiteSettings } from "../lib/settings.ts";
import { s } from "hastscript";
import { h } from "./html.ts";

type Href = (path: string) => string;

/** Site header: name, navigation and, after them, the search control the page passes in. */
export function siteHeader(
  settings: Pick<SiteSettings, "title" | "tagline" | "nav">,
  current: string,
  href: Href,
  search: ElementContent[] = [],
): Element {
  const isCurrent = (link: string) => (link === "/" ? current === href("/") : current.startsWith(href(link)));
  return h("header", { className: ["site-header"] }, [
    h("div", { className: ["container", "bar"] }, [
      h("a", { className: ["brand"], href: href("/") }, [
        s("svg", { className: ["mark"], ariaHidden: "true", viewBox: "0 0 32 32", width: "32", height: "32" }, [
          s("circle", { cx: "12.5", cy: "16", r: "9", fill: "var(--clay)", opacity: "0.85" }),
          s("circle", { cx: "19.5", cy: "16", r: "9", fill: "var(--accent)", opacity: "0.85" }),
        ]),
        h("span", { className: ["words"] }, [
          h("span", { className: ["name"] }, settings.title),
          h("span", { className: ["tagline"] }, settings.tagline),
        ]),
      ]),
      h(
        "nav",
        { ariaLabel: "Main" },
        h(
          "ul",
          { className: ["plain-list"] },
          settings.nav.map((item) => h("li", h("a", { href: href(item.href), ariaCurrent: isCurrent(item.href) ? "page" : undefined }, item.label))),
        ),
      ),
      ...search,
    ]),
  ]);
}

/** Site footer: who, where, since when; contact, feed, topics and social links. */
export function siteFooter(
  settings: Pick<SiteSettings, "title" | "tagline" | "location" | "foundingYear" | "email" | "social">,
  href: Href,
): Element {
  return h("footer", { className: ["site-footer"] }, [
    h("div", { className: ["container", "inner"] }, [
      h("div", { className: ["about"] }, [
        h("p", { className: ["name"] }, settings.title),
        settings.tagline ? h("p", settings.tagline) : undefined,
        h("p", { className: ["muted"] }, settings.location),
      ]),
      h(
        "nav",
        { ariaLabel: "Footer" },
        h("ul", { className: ["links", "plain-list"] }, [
          h("li", h("a", { href: `mailto:${settings.email}` }, settings.email)),
          h("li", h("a", { href: href("/tags/") }, "Topics")),
          h("li", h("a", { href: href(archivePath) }, "Archive")),
          h("li", h("a", { href: href("/rss.xml") }, "RSS feed")),
          ...settings.social.map((link) => h("li", h("a", { href: link.href, rel: ["me", "noopener"] }, link.label))),
        ]),
      ),
      h("p", { className: ["copy", "muted"] }, `©${settings.foundingYear} by ${settings.title}`),
    ]),
  ]);
}

/** The about page's heading (before its text) and contact line (after it). */
export function aboutPage(
  page: { title: string; description: string },
  settings: Pick<SiteSettings, "tagline" | "email">,
): { head: Element; contact: Element } {
  return {
    head: h("header", { className: ["page-head"] }, [
      h("p", { className: ["eyebrow"] }, settings.tagline),
      h("h1", page.title),
      h("p", { className: ["lede"] }, page.description),
    ]),
    contact: h("p", { className: ["contact"] }, ["Write to ", h("a", { href: `mailto:${settings.email}` }, settings.email), "."]),
  };
}
