/** The feed and the sitemap: well-formed XML, absolute URLs to pages that exist, nothing unpublished. */
import fs from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { loadSettings } from "../../src/config/settings.ts";
import { FIXTURE_CONTENT, fixtureDist } from "../support/build.ts";
import { resolveFile } from "./site.ts";

const SITE = loadSettings(path.join(FIXTURE_CONTENT, "settings", "site.yaml")).url;
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["item", "url", "sitemap"].includes(name) });

/** Reads and parses an XML file of a build after checking it is well-formed. */
function xml(dist: string, file: string): Record<string, unknown> {
  const text = fs.readFileSync(path.join(dist, file), "utf8");
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`${file}:${valid.err.line}: ${valid.err.msg}`);
  return parser.parse(text) as Record<string, unknown>;
}

/** The build file an absolute URL of the site points at, or a reason it has none. */
function fileFor(dist: string, url: string, base: string): string {
  const prefix = `${SITE}${base}`;
  if (!url.startsWith(prefix)) return `not an absolute URL under ${prefix}`;
  return resolveFile(dist, `/${url.slice(prefix.length)}`) ?? "no such file";
}

/** Signs of the fixture's draft and future posts (their slugs and marker words). */
const UNPUBLISHED = /draft-post|future-post|zanzibarquux|futurewordxyz/i;

describe.each([
  ["main", "/"],
  ["subpath", "/path2practice/"],
] as const)("feed and sitemap of the %s build", (name, base) => {
  const dist = () => fixtureDist(name);

  it("the feed is well-formed RSS whose links are absolute and lead to built posts", () => {
    const rss = xml(dist(), "rss.xml") as { rss: { channel: { link: string; item: Array<{ link: string; guid: unknown; description?: string }> } } };
    const items = rss.rss.channel.item;
    expect(items.length).toBeGreaterThan(5);
    expect(rss.rss.channel.link.startsWith(`${SITE}${base}`)).toBe(true);
    for (const item of items) expect(fileFor(dist(), item.link, base), item.link).toMatch(/index\.html$/);
    expect(items.map((i) => i.link)).toContain(`${SITE}${base}blog/welcome/`);
  });

  it("the feed has no draft or future post", () => {
    const text = fs.readFileSync(path.join(dist(), "rss.xml"), "utf8");
    expect(text).not.toMatch(UNPUBLISHED);
  });

  it("the sitemap index and its sitemaps are well-formed, absolute, and list only built pages", () => {
    const index = xml(dist(), "sitemap-index.xml") as { sitemapindex: { sitemap: Array<{ loc: string }> } };
    const urls: string[] = [];
    for (const { loc } of index.sitemapindex.sitemap) {
      const file = fileFor(dist(), loc, base);
      expect(file, loc).toMatch(/\.xml$/);
      const map = xml(dist(), file) as { urlset: { url: Array<{ loc: string }> } };
      urls.push(...map.urlset.url.map((u) => u.loc));
    }
    expect(urls).toContain(`${SITE}${base}blog/welcome/`);
    for (const url of urls) expect(fileFor(dist(), url, base), url).toMatch(/\.html$/);
    expect(urls.filter((u) => UNPUBLISHED.test(u) || u.includes("/admin/") || u.includes("404"))).toEqual([]);
  });
});
