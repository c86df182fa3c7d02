/** Post pages in the fixture build: dates in the site's time zone, escaping, metadata, images, no JavaScript. */
import fs from "node:fs";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { FIXTURE_CONTENT, OTHER_ZONE_SITES, type FixtureName } from "../support/build.ts";
import { attr, find, findAll, jsonLd, meta, page, publishedPosts, text } from "./blog-html.ts";

const SITE = "https://fixture.example.org";

describe("dates in the site's time zone, whatever the build machine's TZ", () => {
  for (const [zone, site] of [["UTC", "main"], ...Object.entries(OTHER_ZONE_SITES)] as Array<[string, FixtureName]>) {
    it(`shows the date-only post as September 3, 2017 when built with TZ=${zone}`, () => {
      const time = find(page(site, "blog/date-only/index.html"), (el) => el.tagName === "time", "time");
      expect(text(time)).toBe("September 3, 2017");
      expect(attr(time, "dateTime")).toBe("2017-09-03T00:00:00-07:00");
    });

    it(`shows the late-evening post on March 10, 2019 when built with TZ=${zone}`, () => {
      const times = findAll(
        find(page(site, "blog/late-evening/index.html"), (el) => el.tagName === "header" && attr(el, "className").includes("post-header")),
        (el) => el.tagName === "time",
      );
      expect(times.map(text)).toEqual(["March 10, 2019", "April 2, 2019"]);
      expect(times.map((t) => attr(t, "dateTime"))).toEqual(["2019-03-10T23:30:00-07:00", "2019-04-02T00:00:00-07:00"]);
    });

    it(`dates the list card and the article metadata the same way when built with TZ=${zone}`, () => {
      const tree = page(site, "blog/date-only/index.html");
      expect(meta(tree, "article:published_time")).toBe("2017-09-03T00:00:00-07:00");
      expect(jsonLd(tree)[0]?.["datePublished"]).toBe("2017-09-03T00:00:00-07:00");
    });
  }
});

describe("special characters in titles and descriptions", () => {
  const source = matter(fs.readFileSync(`${FIXTURE_CONTENT}/posts/special-characters.md`, "utf8")).data as { title: string; description: string };
  const tree = page("main", "blog/special-characters/index.html");

  it("reads the fixture's tricky strings", () => {
    expect(source.title).toBe(`Fish & Chips <b>bold</b> "quoted" 'single' café`);
    expect(source.description).toContain("<");
  });

  it("round-trips through the page title, heading and meta tags as the same text", () => {
    expect(text(find(tree, (el) => el.tagName === "title"))).toBe(`${source.title} · Quiet Hands Studio`);
    expect(text(find(tree, (el) => el.tagName === "h1"))).toBe(source.title);
    expect(
      findAll(
        find(tree, (el) => el.tagName === "h1"),
        (el) => el.tagName === "b",
      ),
    ).toEqual([]);
    expect(meta(tree, "description")).toBe(source.description);
    expect(meta(tree, "og:title")).toBe(`${source.title} · Quiet Hands Studio`);
    expect(meta(tree, "og:description")).toBe(source.description);
    expect(meta(tree, "twitter:title")).toBe(`${source.title} · Quiet Hands Studio`);
  });

  it("round-trips through JSON-LD without a raw < that could close the script", () => {
    const data = jsonLd(tree)[0]!;
    expect(data["headline"]).toBe(source.title);
    expect(data["description"]).toBe(source.description);
    const raw = findAll(tree, (el) => el.tagName === "script").map((s) => text(s));
    for (const json of raw) expect(json).not.toMatch(/<\/?[a-z]/i);
  });

  it("shows the same title in list cards", () => {
    const list = [page("main", "tags/kitchen-table/index.html")];
    for (const t of list) expect(findAll(t, (el) => el.tagName === "a" && text(el) === source.title)).toHaveLength(1);
  });

  it("escapes the body text's < and & instead of treating them as markup", () => {
    const prose = find(tree, (el) => el.tagName === "div" && attr(el, "className").includes("prose"));
    expect(text(prose)).toContain("5 < 6 && 7 > 3");
  });
});

describe("metadata of every page", () => {
  it("gives each post a canonical URL, Open Graph and Twitter tags and a BlogPosting", () => {
    for (const post of publishedPosts()) {
      const tree = page("main", `blog/${post.slug}/index.html`);
      const url = `${SITE}/blog/${post.slug}/`;
      expect(
        attr(
          find(tree, (el) => el.tagName === "link" && attr(el, "rel") === "canonical"),
          "href",
        ),
      ).toBe(url);
      expect(meta(tree, "og:url")).toBe(url);
      expect(meta(tree, "og:type")).toBe("article");
      expect(meta(tree, "og:site_name")).toBe("Quiet Hands Studio");
      expect(meta(tree, "description")).toBe(post.description);
      expect(["summary", "summary_large_image"]).toContain(meta(tree, "twitter:card"));
      const ld = jsonLd(tree).find((d) => d["@type"] === "BlogPosting");
      expect(ld, post.slug).toMatchObject({ "@context": "https://schema.org", headline: post.title, url, mainEntityOfPage: url });
      expect(new Date(String(ld!["datePublished"])).getTime()).toBe(post.date.getTime());
    }
  });

  it("describes the home page as a WebSite and an Organization", () => {
    const tree = page("main", "index.html");
    const ld = jsonLd(tree);
    expect(ld.find((d) => d["@type"] === "WebSite")).toMatchObject({ name: "Quiet Hands Studio", url: `${SITE}/` });
    expect(ld.find((d) => d["@type"] === "Organization")).toMatchObject({
      name: "Quiet Hands Studio",
      url: `${SITE}/`,
      email: "hello@fixture.example.org",
    });
    expect(
      attr(
        find(tree, (el) => el.tagName === "link" && attr(el, "rel") === "canonical"),
        "href",
      ),
    ).toBe(`${SITE}/`);
    expect(meta(tree, "og:type")).toBe("website");
  });

  it("gives list, tag and about pages their own canonical URL and description", () => {
    for (const [file, url] of [
      ["blog/index.html", "/blog/"],
      ["blog/2/index.html", "/blog/2/"],
      ["tags/index.html", "/tags/"],
      ["tags/networking/index.html", "/tags/networking/"],
      ["about/index.html", "/about/"],
    ] as const) {
      const tree = page("main", file);
      expect(
        attr(
          find(tree, (el) => el.tagName === "link" && attr(el, "rel") === "canonical"),
          "href",
        ),
      ).toBe(`${SITE}${url}`);
      expect(meta(tree, "description").length).toBeGreaterThan(20);
      expect(meta(tree, "og:url")).toBe(`${SITE}${url}`);
    }
  });

  it("keeps the 404 page out of search engines", () => {
    expect(meta(page("main", "404.html"), "robots")).toBe("noindex");
  });
});

