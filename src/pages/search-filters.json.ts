/**
 * /search-filters.json: the values of the search's tag and year filters, for
 * the filter menus. Pagefind can list them too (`filters()`), but only by
 * downloading every filter chunk (6 KB at 1,000 posts, more as the site grows)
 * before the first search; this file is a few hundred bytes, and Pagefind then
 * loads a filter chunk only when the reader filters. Built from the same posts
 * and canonical tag names that the post pages hand to the index.
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
