/**
 * Reading a built site for the quality gates: its pages, their links, and the
 * files and anchors those links need. HTML is parsed with rehype-parse (a real
 * HTML parser), never with regular expressions.
 */
import fs from "node:fs";
import path from "node:path";
import type { Element, Root } from "hast";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";

/** Every file of a build, as site paths ("/blog/welcome/index.html"). */
export function siteFiles(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, d.name);
      if (d.isDirectory()) walk(full);
      else out.push(`/${path.relative(dist, full).split(path.sep).join("/")}`);
    }
  };
  walk(dist);
  return out.sort();
}

/** HTML pages of a build, without Pagefind's and the CMS's internals. */
export function htmlPages(dist: string): string[] {
  return siteFiles(dist).filter((f) => f.endsWith(".html") && !f.startsWith("/pagefind/"));
}

/** The URL a page file answers at: "/blog/index.html" -> "/blog/". */
export function pageUrl(file: string): string {
  return file.replace(/(^|\/)index\.html$/, "$1");
}

const parser = unified().use(rehypeParse);

/** Parses a page of the build. */
export function parsePage(dist: string, file: string): Root {
  return parser.parse(fs.readFileSync(path.join(dist, file), "utf8"));
}

/** A reference from a page to another resource. */
export interface Reference {
  /** The page it is on. */
  page: string;
  /** Element and attribute, e.g. "a[href]". */
  where: string;
  url: string;
}

const URL_ATTRS: Record<string, string[]> = {
  a: ["href"],
  link: ["href"],
  img: ["src", "srcSet"],
  source: ["src", "srcSet"],
  script: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
  iframe: ["src"],
  form: ["action"],
};

/** Every URL a page refers to (srcset candidates split), plus the ids it defines. */
export function pageReferences(dist: string, file: string): { refs: Reference[]; ids: Set<string> } {
  const tree = parsePage(dist, file);
  const refs: Reference[] = [];
  const ids = new Set<string>();
  visit(tree, "element", (el: Element) => {
    const id = el.properties["id"];
    if (typeof id === "string") ids.add(id);
    const name = el.properties["name"];
    if (el.tagName === "a" && typeof name === "string") ids.add(name);
    for (const attr of URL_ATTRS[el.tagName] ?? []) {
      const raw = el.properties[attr];
      if (raw == null) continue;
      const value = Array.isArray(raw) ? raw.join(" ") : String(raw);
      const urls = attr === "srcSet" ? value.split(",").map((c) => c.trim().split(/\s+/)[0] ?? "") : [value];
      // rel=preconnect/dns-prefetch and alternate links to feeds are still checked: all are site files.
      for (const url of urls.filter(Boolean)) refs.push({ page: file, where: `${el.tagName}[${attr.toLowerCase()}]`, url });
    }
  });
  return { refs, ids };
}

/** A broken reference, described for a failure message. */
export interface Broken extends Reference {
  problem: string;
}

/**
 * Checks every internal link, image, script, stylesheet and #anchor of a build:
 * the file must exist (after the deployment base) and the anchor must be an id
 * on the target page. External URLs are not fetched (no network in tests).
 */
export function checkLinks(dist: string, origin: string, base = "/"): { broken: Broken[]; checked: number } {
  const pages = htmlPages(dist);
  const idsOf = new Map<string, Set<string>>();
  const refsOf = new Map<string, Reference[]>();
  for (const p of pages) {
    const { refs, ids } = pageReferences(dist, p);
    idsOf.set(p, ids);
    refsOf.set(p, refs);
  }
  const broken: Broken[] = [];
  let checked = 0;
  for (const [p, refs] of refsOf) {
    const here = new URL(`${base.replace(/\/$/, "")}${pageUrl(p)}`, origin);
    for (const ref of refs) {
      if (/^(mailto|tel|data|javascript|blob):/i.test(ref.url)) continue;
      let url: URL;
      try {
        url = new URL(ref.url, here);
      } catch {
        broken.push({ ...ref, problem: "not a valid URL" });
        continue;
      }
      if (url.origin !== new URL(origin).origin) continue;
      checked++;
      if (!url.pathname.startsWith(base)) {
        broken.push({ ...ref, problem: `outside the deployment base ${base}` });
        continue;
      }
      const sitePath = decodeURIComponent(url.pathname.slice(base.length - 1));
      const file = resolveFile(dist, sitePath);
      if (!file) {
        broken.push({ ...ref, problem: `no file for ${sitePath}` });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && file.endsWith(".html") && fragment !== "top") {
        const ids = idsOf.get(file) ?? pageReferences(dist, file).ids;
        if (!ids.has(fragment)) broken.push({ ...ref, problem: `no element with id "${fragment}" on ${file}` });
      }
    }
  }
  return { broken, checked };
}

/** The build file a site path is served from, as the hosts do (directory -> index.html). */
export function resolveFile(dist: string, sitePath: string): string | undefined {
  const candidates = sitePath.endsWith("/") ? [`${sitePath}index.html`] : [sitePath, `${sitePath}/index.html`];
  return candidates.find((c) => {
    const full = path.join(dist, c);
    return full.startsWith(dist) && fs.existsSync(full) && fs.statSync(full).isFile();
  });
}

/**
 * What a document has outside itself: elements and text that come after its
 * `</body>` or `</html>` end tag, or a missing `</html>` at the end of the file.
 * HTML parsers move such content back into the body, so validators that read
 * the parsed tree (html-validate among them) never see it; the parser's
 * source positions still show where it was written.
 */
export function outsideDocument(source: string): string[] {
  const tree = unified().use(rehypeParse).parse(source);
  const html = tree.children.find((n): n is Element => n.type === "element" && n.tagName === "html");
  const end = html?.position?.end.offset;
  if (!html || end === undefined || source.slice(end - "</html>".length, end).toLowerCase() !== "</html>") return ["no </html> end tag"];
  const problems: string[] = [];
  if (source.slice(end).trim()) problems.push(`text after </html>: ${JSON.stringify(source.slice(end).trim().slice(0, 60))}`);
  const body = html.children.find((n): n is Element => n.type === "element" && n.tagName === "body");
  const bodyEnd = body?.position?.end.offset;
  const hasBodyEndTag = bodyEnd !== undefined && source.slice(bodyEnd - "</body>".length, bodyEnd).toLowerCase() === "</body>";
  const limit = hasBodyEndTag ? bodyEnd : end - "</html>".length;
  visit(html, (node) => {
    const start = node.position?.start.offset;
    if (start === undefined || start < limit) return;
    if (node.type === "element") problems.push(`<${node.tagName}> at line ${node.position!.start.line} after </${hasBodyEndTag ? "body" : "html"}>`);
    else if (node.type === "text" && node.value.trim()) problems.push(`text ${JSON.stringify(node.value.trim().slice(0, 40))} after the document`);
  });
  return problems;
}
