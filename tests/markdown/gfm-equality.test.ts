/**
 * The pipeline's GFM without the autolink-literal parser extension, plus the
 * bare-link pass (src/markdown/remark-gfm-fast.ts, remark-bare-links.ts),
 * renders the same HTML as remark-gfm did: every fixture input, every fixture
 * post, the real posts, and a set of tricky bare-URL cases are rendered
 * through both and compared. Differences we accept are listed below with
 * the reason; each of them is checked to still differ, so the list stays true.
 */
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import rehypeRaw from "rehype-raw";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { rehypePlugins, renderMarkdown } from "../../src/markdown/pipeline.ts";
import remarkReadingTime from "../../src/markdown/remark-reading-time.ts";

const ROOT = path.join(import.meta.dirname, "../..");
const SITE_URL = "https://www.path2practice.com";

/** The chain as it was: remark-gfm (with autolink literals in the parser), then the same plugins. */
async function renderWithRemarkGfm(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use([remarkGfm, remarkReadingTime])
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: [] })
    .use(rehypePlugins({ siteUrl: SITE_URL }))
    .use(rehypeRaw)
    .use(rehypeStringify, { allowDangerousHtml: true })
    .process({ value: markdown, data: { astro: { frontmatter: {} } } });
  return String(file.value);
}

async function renderNow(markdown: string): Promise<string> {
  return (await renderMarkdown(markdown, { siteUrl: SITE_URL })).html;
}

/** Markdown bodies of every `.md` file in a folder (front matter removed). */
function bodies(dir: string, pattern: RegExp): Array<[string, string]> {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => [path.relative(ROOT, path.join(dir, f)), matter(fs.readFileSync(path.join(dir, f), "utf8")).content]);
}

const CORPUS: Array<[string, string]> = [
  ...bodies(path.join(ROOT, "tests/markdown/fixtures"), /input\.md$/),
  ...bodies(path.join(ROOT, "tests/fixtures/site/content/posts"), /\.md$/),
  ...bodies(path.join(ROOT, "content/posts"), /\.md$/),
];

/** Bare URLs and addresses in the places posts put them. */
const TRICKY: string[] = [
  "Visit https://example.com today.",
  "Visit https://example.com.",
  "Is it https://example.com?",
  "Really https://example.com!",
  "Listed: https://example.com, https://example.org; and https://example.net:",
  "She said \"https://example.com\" and 'https://example.org'.",
  "(see https://example.com)",
  "(see https://en.wikipedia.org/wiki/Massage_(therapy))",
  "https://en.wikipedia.org/wiki/Massage_(therapy)) and more",
  "See https://example.com/path?query=1&b=2#frag for details.",
  "See https://example.com/a/b/c/.",
  "http://example.com and HTTPS://EXAMPLE.COM and Https://Example.com",
  "www.example.com and WWW.EXAMPLE.COM/page.",
  "(www.example.com) and *www.example.com* and _www.example.com_",
  "**https://example.com** and _https://example.com_ and ~~https://example.com~~",
  "A URL at the end of a line https://example.com\nand on the next line www.example.org/x",
  "Port: http://localhost:4321/admin/ and http://127.0.0.1:8080.",
  "https://example.com/~user/file_name.html",
  "https://sub.domain.example.co.uk/path-with-dashes/",
  "A link [with text](https://example.com) and <https://example.org> stay as they are.",
  "[https://example.com](https://example.org)",
  "`https://example.com` and\n\n```\nhttps://example.com\n```",
  "    https://indented.example.com",
  "Not links: https:// alone, http://. and www. and wwwexample.com and xhttps://example.com",
  "Underscores: www.ex_ample.com and https://ex_ample.com and www.example.com_ and https://a.b_c.d",
  "Trailing underscore https://example.com/path_ and star https://example.com/path*",
  "An entity-like trail https://example.com/a&amp; and https://example.com/?a=1&b",
  "Brackets: https://example.com/a] and https://example.com/[x]",
  "Angle: https://example.com/a<b",
  "Unicode: https://例え.jp/パス and www.點看.com",
  "A heading and list:\n\n## Links at https://example.com\n\n- https://example.com\n- www.example.org.\n",
  "| Site | URL |\n| --- | --- |\n| Home | https://example.com |\n| Docs | www.example.org/docs |\n",
  "> Quoted https://example.com.\n",
  "Footnote with a URL.[^1]\n\n[^1]: Source: https://example.com/study.pdf.\n",
  "- [ ] task with https://example.com\n- [x] done www.example.org\n",
  "Email hello@path2practice.com, or write to first.last+tag@mail.example.co.uk.",
  "Not emails: a@b, a@b.c1, @handle, user@localhost and test@example.com_",
  "Email in a path https://example.com/@user and after a slash /me@example.com",
  "Several on one line: https://a.example.com https://b.example.com www.c.example.com d@e.com.",
  "Ends with a quote mark https://example.com/page's and (nested (parens) https://example.com/(a)(b))",
  "https://example.com/%20encoded and https://example.com/ü",
  "Hard break before  \nhttps://example.com and an image ![alt https://example.com](/img.png)",
  "<span>raw</span> https://example.com <em>www.example.org</em>",
  "Escaped https://example.com/a\\_b\\_c here",
  "Emphasis inside https://example.com/*word* here",
  "[An unclosed bracket before https://example.com/page. and after]",
  "[https://example.com]",
  "mailto:hello@example.com and xmpp:me@example.com/home",
  "A URL right after markup **x**https://example.com and `code`www.example.com",
  "Dots and commas https://example.com/a.b.c, then https://example.com/end...",
  "Question https://example.com/?q=massage+therapy&page=2?!",
];

