/**
 * The content check's fast path (Markdown that cannot hold anything the sanitizer changes skips
 * the parse) must never hide a removal: each text gives the same findings as with the full check,
 * which a harmless `<b>` forces.
 */
import { describe, expect, it } from "vitest";
import { findRemovedHtml } from "../../src/markdown/removed-html.ts";

const fullCheck = (markdown: string) => findRemovedHtml(`${markdown}\n\n<b>forces the full check</b>\n`);

const REFUSED = {
  "a script address in a link": "Read [this](javascript:alert(1)).",
  "a script address after a kept link": "[ok](https://example.org/)and[this](javascript:alert(1))",
  "a script address in a definition": "[this][a]\n\n[a]: javascript:alert(1)",
  "a definition inside a quote": "> [this][a]\n>\n> [a]:\n>   javascript:alert(1)",
  "a scheme after parentheses in the address": "[this](a(b)c:d)",
  "a mail address as an image": "![me](mailto:me@example.org)",
  "a colon spelled as a character reference": "[this](javascript&#58;alert(1))",
  "a colon written with a backslash": "[this](javascript\\:alert(1))",
  "an upper-case scheme": "[this](JAVASCRIPT:alert(1))",
  "an address on the next line of a quote": "> Read [this](\n> javascript:alert(1)).",
};

const PLAIN = {
  "web and site links, images, lists, a table, footnotes and a task list": [
    "## A heading",
    "",
    "Text with a [web link](https://example.org/a_(b)?x=1&y=2), a [site link](/blog/welcome/) and ![a photo](images/hero.jpg).",
    "",
    "- [x] done",
    "- [ ] to do",
    "",
    "| a | b |",
    "| - | - |",
    "| 1 | 2 |",
    "",
    "A note.[^1] Visit www.example.org.",
    "",
    "[^1]: The note: it has a colon.",
    "",
    "[ref]: https://example.org/ref",
  ].join("\n"),
};

describe("what the sanitizer removes, without the full parse where nothing can be removed", () => {
  for (const [what, markdown] of Object.entries(REFUSED)) {
    it(`finds ${what}`, () => {
      const full = fullCheck(markdown);
      expect(findRemovedHtml(markdown)).toEqual(full);
      // The case is a real one: the sanitizer does remove something here.
      expect(full.length, what).toBeGreaterThan(0);
    });
  }
  for (const [what, markdown] of Object.entries(PLAIN)) {
    it(`finds nothing in ${what}`, () => {
      expect(findRemovedHtml(markdown)).toEqual([]);
      expect(fullCheck(markdown)).toEqual([]);
    });
  }
});
