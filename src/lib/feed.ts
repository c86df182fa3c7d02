/** Helpers for feeds: feed readers need absolute URLs, and a feed holds only the newest posts. */
import { toHtml } from "hast-util-to-html";
import { h } from "hastscript";
import { byNewest, type PostLike } from "./posts.ts";

/**
 * Posts in the feed. Items carry full content, so thousands of posts would
 * make a feed of many megabytes that readers re-download on every poll;
 * readers only need what is new since they last looked.
 */
export const FEED_LIMIT = 50;

/** The `limit` newest posts, newest first. */
export function feedPosts<T extends PostLike>(posts: readonly T[], limit = FEED_LIMIT): T[] {
  return [...posts].sort(byNewest).slice(0, Math.max(0, limit));
}

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

/** The hero image as the first thing in an item, as on the page. */
export const heroHtml = (src: string, alt: string) => toHtml(h("p", h("img", { src, alt })));
