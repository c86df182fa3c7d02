import { describe, expect, it } from "vitest";
import { collectTags, hasTag, preferredSpelling, tagName, tagSlug, tagSpellings } from "../../src/lib/tags.ts";

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

  it("treats names as one tag exactly when their slugs match", () => {
    expect(tagSlug("Professional-Isolation")).toBe(tagSlug("professional isolation"));
    expect(tagSlug("SelfCare")).not.toBe(tagSlug("Self Care"));
    expect([...tagSpellings([["SelfCare", "Self Care"]]).keys()]).toEqual(["selfcare", "self-care"]);
  });

  it("counts each post once per tag, with the first spelling it uses", () => {
    const spellings = tagSpellings([["Self Care", "self care"], ["self  care"]]);
    expect([...spellings.get("self-care")!]).toEqual([
      ["Self Care", 1],
      ["self care", 1],
    ]);
  });

  it("picks the most used spelling, then the one with more capitals, then the first seen", () => {
    expect(
      preferredSpelling(
        new Map([
          ["self care", 2],
          ["Self Care", 1],
        ]),
      ),
    ).toBe("self care");
    expect(
      preferredSpelling(
        new Map([
          ["self care", 1],
          ["Self Care", 1],
        ]),
      ),
    ).toBe("Self Care");
    expect(
      preferredSpelling(
        new Map([
          ["Self care", 1],
          ["self Care", 1],
        ]),
      ),
    ).toBe("Self care");
  });

  it("tidies a name: trimmed, inner whitespace collapsed", () => {
    expect(tagName("  professional \t isolation ")).toBe("professional isolation");
  });
});
