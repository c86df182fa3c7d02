/**
 * Markdown may contain raw HTML; scripts, event handlers (onclick=...) and
 * javascript: addresses must not reach readers' browsers.
 */
import type { Problem } from "../validate.ts";
import { bodyParts } from "./body.ts";
import type { CheckContext } from "./context.ts";

/** `javascript:` after the entity and whitespace tricks browsers forgive. */
export const JS_URL = /^\s*j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i;

/** Checks raw HTML nodes and link/image addresses of every Markdown body. */
export function checkUnsafeHtml(ctx: CheckContext): Problem[] {
  const problems: Problem[] = [];
  for (const entry of ctx.entries) {
    const { html, links, images } = bodyParts(entry);
    for (const { node, line } of html) {
      const at = { severity: "error" as const, file: entry.file, line };
      if (/<\s*script\b/i.test(node.value)) {
        problems.push({ ...at, message: "raw <script> in the text", hint: "scripts cannot run in posts; link to the page you want to show instead" });
      }
      const handler = /<[a-z][^>]*?\s(on[a-z]+)\s*=/i.exec(node.value);
      if (handler) {
        problems.push({ ...at, message: `HTML attribute "${handler[1]}" runs code`, hint: "remove the attribute; posts cannot run code" });
      }
      const attrs = [...node.value.matchAll(/\s(?:href|src|action|formaction)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)];
      if (attrs.some((m) => JS_URL.test(decodeEntities(m[1] ?? m[2] ?? m[3] ?? "")))) {
        problems.push({ ...at, message: "a javascript: address in HTML", hint: "use a normal https:// or /path address" });
      }
    }
    for (const { node, line } of [...links, ...images]) {
      if (JS_URL.test(node.url)) {
        problems.push({ severity: "error", file: entry.file, line, message: `a javascript: address in a ${node.type}`, hint: "use a normal https:// or /path address" });
      }
    }
  }
  return problems;
}

/** Decodes the character references browsers accept inside attribute values. */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;|&newline;/gi, "");
}
