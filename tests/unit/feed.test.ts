import { describe, expect, it } from "vitest";
import { absolutizeHtml, FEED_LIMIT, feedPosts } from "../../src/lib/feed.ts";
import type { PostLike } from "../../src/lib/posts.ts";

const PAGE = "https://example.org/blog/post/";

describe("absolutizeHtml", () => {
  it("resolves root-relative and relative links and images against the post URL", () => {
    expect(absolutizeHtml('<a href="/about/">a</a>', PAGE)).toBe('<a href="https://example.org/about/">a</a>');
    expect(absolutizeHtml('<img src="../img.png">', PAGE)).toBe('<img src="https://example.org/blog/img.png">');
    expect(absolutizeHtml('<img src="/_astro/x.webp">', "https://u.github.io/sub/blog/p/")).toBe('<img src="https://u.github.io/_astro/x.webp">');
  });

  it("turns in-page anchors into links to the post", () => {
    expect(absolutizeHtml('<a href="#first-section">1</a>', PAGE)).toBe(`<a href="${PAGE}#first-section">1</a>`);
  });

  it("leaves absolute, mailto and protocol URLs alone", () => {
    const html = '<a href="https://other.example/x">x</a><a href="mailto:a@b.c">m</a><a href="tel:+1555">t</a>';
    expect(absolutizeHtml(html, PAGE)).toBe(html);
  });

  it("resolves every entry of a srcset and keeps its descriptor", () => {
    expect(absolutizeHtml('<img srcset="/a.webp 480w, /b.webp 800w">', PAGE)).toBe(
      '<img srcset="https://example.org/a.webp 480w, https://example.org/b.webp 800w">',
    );
  });

  it("does not touch text that only looks like an attribute", () => {
    expect(absolutizeHtml("<p>write href=&quot;/x&quot; in HTML</p>", PAGE)).toBe("<p>write href=&quot;/x&quot; in HTML</p>");
  });
});

describe("feedPosts", () => {
  const posts: PostLike[] = Array.from({ length: 120 }, (_, i) => ({
    id: `post-${String(i).padStart(3, "0")}`,
    data: { date: new Date(Date.UTC(2010, 0, 1 + i)), tags: [], draft: false },
  }));

  it("keeps only the 50 newest posts", () => {
    expect(FEED_LIMIT).toBe(50);
    const items = feedPosts(posts);
    expect(items).toHaveLength(50);
    expect(items[0]?.id).toBe("post-119");
    expect(items[49]?.id).toBe("post-070");
  });

  it("sorts newest first whatever order it is given", () => {
    const shuffled = [...posts].reverse();
    expect(feedPosts(shuffled, 3).map((p) => p.id)).toEqual(["post-119", "post-118", "post-117"]);
  });

  it("keeps every post of a small blog", () => {
    expect(feedPosts(posts.slice(0, 4))).toHaveLength(4);
  });

  it("does not modify the list it is given", () => {
    const list = posts.slice(0, 3);
    feedPosts(list, 1);
    expect(list.map((p) => p.id)).toEqual(["post-000", "post-001", "post-002"]);
  });
});
