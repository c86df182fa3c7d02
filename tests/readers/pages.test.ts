/**
 * What the build gives readers, read from the fixture builds: the archive, the
 * author's name, reply by email, the site's and each tag's feed read by a real
 * feed parser, and the signup block with a provider (the `readers` build) and
 * without (`main`, everything off).
 */
import fs from "node:fs";
import path from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import type { Element } from "hast";
import { describe, expect, it } from "vitest";
import { checkFileNames } from "../../src/content-check/file-names.ts";
import { tagSlug } from "../../src/lib/tags.ts";
import { fixtureDist, readDist, READERS_SETTINGS, type FixtureName } from "../support/build.ts";
import { attr, find, findAll, FIXTURE_TZ, jsonLd, page, publishedPosts, text } from "../build/blog-html.ts";

const SITE = "https://fixture.example.org";
const year = (d: Date) => Number(new Intl.DateTimeFormat("en-CA", { timeZone: FIXTURE_TZ, year: "numeric" }).format(d));
const byClass = (name: string) => (el: Element) => attr(el, "className").split(" ").includes(name);
const feed = (site: FixtureName, file: string) => parseFeed(readDist(site, file)).toJSON();

describe("the archive", () => {
  const tree = () => page("main", "blog/archive/index.html");

  it("lists every published post once, under the year it was published in, newest year first", () => {
    const sections = findAll(tree(), (el) => el.tagName === "section");
    const years = sections.map((s) => Number(text(find(s, (el) => el.tagName === "h2"))));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const listed = sections.flatMap((s, i) =>
      findAll(s, (el) => el.tagName === "a").map((a) => ({ slug: attr(a, "href").split("/").at(-2)!, year: years[i] })),
    );
    const posts = publishedPosts();
    expect(listed.map((l) => l.slug).sort()).toEqual(posts.map((p) => p.slug).sort());
    for (const post of posts) expect(listed.find((l) => l.slug === post.slug)?.year, post.slug).toBe(year(post.date));
    expect(new Set(years).size).toBeGreaterThan(3);
  });

  it("is linked from the blog list and the footer of every page, and is in the sitemap", () => {
    const links = (file: string) => findAll(page("main", file), (el) => el.tagName === "a" && attr(el, "href") === "/blog/archive/");
    expect(links("blog/index.html")).toHaveLength(2);
    expect(links("index.html")).toHaveLength(1);
    expect(readDist("main", "sitemap-0.xml")).toContain(`<loc>${SITE}/blog/archive/</loc>`);
    // It is no post: the old site never had it, so no old address leads to it.
    expect(readDist("main", "_redirects")).toContain("/post/welcome ");
    expect(readDist("main", "_redirects")).not.toContain("/post/archive");
  });

  it("keeps its address: a post named archive (or a page number) is refused, naming the file", () => {
    const { published, problems } = checkFileNames(["archive.md", "2.md", "archived.md"], { folder: "posts" });
    expect(published).toEqual(["archived.md"]);
    expect(problems.map((p) => `${p.file}: ${p.message}; ${p.hint}`)).toEqual([
      '2.md: "2" is the address of one of the blog\'s own pages; give the post another name, e.g. 2-post.md',
      'archive.md: "archive" is the address of one of the blog\'s own pages; give the post another name, e.g. archive-post.md',
    ]);
  });
});

describe("the author's name and reply by email", () => {
  it("names the post's own author on the page, in JSON-LD and in the feed", () => {
    const tree = page("main", "blog/tag-case/index.html");
    expect(text(find(tree, byClass("byline")))).toContain("Written by Guest Writer.");
    const posting = jsonLd(tree).find((d) => d["@type"] === "BlogPosting")!;
    expect(posting["author"]).toEqual({ "@type": "Person", name: "Guest Writer" });
    const item = feed("main", "rss.xml").items.find((i) => i.url === `${SITE}/blog/tag-case/`)!;
    expect(item.authors.map((a) => a.name)).toEqual(["Guest Writer"]);
  });

  it("names the site's owner on posts without one", () => {
    const tree = page("main", "blog/welcome/index.html");
    expect(text(find(tree, byClass("byline")))).toContain("Written by Fixture Author.");
    expect(jsonLd(tree).find((d) => d["@type"] === "BlogPosting")!["author"]).toMatchObject({ "@type": "Organization", name: "Fixture Author" });
    const item = feed("main", "rss.xml").items.find((i) => i.url === `${SITE}/blog/welcome/`)!;
    expect(item.authors.map((a) => a.name)).toEqual(["Fixture Author"]);
  });

  it("offers a reply by email with the post's title as subject", () => {
    const tree = page("main", "blog/special-characters/index.html");
    const title = text(find(tree, (el) => el.tagName === "h1"));
    const reply = find(find(tree, byClass("byline")), (el) => el.tagName === "a");
    expect(text(reply)).toBe("Reply by email");
    const url = new URL(attr(reply, "href"));
    expect(url.protocol + url.pathname).toBe("mailto:hello@fixture.example.org");
    expect(url.searchParams.get("subject")).toBe(title);
  });
});

