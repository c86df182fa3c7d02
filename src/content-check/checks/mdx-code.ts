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

/** Every ESTree node below `node`. */
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
  const at = (line: number | undefined) => ({ severity: "warning" as const, file: entry.file, line: entry.bodyLine + (line ?? 1) - 1 });
  let tree: Root;
  try {
    tree = parser.parse(entry.body);
  } catch (err) {
    const e = err as { line?: number; reason?: string; message: string };
    return [
      {
        ...at(e.line),
        severity: "error",
        message: `this MDX does not parse: ${e.reason ?? e.message}`,
        hint: "fix the syntax, or rename the file to .md if it needs no components",
      },
    ];
  }
  const problems: Problem[] = [];
  visit(tree, (node) => {
    const estree = (node.data as { estree?: unknown } | undefined)?.estree ?? (node as { attributes?: unknown }).attributes;
    if (!estree) return;
    const line = node.position?.start.line;
    for (const n of esNodes(estree)) {
      const where = at((n["loc"] as { start?: { line?: number } } | undefined)?.start?.line ?? line);
      if (n.type === "ImportDeclaration") {
        const source = String((n["source"] as EsNode)["value"]);
        if (!isComponentImport(source, entry.file, projectRoot)) {
          problems.push({
            ...where,
            message: `imports "${source}", which is not one of the site's components`,
            hint: "MDX is code: import only from src/components, and have the import reviewed like code",
          });
        }
      } else if (/^Export(Named|Default|All)Declaration$/.test(n.type)) {
        problems.push({
          ...where,
          message: "exports a value from the post",
          hint: "MDX is code: an export can change how the site builds the page; have it reviewed like code",
        });
      } else if (readsEnv(n)) {
        problems.push({
          ...where,
          message: "reads the build's environment variables",
          hint: "MDX is code: the environment can hold secrets, and whatever is read here is published in the page",
        });
      }
    }
  });
  return problems;
}

/** Warnings for the code in `.mdx` files. */
export function checkMdxCode(ctx: CheckContext): Problem[] {
  return ctx.entries.filter((e) => e.file.toLowerCase().endsWith(".mdx")).flatMap((e) => checkMdx(e, ctx.projectRoot));
}
