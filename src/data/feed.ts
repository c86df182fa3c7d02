/**
 * Full-content RSS 2.0 feeds (the site's and one per tag) with absolute URLs
 * throughout, so a feed reader or an RSS-to-email service shows posts as the
 * site does: hero image first, then the words.
 */
import rss from "@astrojs/rss";
import { getContainerRenderer as mdxRenderer } from "@astrojs/mdx/container-renderer";
import { getImage } from "astro:assets";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { loadRenderers } from "astro:container";
import { render } from "astro:content";
import { absolutizeHtml, feedPosts, heroHtml } from "../lib/feed.ts";
import { absoluteUrl, postPath } from "../lib/urls.ts";
import { getSettings, type Post } from "./site.ts";

/** What tells one feed from another. */
export interface FeedOptions {
  title: string;
  description: string;
  /** The page the feed stands for ("/", "/tags/x/"). */
  page: string;
  /** The feed's own path ("/rss.xml"). */
  self: string;
}

/** The feed of `posts` (the newest of them) as a response. */
export async function feedResponse(posts: readonly Post[], options: FeedOptions): Promise<Response> {
  const settings = await getSettings();
  const base = import.meta.env.BASE_URL;
  // MDX posts render through the MDX renderer; plain Markdown needs none.
  const container = await AstroContainer.create({ renderers: await loadRenderers([mdxRenderer()]) });
  const items = await Promise.all(
    feedPosts(posts).map(async (post) => {
      const { Content } = await render(post);
      const link = absoluteUrl(postPath(post.id), settings.url, base);
      const { image, imageAlt } = post.data;
      const hero = image ? heroHtml((await getImage({ src: image, width: 1200, format: "jpg" })).src, imageAlt ?? "") : "";
      return {
        title: post.data.title,
        description: post.data.description,
        pubDate: post.data.date,
        link,
        categories: post.data.tags,
        author: `${settings.email} (${post.data.author ?? settings.author})`,
        content: absolutizeHtml(hero + (await container.renderToString(Content)), link),
      };
    }),
  );
  return rss({
    title: options.title,
    description: options.description,
    // The channel links to its page, under the deployment sub-path like every item.
    site: absoluteUrl(options.page, settings.url, base),
    items,
    // A self link lets feed readers and validators know the feed's own address.
    xmlns: { atom: "http://www.w3.org/2005/Atom" },
    customData: `<language>en-us</language><atom:link href="${absoluteUrl(options.self, settings.url, base)}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
  });
}
