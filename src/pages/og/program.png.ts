/** Social card (1200x630 PNG) of the program page. */
import type { APIRoute } from "astro";
import { getProgram } from "../../data/program.ts";
import { getSettings } from "../../data/site.ts";
import { cachedCard, cardInput } from "../../lib/og/index.ts";

export const GET: APIRoute = async () => {
  const program = await getProgram();
  const png = await cachedCard(cardInput(program.title, "The Inner Circle", await getSettings()));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
