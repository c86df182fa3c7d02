import { describe, expect, it } from "vitest";
import { ADDRESS_PATTERN, addressKey, isAddress, slugify } from "../../src/lib/slug.ts";

describe("slugify", () => {
  it("lower-cases words and joins them with single hyphens", () => {
    expect(slugify("Massage Therapists Suffer From Professional Isolation")).toBe("massage-therapists-suffer-from-professional-isolation");
    expect(slugify("  many   spaces\there  ")).toBe("many-spaces-here");
  });

  it("drops punctuation, and apostrophes without splitting the word", () => {
    expect(slugify('Fish & Chips: <b>bold</b> "quoted"!?')).toBe("fish-chips-b-bold-b-quoted");
    expect(slugify("Don't go it alone")).toBe("dont-go-it-alone");
    expect(slugify("Don’t go it alone")).toBe("dont-go-it-alone");
    expect(slugify("--Leading and trailing--")).toBe("leading-and-trailing");
  });

  it("turns accented letters into their plain ASCII base", () => {
    expect(slugify("Café Crème")).toBe("cafe-creme");
    expect(slugify("Straße und Ærø")).toBe("strasse-und-aero");
    expect(slugify("Ñandú São Paulo")).toBe("nandu-sao-paulo");
  });

  it("leaves emoji and non-Latin scripts out", () => {
    expect(slugify("Self-care 🌿 for therapists 💆")).toBe("self-care-for-therapists");
    expect(slugify("🌿🌿")).toBe("");
    expect(slugify("按摩 massage")).toBe("massage");
  });

  it("keeps digits", () => {
    expect(slugify("5 ideas for 2024")).toBe("5-ideas-for-2024");
  });

  it("caps the length at 80 characters without a dangling hyphen", () => {
    const slug = slugify("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).not.toMatch(/-$/);
    expect(slug.startsWith("word-word")).toBe(true);
  });
});

describe("the address rule", () => {
  it("accepts lower-case a-z, digits and single hyphens only", () => {
    for (const ok of ["welcome", "series-01", "5-ideas-for-2024", "a"]) expect(isAddress(ok), ok).toBe(true);
    for (const bad of ["Welcome", "caf\u00e9", "cafe\u0301", "_draft", "two--hyphens", "-lead", "trail-", "a_b", "a b", "a#b", "100%", "🌿", ""]) {
      expect(isAddress(bad), bad).toBe(false);
    }
    expect(ADDRESS_PATTERN.source).toBe("^[a-z0-9]+(?:-[a-z0-9]+)*$");
  });

  it("is what slugify makes from any title", () => {
    for (const title of ["Café Crème", "  --Don’t__go~~alone--  ", "Straße", "x".repeat(200), "a - b -- c", "🌿 notes", "Ωmega 3"]) {
      const slug = slugify(title);
      if (slug) expect(isAddress(slug), `${title} -> ${slug}`).toBe(true);
    }
  });

  it("maps names in another case, accent or Unicode form to one key", () => {
    expect(new Set(["Post", "post", "POST"].map(addressKey))).toEqual(new Set(["post"]));
    expect(addressKey("caf\u00e9")).toBe(addressKey("cafe\u0301"));
  });
});
