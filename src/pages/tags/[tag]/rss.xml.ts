/** One feed per tag, for readers (and newsletters) that follow one topic. */
import type { APIRoute, GetStaticPaths } from "astro";
import { feedResponse } from "../../../data/feed.ts";
import { getPostsWithTag, getSettings, getTags } from "../../../data/site.ts";
import { tagFeedPath, tagPath } from "../../../lib/urls.ts";
import type { Tag } from "../../../lib/tags.ts";

export const getStaticPaths = (async () => (await getTags()).map((tag) => ({ params: { tag: tag.slug }, props: { tag } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { tag } = props as { tag: Tag };
  const settings = await getSettings();
  return feedResponse(await getPostsWithTag(tag.slug), {
    title: `${settings.title}: ${tag.name}`,
    description: `Posts on ${settings.title} tagged “${tag.name}”.`,
    page: tagPath(tag.slug),
    self: tagFeedPath(tag.slug),
  });
};
