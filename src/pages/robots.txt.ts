/** robots.txt: everything but the CMS, and where the sitemap is. */
import type { APIRoute } from "astro";

export const GET: APIRoute = ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const sitemap = new URL(`${base.replace(/\/?$/, "/")}sitemap-index.xml`, site).href;
  return new Response(`User-agent: *\nDisallow: ${base.replace(/\/?$/, "/")}admin/\n\nSitemap: ${sitemap}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
};
