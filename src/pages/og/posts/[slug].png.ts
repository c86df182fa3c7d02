/** A post's social card (see src/data/social-cards.ts). */
import type { APIRoute, GetStaticPaths } from "astro";
import type { CardInput } from "../../../lib/og/index.ts";
import { cardResponse, postCards } from "../../../data/social-cards.ts";

export const getStaticPaths = (async () =>
  (await postCards()).map(({ slug, input }) => ({ params: { slug }, props: { input } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ input: CardInput }> = ({ props }) => cardResponse(props.input);
