/** The RSS feed, robots.txt and the sub-path build. */
import fs from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { fromHtml } from "hast-util-from-html";
import { toString } from "hast-util-to-string";
import { describe, expect, it } from "vitest";
import { FEED_LIMIT } from "../../src/lib/feed.ts";
import { fixtureDist, readDist } from "../support/build.ts";
import { attr, findAll, page, publishedPosts } from "./blog-html.ts";

interface Item {
  title: string;
  link: string;
  guid: string | { "#text": string };
  description: string;
  pubDate: string;
  "content:encoded": string;
  category?: string | string[];
}

function feed(site: "main" | "subpath") {
  const xml = readDist(site, "rss.xml");
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", processEntities: true }).parse(xml) as {
    rss: { "@version": string; channel: { title: string; link: string; description: string; item: Item | Item[] } };
  };
  const items = parsed.rss.channel.item;
  return { xml, rss: parsed.rss, items: Array.isArray(items) ? items : [items] };
}

describe("the RSS feed", () => {
  const { xml, rss, items } = feed("main");
  const posts = publishedPosts();

  it("is well-formed RSS 2.0 with the site's title, link and description", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(rss["@version"]).toBe("2.0");
    expect(rss.channel.title).toBe("Quiet Hands Studio");
    expect(rss.channel.link).toBe("https://fixture.example.org/");
    expect(rss.channel.description).toBe("Quiet Hands Studio is the fixture site the test suite builds.");
    expect(xml).toContain('<atom:link href="https://fixture.example.org/rss.xml" rel="self" type="application/rss+xml"/>');
  });

  it("lists the published posts newest first, up to the feed limit", () => {
    expect(items.map((i) => i.link)).toEqual(posts.slice(0, FEED_LIMIT).map((p) => `https://fixture.example.org/blog/${p.slug}/`));
  });

  it("gives each item its title, description, date, categories and a permanent guid", () => {
    for (const [i, post] of posts.slice(0, FEED_LIMIT).entries()) {
      const item = items[i]!;
      expect(item.title).toBe(post.title);
      expect(item.description).toBe(post.description);
      expect(new Date(item.pubDate).getTime()).toBe(post.date.getTime());
      expect(typeof item.guid === "string" ? item.guid : item.guid["#text"]).toBe(item.link);
      expect([item.category ?? []].flat()).toEqual(post.tags);
    }
  });

  it("carries each post's full text", () => {
    const sections = items.find((i) => i.link.endsWith("/blog/sections-and-structure/"))!;
    for (const words of ["First section", "Third section", "The footnote text"]) expect(sections["content:encoded"]).toContain(words);
  });

  it("uses absolute URLs for links and images inside the content", () => {
    for (const item of items) {
      const html = item["content:encoded"];
      const urls = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
      for (const url of urls) expect(url, item.link).toMatch(/^(https?:|mailto:)/);
    }
    const hero = items.find((i) => i.link.endsWith("/blog/hero-image/"))!;
    expect(hero["content:encoded"]).toMatch(/src="https:\/\/fixture\.example\.org\/_astro\/[^"]+\.(webp|avif|jpg)"/);
    const sections = items.find((i) => i.link.endsWith("/blog/sections-and-structure/"))!;
    expect(sections["content:encoded"]).toContain('href="https://fixture.example.org/blog/welcome/"');
  });

  it("escapes special characters so they parse back to the source text", () => {
    const item = items.find((i) => i.link.endsWith("/blog/special-characters/"))!;
    expect(item.title).toBe(`Fish & Chips <b>bold</b> "quoted" 'single' café`);
    expect(item.description).toBe(`Testing < and > and & and "quotes" in descriptions.`);
    // The HTML inside the item escapes them once more; read as HTML, the text is the source's.
    expect(item["content:encoded"]).not.toContain("5 < 6");
    expect(toString(fromHtml(item["content:encoded"], { fragment: true }))).toContain("5 < 6 && 7 > 3");
  });

  it("is announced in every page's head", () => {
    const link = findAll(page("main", "index.html"), (el) => el.tagName === "link" && attr(el, "type") === "application/rss+xml");
    expect(link.map((l) => attr(l, "href"))).toEqual(["/rss.xml"]);
  });
});

describe("robots.txt", () => {
  it("points to the sitemap and keeps crawlers out of the CMS", () => {
    expect(readDist("main", "robots.txt")).toBe("User-agent: *\nDisallow: /admin/\n\nSitemap: https://fixture.example.org/sitemap-index.xml\n");
  });

  it("names a sitemap that exists", () => {
    expect(readDist("main", "sitemap-index.xml")).toContain("https://fixture.example.org/sitemap-0.xml");
  });
});

describe("the sub-path build (SITE_BASE=/path2practice)", () => {
  const dist = fixtureDist("subpath");
  const htmlFiles = (fs.readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith(".html") && !f.startsWith("admin"));

  it("starts every internal link, image, stylesheet, script and font with /path2practice/", () => {
    const bad: string[] = [];
    for (const file of htmlFiles) {
      const tree = page("subpath", file);
      for (const el of findAll(tree, () => true)) {
        for (const prop of ["href", "src", "srcSet", "action", "poster"]) {
          const value = attr(el, prop);
          if (!value) continue;
          const urls = prop === "srcSet" ? value.split(",").map((s) => s.trim().split(/\s+/)[0]!) : [value];
          for (const url of urls) {
            if (/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(url)) continue;
            if (!url.startsWith("/path2practice/")) bad.push(`${file}: <${el.tagName} ${prop}="${url}">`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it("checks a meaningful number of pages", () => {
    expect(htmlFiles.length).toBeGreaterThan(20);
  });

  it("resolves every internal link to a file in the build", () => {
    const missing = new Set<string>();
    for (const file of htmlFiles) {
      for (const a of findAll(page("subpath", file), (el) => el.tagName === "a")) {
        const href = attr(a, "href").split("#")[0]!;
        if (!href.startsWith("/path2practice/")) continue;
        const rel = decodeURI(href.slice("/path2practice/".length));
        const target = path.join(dist, rel);
        if (!(fs.existsSync(target) && fs.statSync(target).isFile()) && !fs.existsSync(path.join(target, "index.html")))
          missing.add(`${file} -> ${href}`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it("puts the sub-path into canonical URLs, the feed and robots.txt", () => {
    const tree = page("subpath", "blog/welcome/index.html");
    const canonical = findAll(tree, (el) => el.tagName === "link" && attr(el, "rel") === "canonical")[0]!;
    expect(attr(canonical, "href")).toBe("https://fixture.example.org/path2practice/blog/welcome/");
    const { items } = feed("subpath");
    for (const item of items) expect(item.link).toMatch(/^https:\/\/fixture\.example\.org\/path2practice\/blog\//);
    expect(readDist("subpath", "robots.txt")).toContain("Disallow: /path2practice/admin/");
    expect(readDist("subpath", "robots.txt")).toContain("Sitemap: https://fixture.example.org/path2practice/sitemap-index.xml");
  });
});
