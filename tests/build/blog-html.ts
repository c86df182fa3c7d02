/** Helpers for the blog build tests: parsed pages, the fixture's own posts, every text file of a build. */
import fs from "node:fs";
import path from "node:path";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import { parseContentDate } from "../../src/lib/dates.ts";
import { collectionFiles } from "../../src/content-check/validate.ts";
import { readContentFile } from "../../src/content-check/read.ts";
import { isPublished } from "../../src/lib/posts.ts";
import { collections } from "../../src/schema/index.ts";
import { FIXTURE_CONTENT, FIXTURE_NOW, fixtureDist, readDist, type FixtureName } from "../support/build.ts";

/** The fixture site's time zone (tests/fixtures/site/content/settings/site.yaml). */
export const FIXTURE_TZ = "America/Los_Angeles";

/** A built page, parsed. */
export function page(site: FixtureName, file: string): Root {
  return fromHtml(readDist(site, file));
}

/** Every element matching a predicate, in document order. */
export function findAll(tree: Root | Element, match: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, "element", (el: Element) => {
    if (match(el)) found.push(el);
  });
  return found;
}

/** The first element matching, or a thrown error saying what was missing. */
export function find(tree: Root | Element, match: (el: Element) => boolean, what = "element"): Element {
  const el = findAll(tree, match)[0];
  if (!el) throw new Error(`no ${what} found`);
  return el;
}

/** An attribute as a string ("" when absent); hast keeps class and rel as lists. */
export function attr(el: Element, name: string): string {
  const v = el.properties[name];
  return Array.isArray(v) ? v.join(" ") : v === undefined || v === null ? "" : String(v);
}

/** Text content, whitespace collapsed. */
export const text = (el: Element | Root) => toString(el).replace(/\s+/g, " ").trim();

/** `<meta name|property=...>` content. */
export function meta(tree: Root, key: string): string {
  return attr(
    find(tree, (el) => el.tagName === "meta" && (el.properties["name"] === key || el.properties["property"] === key), `meta ${key}`),
    "content",
  );
}

/** The parsed JSON-LD objects of a page. */
export function jsonLd(tree: Root): Array<Record<string, unknown>> {
  return findAll(tree, (el) => el.tagName === "script" && el.properties["type"] === "application/ld+json").map(
    (el) => JSON.parse(toString(el)) as Record<string, unknown>,
  );
}

/** Post slugs linked from the post cards of a list page, in order. */
export function cardSlugs(tree: Root): string[] {
  return findAll(tree, (el) => el.tagName === "article" && attr(el, "className").includes("card")).map((card) => {
    const link = find(card, (el) => el.tagName === "a" && /\/blog\/[^/]+\/$/.test(attr(el, "href")), "card link");
    return attr(link, "href").split("/").at(-2)!;
  });
}

/** A fixture post as written in its file. */
export interface SourcePost {
  slug: string;
  title: string;
  description: string;
  date: Date;
  draft: boolean;
  tags: string[];
}

/** Every post of the fixture content folder, read straight from the files (not from the build). */
export function sourcePosts(): SourcePost[] {
  return collectionFiles(FIXTURE_CONTENT, collections.posts).map((file) => {
    const { data } = readContentFile(file);
    const date = parseContentDate(data["date"], FIXTURE_TZ);
    if (typeof date === "string") throw new Error(`${file}: ${date}`);
    return {
      slug: path.basename(file).replace(/\.mdx?$/, ""),
      title: String(data["title"]),
      description: String(data["description"]),
      date,
      draft: data["draft"] === true,
      tags: (data["tags"] as string[] | undefined) ?? [],
    };
  });
}

/** The published fixture posts, newest first (ties by slug), as the site should list them. */
export function publishedPosts(): SourcePost[] {
  const now = new Date(FIXTURE_NOW);
  return sourcePosts()
    .filter((p) => isPublished({ id: p.slug, data: p }, now))
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug));
}

/** Every text file of a build (HTML, XML, txt, JSON, JS, CSS, host config), path relative to the output folder. */
export function textFiles(site: FixtureName): string[] {
  const dist = fixtureDist(site);
  return (fs.readdirSync(dist, { recursive: true }) as string[])
    .filter((f) => /\.(html|xml|txt|json|js|mjs|css|ics|webmanifest)$|(^|\/)_(headers|redirects)$/.test(f))
    .filter((f) => fs.statSync(path.join(dist, f)).isFile());
}
