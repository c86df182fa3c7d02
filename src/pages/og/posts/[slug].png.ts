/** Social card (1200x630 PNG) of each post, rendered at build time and cached on disk. */
import type { APIRoute, GetStaticPaths } from "astro";
import { getPosts, getSettings } from "../../../data/site.ts";
import { cachedCard, cardInput } from "../../../lib/og/index.ts";

export const getStaticPaths = (async () => {
  // A post with its own image shares that instead (src/pages/blog/[slug].astro), so it needs no card.
  const posts = (await getPosts()).filter((post) => !post.data.image);
  return posts.map((post) => ({ params: { slug: post.id }, props: { title: post.data.title } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ title: string }> = async ({ props }) => {
  const png = await cachedCard(cardInput(props.title, "From the blog", await getSettings()));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
