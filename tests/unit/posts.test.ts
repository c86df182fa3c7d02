import { describe, expect, it } from "vitest";
import { byNewest, isPublished, neighbours, relatedFinder, visiblePosts, type PostLike } from "../../src/lib/posts.ts";

function post(id: string, date: string, tags: string[] = [], draft = false): PostLike {
  return { id, data: { date: new Date(date), tags, draft } };
}

const NOW = new Date("2026-06-01T12:00:00Z");
const ids = (list: readonly PostLike[]) => list.map((p) => p.id);

describe("visibility", () => {
  const posts = [
    post("old", "2017-09-03T07:00:00Z"),
    post("draft", "2020-03-01T08:00:00Z", [], true),
    post("future", "2030-01-01T08:00:00Z"),
    post("just-now", "2026-06-01T12:00:00Z"),
    post("in-a-minute", "2026-06-01T12:01:00Z"),
  ];

  it("publishes a post dated up to and including now, unless it is a draft", () => {
    expect(isPublished(posts[0]!, NOW)).toBe(true);
    expect(isPublished(posts[1]!, NOW)).toBe(false);
    expect(isPublished(posts[2]!, NOW)).toBe(false);
    expect(isPublished(posts[3]!, NOW)).toBe(true);
    expect(isPublished(posts[4]!, NOW)).toBe(false);
  });

  it("hides drafts and scheduled posts in production, newest first", () => {
    expect(ids(visiblePosts(posts, { preview: false, now: NOW }))).toEqual(["just-now", "old"]);
  });

  it("shows drafts and scheduled posts in preview", () => {
    expect(ids(visiblePosts(posts, { preview: true, now: NOW }))).toEqual(["future", "in-a-minute", "just-now", "draft", "old"]);
  });

  it("publishes a scheduled post once its moment has come", () => {
    expect(ids(visiblePosts(posts, { preview: false, now: new Date("2030-01-01T08:00:00Z") }))).toContain("future");
  });
});

describe("ordering", () => {
  it("sorts newest first and breaks ties by slug", () => {
    const list = [post("b", "2020-01-01"), post("a", "2020-01-01"), post("c", "2021-01-01")].sort(byNewest);
    expect(ids(list)).toEqual(["c", "a", "b"]);
  });
});

describe("neighbours", () => {
  const sorted = [post("newest", "2022-01-01"), post("middle", "2021-01-01"), post("oldest", "2020-01-01")];

  it("finds the newer and older post of one in the middle", () => {
    const n = neighbours(sorted, "middle");
    expect(n.newer?.id).toBe("newest");
    expect(n.older?.id).toBe("oldest");
  });

  it("gives the newest post no newer neighbour and the oldest no older one", () => {
    expect(neighbours(sorted, "newest")).toEqual({ older: sorted[1] });
    expect(neighbours(sorted, "oldest")).toEqual({ newer: sorted[1] });
  });

  it("gives nothing for a post that is not in the list (a hidden draft)", () => {
    expect(neighbours(sorted, "draft")).toEqual({});
  });
});

describe("relatedPosts", () => {
  const me = post("me", "2020-01-01", ["Networking", "Professional Isolation", "Marketing"]);
  const candidates = [
    me,
    post("two-shared-old", "2019-01-01", ["networking", "professional  isolation"]),
    post("three-shared", "2018-01-01", ["Networking", "Professional Isolation", "marketing"]),
    post("one-shared-new", "2021-06-01", ["Marketing"]),
    post("one-shared-newer", "2022-06-01", ["Networking"]),
    post("two-shared-new", "2021-01-01", ["Marketing", "Networking"]),
    post("none-shared", "2023-01-01", ["Cooking"]),
  ];

  it("ranks by shared tags (any spelling), newer first among equals, at most three", () => {
    expect(ids(relatedFinder(candidates)(me))).toEqual(["three-shared", "two-shared-new", "two-shared-old"]);
  });

  it("never includes the post itself or posts sharing no tag", () => {
    const all = ids(relatedFinder(candidates, 10)(me));
    expect(all).not.toContain("me");
    expect(all).not.toContain("none-shared");
    expect(all).toHaveLength(5);
  });

  it("gives a post without tags no related posts", () => {
    expect(relatedFinder(candidates)(post("bare", "2020-01-01"))).toEqual([]);
  });

  it("only suggests from the candidates it is given (visible posts)", () => {
    expect(ids(relatedFinder(candidates.slice(0, 2))(me))).toEqual(["two-shared-old"]);
  });
});