/**
 * Accepted differences: inputs on which the new pipeline's HTML differs from
 * remark-gfm's, and why that is acceptable.
 */
const ACCEPTED: Record<string, string> = {
  "An entity-like trail https://example.com/a&amp; and https://example.com/?a=1&b":
    "the pass sees decoded text, so a URL ending in a written-out `&amp;` keeps the `&` instead of leaving it as trail; posts do not write entities in bare URLs",
  "Escaped https://example.com/a\\_b\\_c here":
    "the pass sees text with escapes resolved, so the link reads and goes to a_b_c, where remark-gfm kept the backslashes in both (and in the address as %5C)",
  "Emphasis inside https://example.com/*word* here":
    "the parser sees `*word*` before any link exists, so it is emphasis after a link to https://example.com/, where remark-gfm made `*word` part of the URL; a URL with stars in it is written as a link",
};

describe("GFM without the autolink-literal parser extension", () => {
  it("has a corpus of fixture inputs, fixture posts and real posts", () => {
    const names = CORPUS.map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(["tests/markdown/fixtures/toc/input.md", "tests/fixtures/site/content/posts/welcome.md"]));
    expect(names.some((n) => n.startsWith("content/posts/"))).toBe(true);
  });

  for (const [name, markdown] of CORPUS) {
    it(`renders ${name} as remark-gfm did`, async () => {
      expect(await renderNow(markdown)).toBe(await renderWithRemarkGfm(markdown));
    });
  }

  for (const markdown of TRICKY) {
    const reason = ACCEPTED[markdown];
    if (reason) {
      it(`differs from remark-gfm, knowingly, on ${JSON.stringify(markdown)}: ${reason}`, async () => {
        expect(await renderNow(markdown)).not.toBe(await renderWithRemarkGfm(markdown));
      });
    } else {
      it(`links bare URLs in ${JSON.stringify(markdown)} as remark-gfm did`, async () => {
        expect(await renderNow(markdown)).toBe(await renderWithRemarkGfm(markdown));
      });
    }
  }

  it("really links bare URLs (the comparison is not of two unlinked texts)", async () => {
    expect(await renderNow("Visit https://example.com/a_(b)). Or www.example.org, or hi@example.com.")).toMatchInlineSnapshot(
      `"<p>Visit <a href="https://example.com/a_(b)" rel="noopener noreferrer external">https://example.com/a_(b)</a>). Or <a href="http://www.example.org" rel="noopener noreferrer external">www.example.org</a>, or <a href="mailto:hi@example.com">hi@example.com</a>.</p>"`,
    );
  });
});
