/** The site's feed: every post, full content. */
import type { APIRoute } from "astro";
import { feedResponse } from "../data/feed.ts";
import { getPosts, getSettings } from "../data/site.ts";

export const GET: APIRoute = async () => {
  const { title, description } = await getSettings();
  return feedResponse(await getPosts(), { title, description, page: "/", self: "/rss.xml" });
};
