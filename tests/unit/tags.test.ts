import { describe, expect, it } from "vitest";
import { collectTags, hasTag, tagSlug } from "../../src/lib/tags.ts";

describe("tags", () => {
  it("gives spelling variants of one tag the same slug", () => {
    expect(tagSlug("Professional Isolation")).toBe("professional-isolation");
    expect(tagSlug("professional  isolation")).toBe("professional-isolation");
    expect(tagSlug("  PROFESSIONAL isolation ")).toBe("professional-isolation");
    expect(tagSlug("Kitchen & Table")).toBe("kitchen-table");
  });

  it("merges variants into one tag counted once per post", () => {
    const tags = collectTags([["Professional Isolation", "Networking"], ["professional  isolation"], ["networking", "Networking"]]);
    expect(tags).toEqual([
      { slug: "networking", name: "Networking", count: 2 },
      { slug: "professional-isolation", name: "Professional Isolation", count: 2 },
    ]);
  });

  it("displays the spelling used most often", () => {
    expect(collectTags([["self care"], ["self care"], ["Self Care"]])[0]?.name).toBe("self care");
  });

  it("prefers the capitalised spelling on a tie, then the first one seen", () => {
    expect(collectTags([["professional   isolation"], ["Professional Isolation"]])[0]?.name).toBe("Professional Isolation");
    expect(collectTags([["Self care"], ["self Care"]])[0]?.name).toBe("Self care");
  });

  it("normalises inner whitespace in the display name", () => {
    expect(collectTags([["professional   isolation"]])[0]?.name).toBe("professional isolation");
  });

  it("sorts by number of posts, then alphabetically", () => {
    const names = collectTags([["b"], ["a"], ["c", "b"]]).map((t) => t.name);
    expect(names).toEqual(["b", "a", "c"]);
  });

  it("skips tags that leave no usable slug", () => {
    expect(collectTags([["🌿", "Real"]])).toEqual([{ slug: "real", name: "Real", count: 1 }]);
  });

  it("finds a tag in a post's list by slug, whatever the spelling", () => {
    expect(hasTag(["Professional  isolation"], "professional-isolation")).toBe(true);
    expect(hasTag(["Networking"], "professional-isolation")).toBe(false);
  });
});
