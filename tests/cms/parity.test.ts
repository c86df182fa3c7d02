/**
 * The CMS and the site must agree on every collection: this walks the zod
 * schema Astro uses and the Decap config the CMS uses, field by field, and
 * fails on any difference (a field on one side only, a required flag, a type,
 * a default, a length limit or a pattern that disagrees).
 */
import { describe, expect, it } from "vitest";
import { BODY_FIELD, decapConfig, laterThanPattern, type DecapCollection } from "../../src/schema/decap.ts";
import type { DecapField } from "../../src/schema/fields.ts";
import { collectionSchema, collections, type CollectionSpec } from "../../src/schema/index.ts";

/** Zod 4 keeps a schema's definition on `_zod.def`. */
interface ZodDef {
  type: string;
  shape?: Record<string, { _zod: { def: ZodDef } }>;
  innerType?: { _zod: { def: ZodDef } };
  element?: { _zod: { def: ZodDef } };
  defaultValue?: unknown;
  checks?: Array<{ _zod: { def: { check: string; format?: string; pattern?: RegExp; maximum?: number } } }>;
  entries?: Record<string, string>;
}

/** One field as the comparison sees it, from either side. */
interface FieldFacts {
  type: string;
  required: boolean;
  default?: unknown;
  max?: number;
  patterns: string[];
  children?: Record<string, FieldFacts>;
}

function defOf(schema: unknown): ZodDef {
  return (schema as { _zod: { def: ZodDef } })._zod.def;
}

/** The facts of a zod field. Dates are a transform (`pipe`) from any input to a Date. */
function zodFacts(def: ZodDef): FieldFacts {
  let required = true;
  let dflt: unknown;
  while (def.type === "optional" || def.type === "default") {
    required = false;
    if (def.type === "default") dflt = typeof def.defaultValue === "function" ? (def.defaultValue as () => unknown)() : def.defaultValue;
    def = defOf(def.innerType);
  }
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const max = checks.find((c) => c.check === "max_length")?.maximum;
  const patterns = checks.filter((c) => c.format === "regex" && c.pattern).map((c) => c.pattern!.source);
  const facts: FieldFacts = { type: def.type === "pipe" ? "date" : def.type, required, patterns };
  if (dflt !== undefined) facts.default = dflt;
  if (max !== undefined) facts.max = max;
  if (def.type === "object") facts.children = objectFacts(def);
  if (def.type === "array") {
    const element = defOf(def.element);
    if (element.type === "object") facts.children = objectFacts(element);
  }
  return facts;
}

function objectFacts(def: ZodDef): Record<string, FieldFacts> {
  return Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, value]) => [key, zodFacts(value._zod.def)]));
}

/** Which zod type each Decap widget must produce. */
const WIDGET_TYPE: Record<string, string> = {
  string: "string",
  text: "string",
  markdown: "string",
  image: "string",
  number: "number",
  boolean: "boolean",
  select: "enum",
  datetime: "date",
  object: "object",
  list: "array",
};

/** The facts of a Decap field. A max length is written as the pattern `^[\s\S]{0,N}$`. */
function decapFacts(field: DecapField): FieldFacts {
  const facts: FieldFacts = { type: WIDGET_TYPE[field.widget] ?? `unknown widget ${field.widget}`, required: field.required !== false, patterns: [] };
  if (field.default !== undefined) facts.default = field.default;
  if (field.pattern) {
    const max = /^\^\[\\s\\S\]\{0,(\d+)\}\$$/.exec(field.pattern[0]);
    if (max) facts.max = Number(max[1]);
    else facts.patterns.push(field.pattern[0]);
  }
  if (field.fields) facts.children = Object.fromEntries(field.fields.map((f) => [f.name, decapFacts(f)]));
  return facts;
}

/** The front-matter fields of a Decap collection (the Markdown body is not front matter). */
function decapFields(collection: DecapCollection): DecapField[] {
  const fields = collection.files ? collection.files[0]!.fields : (collection.fields ?? []);
  return fields.filter((f) => f.name !== BODY_FIELD.name);
}

const config = decapConfig({
  contentPath: "content",
  github: { repo: "owner/site", branch: "main" },
  localProxyUrl: "http://127.0.0.1:8081/api/v1",
  siteUrl: "https://www.example.com",
});
const specs = Object.values(collections) as CollectionSpec[];

describe("the Decap config and the Astro schema", () => {
  it("have the same collections", () => {
    expect(config.collections.map((c) => c.name).sort()).toEqual(specs.map((s) => s.name).sort());
  });

  for (const spec of specs) {
    describe(`collection ${spec.name}`, () => {
      const collection = config.collections.find((c) => c.name === spec.name)!;
      const zodSide = objectFacts(defOf(collectionSchema(spec, { timeZone: "UTC" })));
      const decapSide = Object.fromEntries(decapFields(collection).map((f) => [f.name, decapFacts(f)]));

      it("has the same fields, required flags, types, defaults, limits and patterns on both sides", () => {
        expect(decapSide).toEqual(zodSide);
      });

      it("points at the same files as the site reads", () => {
        if (spec.file) expect(collection.files?.[0]?.file).toBe(`content/${spec.folder}/${spec.file}`);
        else expect(collection.folder).toBe(`content/${spec.folder}`);
        if (spec.format === "md") expect(collection.files?.[0]?.fields.at(-1) ?? collection.fields?.at(-1)).toMatchObject({ name: "body" });
      });
    });
  }

  it("would notice a field missing on one side", () => {
    const zodSide = objectFacts(defOf(collectionSchema(collections.posts, { timeZone: "UTC" })));
    const posts = config.collections.find((c) => c.name === "posts")!;
    const decapSide = Object.fromEntries(
      decapFields(posts)
        .filter((f) => f.name !== "description")
        .map((f) => [f.name, decapFacts(f)]),
    );
    expect(decapSide).not.toEqual(zodSide);
  });

  it("creates posts as Markdown files named after the title, with uploads next to them", () => {
    const posts = config.collections.find((c) => c.name === "posts")!;
    expect(posts).toMatchObject({ folder: "content/posts", create: true, extension: "md", format: "frontmatter", slug: "{{slug}}" });
    expect(posts).toMatchObject({ media_folder: "images", public_folder: "images" });
  });

  it("uses the GitHub backend with the editorial workflow in production and decap-server on loopback locally", () => {
    expect(config.backend).toMatchObject({ name: "github", repo: "owner/site", branch: "main" });
    // The CMS script leaves out the GitHub backend's GraphQL client (admin/github-rest-only.ts).
    expect(config.backend).not.toHaveProperty("use_graphql");
    expect(config.publish_mode).toBe("editorial_workflow");
    expect(config.local_backend.url).toBe("http://127.0.0.1:8081/api/v1");
    expect(config.load_config_file).toBe(false);
  });
});

describe("the Scheduled filter pattern", () => {
  it("matches exactly the days after today", () => {
    const later = new RegExp(laterThanPattern("2026-06-01"));
    for (const day of ["2026-06-02", "2026-06-10", "2026-07-01", "2027-01-01", "2030-01-15", "2026-06-02T09:00:00Z"])
      expect(later.test(day)).toBe(true);
    for (const day of ["2026-06-01", "2026-05-31", "2025-12-31", "2017-09-03", "2026-06-01T23:00:00Z"]) expect(later.test(day)).toBe(false);
  });
});