describe("post page structure", () => {
  it("optimises the hero image with its size, a srcset and a modern format", () => {
    const tree = page("main", "blog/hero-image/index.html");
    const hero = find(tree, (el) => el.tagName === "img" && attr(el, "className").includes("hero"), "hero image");
    expect(attr(hero, "alt")).toBe("A warm gradient from sand to eucalyptus green");
    expect(Number(attr(hero, "width"))).toBeGreaterThan(0);
    expect(Number(attr(hero, "height"))).toBeGreaterThan(0);
    expect(attr(hero, "src")).toMatch(/\.(webp|avif)$/);
    const widths = attr(hero, "srcSet")
      .split(",")
      .map((s) => s.trim().split(/\s+/)[1]);
    expect(widths).toEqual(["480w", "800w", "1200w"]);
    expect(attr(hero, "sizes")).not.toBe("");
  });

  it("gives every image on a post page a width and height, so nothing shifts while loading", () => {
    const imgs = findAll(page("main", "blog/hero-image/index.html"), (el) => el.tagName === "img");
    expect(imgs.length).toBeGreaterThanOrEqual(2);
    for (const img of imgs)
      expect(
        [attr(img, "width"), attr(img, "height")].every((v) => Number(v) > 0),
        attr(img, "src"),
      ).toBe(true);
  });

  it("ships no JavaScript on post pages (structured data only)", () => {
    for (const post of publishedPosts()) {
      const scripts = findAll(page("main", `blog/${post.slug}/index.html`), (el) => el.tagName === "script");
      expect(
        scripts.filter((s) => attr(s, "type") !== "application/ld+json").map((s) => attr(s, "src") || text(s).slice(0, 60)),
        post.slug,
      ).toEqual([]);
    }
  });

  it("shows title, date, reading time and tags before the text", () => {
    const tree = page("main", "blog/sections-and-structure/index.html");
    const header = find(tree, (el) => el.tagName === "header" && attr(el, "className").includes("post-header"));
    const parts = findAll(header, (el) => ["h1", "p", "li"].includes(el.tagName)).map(text);
    expect(parts[0]).toBe("Sections and structure");
    expect(parts[1]).toMatch(/^May 5, 2020 · Updated June 1, 2020 · \d+ min read$/);
    expect(parts.slice(2)).toEqual(["Networking", "Writing"]);
    const article = find(tree, (el) => el.tagName === "article");
    expect(article.children.find((c) => c.type === "element")).toBe(header);
  });

  it("offers a table of contents for a post with three sections, linking to real heading ids", () => {
    const tree = page("main", "blog/sections-and-structure/index.html");
    const toc = find(tree, (el) => el.tagName === "details" && attr(el, "className").includes("toc"), "toc");
    const targets = findAll(toc, (el) => el.tagName === "a").map((a) => attr(a, "href").slice(1));
    expect(targets.slice(0, 2)).toEqual(["first-section", "second-section"]);
    for (const id of targets)
      expect(
        findAll(tree, (el) => el.properties["id"] === id),
        id,
      ).toHaveLength(1);
  });

  it("leaves out the table of contents on a short post", () => {
    expect(findAll(page("main", "blog/welcome/index.html"), (el) => el.tagName === "details")).toEqual([]);
  });

  it("has a skip link to the main landmark, one h1, and header, nav, main and footer landmarks", () => {
    const tree = page("main", "blog/welcome/index.html");
    const skip = find(tree, (el) => el.tagName === "a" && attr(el, "className").includes("skip-link"));
    expect(attr(skip, "href")).toBe("#main");
    expect(
      attr(
        find(tree, (el) => el.tagName === "main"),
        "id",
      ),
    ).toBe("main");
    expect(findAll(tree, (el) => el.tagName === "h1")).toHaveLength(1);
    for (const tag of ["header", "nav", "footer"]) expect(findAll(tree, (el) => el.tagName === tag).length, tag).toBeGreaterThan(0);
    expect(
      attr(
        find(tree, (el) => el.tagName === "html"),
        "lang",
      ),
    ).toBe("en");
  });

  it("marks links to other sites as external and leaves internal ones alone", () => {
    const prose = find(
      page("main", "blog/sections-and-structure/index.html"),
      (el) => el.tagName === "div" && attr(el, "className").includes("prose"),
    );
    const external = find(prose, (el) => el.tagName === "a" && attr(el, "href") === "https://example.com/page");
    expect(attr(external, "rel")).toBe("noopener noreferrer external");
    const internal = find(prose, (el) => el.tagName === "a" && attr(el, "href") === "/blog/welcome/");
    expect(attr(internal, "rel")).toBe("");
  });
});
