/**
 * An `.mdx` file is code: it runs at build time with the builder's
 * environment, may import any module and is not sanitized. So it is reviewed
 * like code, and the check warns on what deserves that review: reading
 * `process.env` (or `import.meta.env`), importing anything but the site's
 * components (`src/components`), and exporting values. The CMS writes `.md`.
 * https://mdxjs.com/docs/what-is-mdx/
 */
import path from "node:path";
import type { Root } from "mdast";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { Entry, Problem } from "../validate.ts";
import type { CheckContext } from "./context.ts";

const parser = unified().use(remarkParse).use(remarkMdx);

/** A node of an ESTree program, as remark-mdx attaches them. */
type EsNode = { type: string; [key: string]: unknown };

function* esNodes(node: unknown): Generator<EsNode> {
  if (Array.isArray(node)) for (const item of node) yield* esNodes(item);
  else if (node && typeof node === "object") {
    const n = node as EsNode;
    if (typeof n.type === "string") yield n;
    for (const [key, value] of Object.entries(n)) if (key !== "loc" && key !== "range") yield* esNodes(value);
  }
}

/** Whether an ESTree node reads `process.env` or `import.meta.env`. */
function readsEnv(n: EsNode): boolean {
  if (n.type !== "MemberExpression") return false;
  const object = n["object"] as EsNode;
  const property = n["property"] as EsNode;
  if (property?.["name"] !== "env") return false;
  return (
    (object.type === "Identifier" && object["name"] === "process") ||
    (object.type === "MetaProperty" && (object["property"] as EsNode)?.["name"] === "meta")
  );
}

/** Whether an import source points into `src/components` (the `@/components/` alias or a path). */
function isComponentImport(source: string, file: string, projectRoot: string): boolean {
  if (source.startsWith("@/components/")) return !source.split("/").includes("..");
  if (!source.startsWith(".") && !source.startsWith("/")) return false;
  const resolved = path.resolve(path.dirname(file), source);
  return resolved.startsWith(path.join(projectRoot, "src/components") + path.sep);
}

function checkMdx(entry: Entry, projectRoot: string): Problem[] {
  const problem = (line: number | undefined, message: string, hint: string, severity: Problem["severity"] = "warning"): Problem => ({
    severity,
    file: entry.file,
    line: entry.bodyLine + (line ?? 1) - 1,
    message,
    hint,
  });
  let tree: Root;
  try {
    tree = parser.parse(entry.body);
  } catch (err) {
    const e = err as { line?: number; reason?: string; message: string };
    const hint = "fix the syntax, or rename the file to .md if it needs no components";
    return [problem(e.line, `this MDX does not parse: ${e.reason ?? e.message}`, hint, "error")];
  }
  const problems: Problem[] = [];
  visit(tree, (node) => {
    const estree = (node.data as { estree?: unknown } | undefined)?.estree ?? (node as { attributes?: unknown }).attributes;
    if (!estree) return;
    for (const n of esNodes(estree)) {
      const line = (n["loc"] as { start?: { line?: number } } | undefined)?.start?.line ?? node.position?.start.line;
      const source = n.type === "ImportDeclaration" ? String((n["source"] as EsNode)["value"]) : undefined;
      if (source !== undefined && !isComponentImport(source, entry.file, projectRoot)) {
        const hint = "MDX is code: import only from src/components, and have the import reviewed like code";
        problems.push(problem(line, `imports "${source}", which is not one of the site's components`, hint));
      } else if (/^Export(Named|Default|All)Declaration$/.test(n.type)) {
        const hint = "MDX is code: an export can change how the site builds the page; have it reviewed like code";
        problems.push(problem(line, "exports a value from the post", hint));
      } else if (readsEnv(n)) {
        const hint = "MDX is code: the environment can hold secrets, and whatever is read here is published in the page";
        problems.push(problem(line, "reads the build's environment variables", hint));
      }
    }
  });
  return problems;
}

export function checkMdxCode(ctx: CheckContext): Problem[] {
  return ctx.entries.filter((e) => e.file.toLowerCase().endsWith(".mdx")).flatMap((e) => checkMdx(e, ctx.projectRoot));
}