describe("the feeds", () => {
  const tags = () =>
    fs.readdirSync(path.join(fixtureDist("main"), "tags")).filter((t) => fs.existsSync(path.join(fixtureDist("main"), "tags", t, "rss.xml")));

  it("give every tag a feed with exactly its published posts, announced on its page", () => {
    const posts = publishedPosts();
    expect(tags().length).toBeGreaterThan(5);
    for (const tag of tags()) {
      const parsed = feed("main", `tags/${tag}/rss.xml`);
      expect(parsed.self).toBe(`${SITE}/tags/${tag}/rss.xml`);
      expect(parsed.url).toBe(`${SITE}/tags/${tag}/`);
      const expected = posts.filter((p) => p.tags.some((t) => tagSlug(t) === tag)).map((p) => `${SITE}/blog/${p.slug}/`);
      expect(parsed.items.map((i) => i.url).sort(), tag).toEqual(expected.sort());
      const alternates = findAll(page("main", `tags/${tag}/index.html`), (el) => el.tagName === "link" && attr(el, "rel") === "alternate");
      expect(alternates.map((l) => attr(l, "href"))).toEqual(["/rss.xml", `/tags/${tag}/rss.xml`]);
    }
  });

  it("carry full content whose links and images are absolute, the hero image first", () => {
    for (const file of ["rss.xml", "tags/images/rss.xml"]) {
      const hero = feed("main", file).items.find((i) => i.url === `${SITE}/blog/hero-image/`)!;
      expect(hero.content).toMatch(
        /^<p><img src="https:\/\/fixture\.example\.org\/_astro\/hero\.[^"]+\.jpg" alt="A warm gradient from sand to eucalyptus green" ?\/?><\/p>/,
      );
      for (const item of feed("main", file).items) {
        const urls = [...(item.content ?? "").matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
        for (const url of urls) expect(url, `${item.url}: ${url}`).toMatch(/^(https:\/\/|mailto:)/);
      }
    }
  });

  it("put the deployment sub-path into every feed address", () => {
    const parsed = feed("subpath", "tags/images/rss.xml");
    expect(parsed.self).toBe(`${SITE}/path2practice/tags/images/rss.xml`);
    expect(parsed.items[0]!.content).toContain(`src="${SITE}/path2practice/_astro/hero.`);
  });
});

describe("the signup block", () => {
  const block = (site: FixtureName, file: string) => findAll(page(site, file), (el) => el.properties["dataSignup"] !== undefined);

  it("with no provider set, offers the feed and the contact email, never a form", () => {
    for (const file of ["index.html", "blog/welcome/index.html"]) {
      const [aside, ...more] = block("main", file);
      expect(more, file).toEqual([]);
      expect(findAll(aside!, (el) => el.tagName === "form")).toEqual([]);
      expect(findAll(aside!, (el) => el.tagName === "a").map((a) => attr(a, "href"))).toEqual(["/rss.xml", "mailto:hello@fixture.example.org"]);
    }
    // The program page shows it only when the settings say so.
    expect(block("main", "program/index.html")).toEqual([]);
  });

  it("with a provider, is a plain labelled form posting to it, with a honeypot and the provider's hidden fields", () => {
    const { newsletter } = READERS_SETTINGS;
    for (const file of ["index.html", "blog/welcome/index.html", "program/index.html"]) {
      const [aside] = block("readers", file);
      const form = find(aside!, (el) => el.tagName === "form", `form in ${file}`);
      expect(attr(form, "action")).toBe(newsletter.action);
      expect(attr(form, "method")).toBe("post");
      const email = find(form, (el) => el.tagName === "input" && attr(el, "type") === "email");
      expect(attr(email, "name")).toBe("email_address");
      expect(attr(email, "autoComplete")).toBe("email");
      expect(email.properties["required"]).toBe(true);
      const label = find(form, (el) => el.tagName === "label" && attr(el, "htmlFor") === attr(email, "id"), "label");
      expect(text(label)).toBe("Email address");
      expect(text(form)).toContain(newsletter.promise);
      const trap = find(form, (el) => el.tagName === "input" && attr(el, "name") === "nonce", "honeypot");
      expect(attr(trap, "tabIndex")).toBe("-1");
      const hidden = findAll(form, (el) => el.tagName === "input" && attr(el, "type") === "hidden");
      expect(hidden.map((h) => [attr(h, "name"), attr(h, "value")])).toEqual([["list", "weekly"]]);
      expect(text(find(form, (el) => el.tagName === "button"))).toBe("Subscribe");
    }
  });
});
