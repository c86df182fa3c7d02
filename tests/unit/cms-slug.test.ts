import { describe, expect, it } from "vitest";
import { cmsSlug, titleAddressProblem } from "../../admin/slug-guard.ts";
import { isAddress, slugify } from "../../src/lib/slug.ts";

/** Titles an author might type, through Decap's own slug function with the site's settings. */
const TITLES = [
  "Café Crème",
  "Don't go it alone",
  "Don’t go it alone",
  "Self-care 🌿 for therapists 💆",
  "Straße und Ærø",
  "5 ideas for 2024",
  "a.b.c",
  "100% sure #1?",
  "Ñandú São Paulo",
];

describe("the CMS's file names", () => {
  it("are addresses the build accepts for ordinary titles, accents, apostrophes and emoji", () => {
    for (const title of TITLES) {
      expect(isAddress(cmsSlug(title)), `${title} -> ${cmsSlug(title)}`).toBe(true);
      expect(titleAddressProblem(title)).toBeUndefined();
    }
    expect(cmsSlug("Café Crème")).toBe(slugify("Café Crème"));
  });

  it("refuses a new entry whose title would give a name the build refuses", () => {
    expect(cmsSlug("my_post ~ test")).toBe("my_post-~-test");
    expect(titleAddressProblem("my_post ~ test")).toMatch(/"my_post-~-test".*a-z, digits and hyphens/);
    expect(titleAddressProblem("🌿🌿")).toMatch(/no letters or digits/);
    expect(titleAddressProblem("按摩")).toMatch(/no letters or digits/);
  });
});
