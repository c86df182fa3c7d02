/** Full-content RSS 2.0 feed with absolute URLs. */
import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { getContainerRenderer as mdxRenderer } from "@astrojs/mdx/container-renderer";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { loadRenderers } from "astro:container";
import { render } from "astro:content";
import { getPosts, getSettings } from "../data/site.ts";
import { absolutizeHtml, feedPosts } from "../lib/feed.ts";
import { absoluteUrl, postPath } from "../lib/urls.ts";

export const GET: APIRoute = async () => {
  const settings = await getSettings();
  const base = import.meta.env.BASE_URL;
  // MDX posts render through the MDX renderer; plain Markdown needs none.
  const container = await AstroContainer.create({ renderers: await loadRenderers([mdxRenderer()]) });
  const posts = feedPosts(await getPosts());
  const items = await Promise.all(
    posts.map(async (post) => {
      const { Content } = await render(post);
      const link = absoluteUrl(postPath(post.id), settings.url, base);
      const html = await container.renderToString(Content);
      return {
        title: post.data.title,
        description: post.data.description,
        pubDate: post.data.date,
        link,
        categories: post.data.tags,
        author: `${settings.email} (${settings.author})`,
        content: absolutizeHtml(html, link),
      };
    }),
  );
  return rss({
    title: settings.title,
    description: settings.description,
    // The channel links to the blog home, under the deployment sub-path like every item.
    site: absoluteUrl("/", settings.url, base),
    items,
    // A self link lets feed readers and validators know the feed's own address.
    xmlns: { atom: "http://www.w3.org/2005/Atom" },
    customData: `<language>en-us</language><atom:link href="${absoluteUrl("/rss.xml", settings.url, base)}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
  });
};
