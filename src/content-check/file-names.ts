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

/** A problem with one file's name; `file` is the path relative to the collection folder, with `/` separators. */
export interface NameProblem {
  file: string;
  message: string;
  hint?: string;
}

/** What a collection folder's listing holds. */
export interface NameCheck {
  /** Markdown files the build publishes (relative paths). */
  published: string[];
  problems: NameProblem[];
}

const MARKDOWN = /\.(md|mdx)$/;

/** Each rule below names the file; the hint says what to do. */
const RULE_HINT = "a file name is the page's address: lower-case a-z, digits and single hyphens, e.g. my-first-post.md";

/**
 * Sorts the files of a Markdown collection folder (relative paths, `/`
 * separators) into published ones and problems. `dataFiles` are the names of
 * single-file collections kept in the same folder (pages/program.yaml).
 */
export function checkFileNames(files: readonly string[], options: { folder: string; dataFiles?: readonly string[] }): NameCheck {
  const dataFiles = options.dataFiles ?? [];
  const published: string[] = [];
  const problems: NameProblem[] = [];
  for (const file of [...files].sort()) {
    const segments = file.split("/");
    const base = segments.at(-1)!;
    const folders = segments.slice(0, -1);
    if (folders.includes("images")) continue;
    const markdownLike = /\.(md|mdx|markdown)$/i.test(base);
    if (segments.some((s) => s.startsWith("."))) {
      // Hidden files that are not Markdown (.DS_Store, .gitkeep) are no content.
      if (markdownLike) {
        problems.push({ file, message: "a hidden file or folder (its name starts with a dot) is never published", hint: RULE_HINT });
      }
      continue;
    }
    if (folders.length === 0 && dataFiles.includes(base)) continue;
    if (!markdownLike) {
      problems.push({
        file,
        message: "only .md and .mdx files are published from this folder",
        hint: "images belong in an images/ folder; remove or move anything else",
      });
      continue;
    }
    if (!MARKDOWN.test(base)) {
      problems.push({ file, message: `the extension must be .md or .mdx in lower case`, hint: `rename it to ${suggestion(base)}` });
      continue;
    }
    const stem = base.replace(MARKDOWN, "");
    if (!isAddress(stem)) {
      const key = addressKey(stem);
      problems.push({
        file,
        message: `"${stem}" cannot be a web address`,
        hint: key ? `${RULE_HINT}; rename it to ${suggestion(base)}` : `${RULE_HINT}; give it a name with letters or digits`,
      });
      continue;
    }
    if (options.folder === "posts" && isBlogPageName(stem)) {
      // /blog/archive/ and /blog/2/ are the blog's own pages: a post there would be lost without a word.
      problems.push({
        file,
        message: `"${stem}" is the address of one of the blog's own pages`,
        hint: `give the post another name, e.g. ${stem}-post.md`,
      });
      continue;
    }
    published.push(file);
  }
  // Two names that end up at one address (once corrected) are named together, whichever is valid.
  const byKey = new Map<string, string[]>();
  const stemOf = (file: string) =>
    file
      .split("/")
      .at(-1)!
      .replace(/\.(md|mdx|markdown)$/i, "");
  for (const file of files) {
    if (file.split("/").slice(0, -1).includes("images") || !/\.(md|mdx|markdown)$/i.test(file)) continue;
    const key = addressKey(stemOf(file));
    if (!key) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), file]);
  }
  for (const [key, group] of byKey) {
    if (group.length < 2) continue;
    const sorted = [...group].sort();
    for (const file of sorted.slice(1)) {
      // The very same name twice (posts/2019/a.md, posts/2020/a.md) is the duplicate-slug check's to report.
      if (stemOf(file) === stemOf(sorted[0]!)) continue;
      const other = sorted[0]!;
      // NFC and NFD spellings of one name look identical on screen: say which is which.
      const forms =
        file.normalize("NFC") === other.normalize("NFC")
          ? ` (the same name in another Unicode form: this one is ${formOf(file)}, the other ${formOf(other)})`
          : "";
      problems.push({
        file,
        message: `has the same address ("${key}") as ${options.folder}/${other}${forms}`,
        hint: "rename one of the files; names that differ only in case, accents or Unicode form are one address",
      });
    }
  }
  return { published, problems };
}

/** The corrected file name: the rule's address, the extension in lower case. */
function suggestion(base: string): string {
  const ext = /\.(mdx)$/i.test(base) ? "mdx" : "md";
  return `${addressKey(base.replace(/\.(md|mdx|markdown)$/i, "")) || "name"}.${ext}`;
}

function formOf(name: string): string {
  return name === name.normalize("NFC") ? "NFC" : "NFD";
}
