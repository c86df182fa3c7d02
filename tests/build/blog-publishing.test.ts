/** Publishing rules in the production build: drafts and scheduled posts are nowhere; the rest is listed newest first. */
import fs from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { fixtureDist, readDist } from "../support/build.ts";
import { attr, cardSlugs, find, findAll, page, publishedPosts, sourcePosts, text, textFiles } from "./blog-html.ts";

const HIDDEN = [
  { slug: "draft-post", word: "zanzibarquux", title: "An unfinished draft", tag: "drafttag" },
  { slug: "future-post", word: "futurewordxyz", title: "A post from the future", tag: "futuretag" },
];

describe("drafts and scheduled posts in the production build", () => {
  const files = textFiles("main");

  it("reads the fixture's draft and 2030 post from their files", () => {
    const bySlug = new Map(sourcePosts().map((p) => [p.slug, p]));
    expect(bySlug.get("draft-post")?.draft).toBe(true);
    expect(bySlug.get("future-post")?.date.toISOString()).toBe("2030-01-01T08:00:00.000Z");
    expect(files).toContain("index.html");
    expect(files).toContain("rss.xml");
    expect(files).toContain("sitemap-0.xml");
  });

  for (const hidden of HIDDEN) {
    it(`has no file or folder for ${hidden.slug}, nor a page for its tag`, () => {
      const all = fs.readdirSync(fixtureDist("main"), { recursive: true }) as string[];
      expect(all.filter((f) => f.includes(hidden.slug))).toEqual([]);
      expect(all.filter((f) => f.split(path.sep).includes(hidden.tag))).toEqual([]);
    });

    it(`never mentions ${hidden.slug}: not its word, title, link or tag, in any page, list, feed or sitemap`, () => {
      const hits = files.filter((f) => {
        const body = readDist("main", f);
        return [hidden.word, hidden.title, `/blog/${hidden.slug}/`, `/tags/${hidden.tag}/`].some((needle) => body.includes(needle));
      });
      expect(hits).toEqual([]);
    });
  }

  it("leaves them out of the sitemap while listing every published post", () => {
    const xml = new XMLParser().parse(readDist("main", "sitemap-0.xml")) as { urlset: { url: Array<{ loc: string }> } };
    const locs = xml.urlset.url.map((u) => u.loc);
    for (const post of publishedPosts()) expect(locs).toContain(`https://fixture.example.org/blog/${post.slug}/`);
    expect(locs.filter((l) => /draft-post|future-post|drafttag|futuretag/.test(l))).toEqual([]);
  });

  it("keeps shared tags of hidden posts, counting only published posts", () => {
    const tree = page("main", "tags/networking/index.html");
    const slugs = cardSlugs(tree);
    const expected = publishedPosts().filter((p) => p.tags.some((t) => t.toLowerCase() === "networking"));
    expect(slugs).toEqual(expected.map((p) => p.slug));
    expect(text(find(tree, (el) => el.tagName === "p" && attr(el, "className").includes("lede")))).toContain(`${expected.length} posts`);
  });
});

describe("prev/next and related links", () => {
  const posts = publishedPosts();

  it("links each post to its newer and older published neighbour", () => {
    posts.forEach((post, i) => {
      const tree = page("main", `blog/${post.slug}/index.html`);
      const rel = (r: string) => findAll(tree, (el) => el.tagName === "a" && attr(el, "rel") === r).map((a) => attr(a, "href"));
      expect(rel("next"), `${post.slug} next`).toEqual(i > 0 ? [`/blog/${posts[i - 1]!.slug}/`] : []);
      expect(rel("prev"), `${post.slug} prev`).toEqual(i < posts.length - 1 ? [`/blog/${posts[i + 1]!.slug}/`] : []);
    });
  });

  it("suggests only published posts that share a tag, at most three", () => {
    for (const post of posts) {
      const tree = page("main", `blog/${post.slug}/index.html`);
      const related = findAll(tree, (el) => el.tagName === "aside" && attr(el, "className").includes("related"))[0];
      const links = related ? findAll(related, (el) => el.tagName === "a").map((a) => attr(a, "href").split("/").at(-2)!) : [];
      expect(links.length).toBeLessThanOrEqual(3);
      const mine = new Set(post.tags.map((t) => t.toLowerCase().replace(/\s+/g, " ")));
      for (const slug of links) {
        const other = posts.find((p) => p.slug === slug);
        expect(other, `${post.slug} relates to unpublished ${slug}`).toBeDefined();
        expect(other!.tags.some((t) => mine.has(t.toLowerCase().replace(/\s+/g, " ")))).toBe(true);
      }
    }
  });

  it("relates the welcome post to the post that spells its tag differently", () => {
    const tree = page("main", "blog/welcome/index.html");
    const related = find(tree, (el) => el.tagName === "aside" && attr(el, "className").includes("related"));
    expect(findAll(related, (el) => el.tagName === "a").map((a) => attr(a, "href"))).toContain("/blog/tag-case/");
  });
});

