import { describe, expect, it } from "vitest";
import { absoluteUrl, postPath, tagPath, withBase } from "../../src/lib/urls.ts";

describe("withBase", () => {
  it("leaves paths alone at the root base", () => {
    expect(withBase("/blog/", "/")).toBe("/blog/");
    expect(withBase("/", "/")).toBe("/");
  });

  it("prefixes the sub-path with exactly one slash between", () => {
    expect(withBase("/blog/", "/path2practice/")).toBe("/path2practice/blog/");
    expect(withBase("/blog/", "/path2practice")).toBe("/path2practice/blog/");
    expect(withBase("blog/", "/path2practice/")).toBe("/path2practice/blog/");
    expect(withBase("/", "/path2practice/")).toBe("/path2practice/");
  });

  it("leaves absolute URLs, mailto links and anchors untouched", () => {
    expect(withBase("https://example.com/x", "/sub/")).toBe("https://example.com/x");
    expect(withBase("mailto:hi@example.com", "/sub/")).toBe("mailto:hi@example.com");
    expect(withBase("#top", "/sub/")).toBe("#top");
    expect(withBase("//cdn.example.com/a.js", "/sub/")).toBe("//cdn.example.com/a.js");
  });
});

describe("absoluteUrl", () => {
  it("joins the site URL, the base and the path", () => {
    expect(absoluteUrl("/blog/x/", "https://www.path2practice.com")).toBe("https://www.path2practice.com/blog/x/");
    expect(absoluteUrl("/blog/x/", "https://www.path2practice.com/")).toBe("https://www.path2practice.com/blog/x/");
    expect(absoluteUrl("/blog/x/", "https://user.github.io", "/path2practice/")).toBe("https://user.github.io/path2practice/blog/x/");
  });

  it("returns URLs that are already absolute", () => {
    expect(absoluteUrl("https://example.com/a", "https://www.path2practice.com")).toBe("https://example.com/a");
  });
});

describe("route paths", () => {
  it("builds post and tag paths with trailing slashes", () => {
    expect(postPath("hello")).toBe("/blog/hello/");
    expect(tagPath("networking")).toBe("/tags/networking/");
  });
});
