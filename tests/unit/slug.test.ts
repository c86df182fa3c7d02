import { describe, expect, it } from "vitest";
import { slugify } from "../../src/lib/slug.ts";

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
