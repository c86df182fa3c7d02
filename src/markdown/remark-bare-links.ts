/**
 * Bare URLs and email addresses become links, as GitHub's autolink literals
 * do, but on the finished tree: one regex finds where a candidate starts
 * (`http://`, `https://`, `www.`, `@`) in text nodes outside links and code,
 * and a short scan applies the GFM rules for the domain, the path, trailing
 * punctuation and unbalanced closing parentheses.
 *
 * Why: the parser-level extension (micromark-extension-gfm-autolink-literal)
 * tries a link at every word and cost half of all Markdown time (issue #8,
 * `npx tsx bench/gfm-compare.ts`); this pass only looks where a
 * candidate is. The rules mirror that extension's tokenizers
 * (node_modules/micromark-extension-gfm-autolink-literal/lib/syntax.js,
 * spec: https://github.github.com/gfm/#autolinks-extension-); the
 * cases where the two differ are listed in tests/markdown/bare-links.test.ts.
 */
import type { Link, Parent, PhrasingContent, Root, Text } from "mdast";

/**
 * Where a candidate starts: `http(s)://` not after an ASCII letter, `www.`
 * at the start or after a space, `(`, `*`, `_`, `[`, `]` or `~`, or the `@`
 * of an email address (its local part is found backwards).
 */
const CANDIDATE = /(?<![A-Za-z])https?:\/\/|(?<![^\t\n\r (*_[\]~])www\.|@/gi;
/** Unicode punctuation and symbols, as micromark-util-character defines them. */
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/;
/** Characters that may trail a URL without belonging to it, when only trail follows. */
const TRAIL = new Set(["!", '"', "'", ")", "*", ",", ".", ":", ";", "?", "_", "~"]);
/** Characters at which the path asks whether the rest is trail. */
const PATH_PUNCTUATION = new Set([...TRAIL, "&", "<", "]"]);
const ATEXT = /[\w+\-.]/;
const ALPHA = /[A-Za-z]/;
const ALNUM = /[A-Za-z\d]/;

/** Nodes whose text is never linked. */
const SKIP = new Set(["link", "linkReference", "code", "inlineCode", "html"]);

/** Turns bare `http(s)://` and `www.` URLs and email addresses in text into links. */
export default function remarkBareLinks(): (tree: Root) => undefined {
  return (tree) => {
    walk(tree);
  };
}

function walk(parent: Parent): void {
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === "text") {
      const nodes = linkify(child);
      if (nodes) {
        children.splice(i, 1, ...(nodes as typeof children));
        i += nodes.length - 1;
      }
    } else if ("children" in child && !SKIP.has(child.type)) walk(child);
  }
}

/** The text split into text and link nodes, or undefined when it holds no link. */
function linkify(node: Text): PhrasingContent[] | undefined {
  const value = node.value;
  let out: PhrasingContent[] | undefined;
  let done = 0;
  CANDIDATE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CANDIDATE.exec(value))) {
    const found = match[0] === "@" ? email(value, match.index, done) : url(value, match.index, match[0]);
    if (!found) continue;
    const [start, end, href] = found;
    out ??= [];
    if (start > done) out.push({ type: "text", value: value.slice(done, start) });
    const link: Link = { type: "link", url: href, title: null, children: [{ type: "text", value: value.slice(start, end) }] };
    out.push(link);
    done = end;
    CANDIDATE.lastIndex = end;
  }
  if (!out) return undefined;
  if (done < value.length) out.push({ type: "text", value: value.slice(done) });
  return out;
}

function isSpace(c: string | undefined): boolean {
  return c === undefined || WHITESPACE.test(c);
}

/** `[start, end, href]` of a URL starting at `start` with `prefix`, or undefined. */
function url(s: string, start: number, prefix: string): [number, number, string] | undefined {
  const www = prefix.length === 4;
  // `www.` needs something after it; a protocol needs a letter, digit or non-punctuation next.
  if (www ? s[start + 4] === undefined : isSpace(s[start + prefix.length]) || PUNCTUATION.test(s[start + prefix.length]!)) return undefined;
  const domainEnd = domain(s, www ? start : start + prefix.length);
  if (domainEnd === undefined) return undefined;
  const end = path(s, domainEnd);
  const text = s.slice(start, end);
  return [start, end, www ? `http://${text}` : text];
}

/** End of the domain starting at `i`, or undefined when it is empty or has `_` in its last two labels. */
function domain(s: string, i: number): number | undefined {
  let seen = false;
  let underscoreLast = false;
  let underscoreBeforeLast = false;
  for (;;) {
    const c = s[i];
    if (c === "." || c === "_") {
      if (isTrail(s, i)) break;
      if (c === "_") underscoreLast = true;
      else [underscoreBeforeLast, underscoreLast] = [underscoreLast, false];
      i++;
      continue;
    }
    if (isSpace(c) || (c !== "-" && PUNCTUATION.test(c!))) break;
    seen = true;
    i++;
  }
  return seen && !underscoreLast && !underscoreBeforeLast ? i : undefined;
}

/** End of the path starting at `i`: up to a space or `<`, less trailing punctuation, keeping balanced `)`. */
function path(s: string, i: number): number {
  let open = 0;
  let close = 0;
  for (;;) {
    const c = s[i];
    if (isSpace(c)) return i;
    if (c === "(") open++;
    else if (c === ")" && close < open) close++;
    else if (PATH_PUNCTUATION.has(c!)) {
      if (isTrail(s, i)) return i;
      if (c === ")") close++;
    }
    i++;
  }
}

/** Whether from `i` on there is only trailing punctuation (and `&name;` references, and `]` not before `(` or `[`) up to a space, `<` or the end. */
function isTrail(s: string, i: number): boolean {
  for (;;) {
    const c = s[i];
    if (c === "<" || isSpace(c)) return true;
    if (TRAIL.has(c!)) i++;
    else if (c === "&") {
      let j = i + 1;
      while (j < s.length && ALPHA.test(s[j]!)) j++;
      if (j === i + 1 || s[j] !== ";") return false;
      i = j + 1;
    } else if (c === "]") {
      i++;
      const next = s[i];
      if (next === "(" || next === "[" || isSpace(next)) return true;
    } else return false;
  }
}

/** `[start, end, href]` of the email address around the `@` at `at`, not reaching back before `floor`, or undefined. */
function email(s: string, at: number, floor: number): [number, number, string] | undefined {
  let start = at;
  while (start > floor && ATEXT.test(s[start - 1]!)) start--;
  // A `/` before the address is allowed: remark-gfm links `/me@example.com` too (its tree pass, after the parser declined).
  if (start === at || (start === floor && floor > 0 && ATEXT.test(s[floor - 1]!))) return undefined;
  let i = at + 1;
  let dot = false;
  for (;;) {
    const c = s[i];
    if (c === ".") {
      if (!ALNUM.test(s[i + 1] ?? "")) break;
      dot = true;
    } else if (c === undefined || !(c === "-" || c === "_" || ALNUM.test(c))) break;
    i++;
  }
  if (i === at + 1 || !dot || !ALPHA.test(s[i - 1]!)) return undefined;
  const text = s.slice(start, i);
  return [start, i, `mailto:${text}`];
}