describe("the paginated blog list", () => {
  const posts = publishedPosts();
  const pages = Math.ceil(posts.length / 10);

  it("has more than one page with the fixture's series", () => {
    expect(posts.length).toBeGreaterThan(10);
  });

  it("shows 10 posts a page, newest first, across /blog/, /blog/2/ ...", () => {
    const listed: string[] = [];
    for (let n = 1; n <= pages; n++) {
      const slugs = cardSlugs(page("main", n === 1 ? "blog/index.html" : `blog/${n}/index.html`));
      expect(slugs.length).toBe(n < pages ? 10 : posts.length - 10 * (pages - 1));
      listed.push(...slugs);
    }
    expect(listed).toEqual(posts.map((p) => p.slug));
  });

  it("links pages with rel=prev and rel=next and says where the reader is", () => {
    const first = page("main", "blog/index.html");
    const second = page("main", "blog/2/index.html");
    const links = (tree: ReturnType<typeof page>, rel: string) =>
      findAll(tree, (el) => el.tagName === "a" && attr(el, "rel") === rel && /\/blog\//.test(attr(el, "href"))).map((a) => attr(a, "href"));
    expect(links(first, "prev")).toEqual([]);
    expect(links(first, "next")).toEqual(["/blog/2/"]);
    expect(links(second, "prev")).toEqual(["/blog/"]);
    expect(links(second, "next")).toEqual(pages > 2 ? ["/blog/3/"] : []);
    expect(text(first)).toContain(`Page 1 of ${pages}`);
  });

  it("has no /blog/1/ duplicate of the first page and no page past the last", () => {
    expect(fs.existsSync(path.join(fixtureDist("main"), "blog/1"))).toBe(false);
    expect(fs.existsSync(path.join(fixtureDist("main"), `blog/${pages + 1}`))).toBe(false);
  });

  it("shows each card's date, description and tags", () => {
    const tree = page("main", "blog/index.html");
    const card = find(tree, (el) => el.tagName === "article" && attr(el, "className").includes("card"));
    const newest = posts[0]!;
    expect(text(card)).toContain(newest.title);
    expect(text(card)).toContain(newest.description);
    expect(find(card, (el) => el.tagName === "time", "time")).toBeDefined();
    for (const tag of newest.tags) expect(text(card)).toContain(tag);
  });
});

describe("tag pages", () => {
  it("merges spellings of a tag into one page listing every post that uses any of them", () => {
    expect(cardSlugs(page("main", "tags/professional-isolation/index.html")).sort()).toEqual(["tag-case", "welcome"]);
    const all = fs.readdirSync(path.join(fixtureDist("main"), "tags"));
    expect(all.filter((d) => d.includes("isolation"))).toEqual(["professional-isolation"]);
  });

  it("names the merged tag with its capitalised spelling", () => {
    const tree = page("main", "tags/professional-isolation/index.html");
    expect(text(find(tree, (el) => el.tagName === "h1"))).toBe("Professional Isolation");
  });

  it("links every post's tags to the merged lower-case slug", () => {
    const tree = page("main", "blog/tag-case/index.html");
    const hrefs = findAll(tree, (el) => el.tagName === "a" && attr(el, "href").startsWith("/tags/") && attr(el, "href") !== "/tags/").map((a) =>
      attr(a, "href"),
    );
    expect(hrefs).toContain("/tags/professional-isolation/");
    expect(hrefs).toContain("/tags/networking/");
  });

  it("lists each published tag once in the index, with its post count and a working link", () => {
    const tree = page("main", "tags/index.html");
    const list = find(tree, (el) => el.tagName === "ul" && attr(el, "className").includes("tag-index"));
    const links = findAll(list, (el) => el.tagName === "a");
    const hrefs = links.map((a) => attr(a, "href"));
    expect(new Set(hrefs).size).toBe(hrefs.length);
    for (const href of hrefs) expect(fs.existsSync(path.join(fixtureDist("main"), href, "index.html")), href).toBe(true);
    const label = (href: string) =>
      findAll(
        links.find((a) => attr(a, "href") === href)!,
        (el) => el.tagName === "span",
      ).map(text);
    expect(label("/tags/professional-isolation/")).toEqual(["Professional Isolation", "2 posts"]);
    expect(label("/tags/kitchen-table/")).toEqual(["Kitchen & Table", "1 post"]);
  });
});
