/** The program page's social card (see src/data/social-cards.ts). */
import type { APIRoute } from "astro";
import { cardResponse, programCard } from "../../data/social-cards.ts";

export const GET: APIRoute = async () => cardResponse(await programCard());
