/**
 * /search-filters.json: the tag and year filter menus' values, from the posts and canonical tag names the post
 * pages hand to the index. Pagefind's `filters()` would download every filter chunk (6 KB at 1,000 posts) before
 * the first search; this file is a few hundred bytes, and Pagefind loads a chunk only when the reader filters.
 */
import type { APIRoute } from "astro";
import { getPosts, getSettings, getTags } from "../data/site.ts";
import { zonedYear } from "../lib/dates.ts";

export const GET: APIRoute = async () => {
  const { timeZone } = await getSettings();
  const tag = (await getTags()).map((t) => t.name).sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
  const year = [...new Set((await getPosts()).map((p) => String(zonedYear(p.data.date, timeZone))))].sort((a, b) => b.localeCompare(a));
  return new Response(JSON.stringify({ tag, year }), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
