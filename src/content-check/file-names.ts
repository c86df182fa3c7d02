/**
 * Which files of a Markdown collection folder are published, and which names
 * break the address rule (src/lib/slug.ts). Every file is either published,
 * reported, or a documented exclusion (hidden files such as .DS_Store that are
 * not Markdown, and anything inside an `images/` folder): Astro's glob loader
 * would skip hidden files, upper-case extensions and names with `#` or `?`
 * without a word, and a name in another case or Unicode form would give a
 * second page that one case-insensitive disk or host cannot keep apart.
 */
import { addressKey, isAddress } from "../lib/slug.ts";
import { isBlogPageName } from "../lib/urls.ts";

const MARKDOWN = /\.(md|mdx)$/;
/** Names meant as Markdown, in any case: each is published or reported. */
const MARKDOWN_LIKE = /\.(md|mdx|markdown)$/i;

/** Each rule below names the file; the hint says what to do. */
const RULE_HINT = "a file name is the page's address: lower-case a-z, digits and single hyphens, e.g. my-first-post.md";

/**
 * Sorts the files of a Markdown collection folder (relative paths, `/`
 * separators) into published ones and problems (each naming its file, the same
 * way). `dataFiles` are the names of single-file collections kept in the same folder (pages/program.yaml).
 */
export function checkFileNames(files: readonly string[], options: { folder: string; dataFiles?: readonly string[] }) {
  const published: string[] = [];
  const problems: Array<{ file: string; message: string; hint: string }> = [];
  const problem = (file: string, message: string, hint: string) => problems.push({ file, message, hint });
  /** Markdown-like files by the address they stand for, to find two names for one address. */
  const byKey = new Map<string, string[]>();
  for (const file of [...files].sort()) {
    const segments = file.split("/");
    const base = segments.pop()!;
    if (segments.includes("images") || (segments.length === 0 && options.dataFiles?.includes(base))) continue;
    const markdownLike = MARKDOWN_LIKE.test(base);
    const stem = base.replace(MARKDOWN_LIKE, "");
    if (markdownLike && addressKey(stem)) byKey.set(addressKey(stem), [...(byKey.get(addressKey(stem)) ?? []), file]);
    if ([...segments, base].some((s) => s.startsWith("."))) {
      // Hidden files that are not Markdown (.DS_Store, .gitkeep) are no content.
      if (markdownLike) problem(file, "a hidden file or folder (its name starts with a dot) is never published", RULE_HINT);
    } else if (!markdownLike) {
      problem(file, "only .md and .mdx files are published from this folder", "images belong in an images/ folder; remove or move anything else");
    } else if (!MARKDOWN.test(base)) {
      problem(file, `the extension must be .md or .mdx in lower case`, `rename it to ${suggestion(base)}`);
    } else if (!isAddress(stem)) {
      const hint = addressKey(stem) ? `${RULE_HINT}; rename it to ${suggestion(base)}` : `${RULE_HINT}; give it a name with letters or digits`;
      problem(file, `"${stem}" cannot be a web address`, hint);
    } else if (options.folder === "posts" && isBlogPageName(stem)) {
      // /blog/archive/ and /blog/2/ are the blog's own pages: a post there would be lost without a word.
      problem(file, `"${stem}" is the address of one of the blog's own pages`, `give the post another name, e.g. ${stem}-post.md`);
    } else {
      published.push(file);
    }
  }
  // Two names that end up at one address (once corrected) are named together, whichever is valid.
  const stemOf = (file: string) => file.split("/").at(-1)!.replace(MARKDOWN_LIKE, "");
  for (const [key, [first, ...others]] of byKey) {
    for (const file of others) {
      // The very same name twice (posts/2019/a.md, posts/2020/a.md) is the duplicate-slug check's to report.
      if (stemOf(file) === stemOf(first!)) continue;
      // NFC and NFD spellings of one name look identical on screen: say which is which.
      const forms =
        file.normalize("NFC") === first!.normalize("NFC")
          ? ` (the same name in another Unicode form: this one is ${formOf(file)}, the other ${formOf(first!)})`
          : "";
      problem(
        file,
        `has the same address ("${key}") as ${options.folder}/${first}${forms}`,
        "rename one of the files; names that differ only in case, accents or Unicode form are one address",
      );
    }
  }
  return { published, problems };
}

/** The corrected file name: the rule's address, the extension in lower case. */
function suggestion(base: string): string {
  const ext = /\.(mdx)$/i.test(base) ? "mdx" : "md";
  return `${addressKey(base.replace(MARKDOWN_LIKE, "")) || "name"}.${ext}`;
}

function formOf(name: string): string {
  return name === name.normalize("NFC") ? "NFC" : "NFD";
}
