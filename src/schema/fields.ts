/**
 * A small field vocabulary: each field becomes both a zod type (the Astro schema) and a Decap CMS field, so the two
 * can never drift apart.
 */
import type { ImageMetadata } from "astro";
// A namespace import, so bundlers keep only the zod functions used: `import { z }` is zod as one object, all of it
// with every locale's messages (the CMS script's login screen: 447 KB of it minified, 75 KB this way).
import * as z from "astro/zod";
import { parseContentDate } from "../lib/dates.ts";
import { EXTENSIONS_OF } from "../lib/image-type.ts";

/** What a zod builder may need that only Astro can provide. */
export interface ZodContext {
  /** Astro's `image()` helper (optimised local images); absent outside Astro. */
  image?: () => z.ZodType;
  /** Site time zone, used to read date-only values as that day's local midnight. */
  timeZone: string;
}

/** A Decap CMS field definition, typed as far as the site reads it. */
export interface DecapField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  default?: unknown;
  pattern?: [string, string];
  fields?: DecapField[];
  [key: string]: unknown;
}

/**
 * A field: its metadata and its two renderings. `N` is the key and `O` the type of the value after validation (with
 * `undefined` when it is optional), so collections keep precise TypeScript types.
 */
export interface Field<N extends string = string, O = unknown> {
  name: N;
  label: string;
  /** One-line help shown under the field in the CMS. */
  hint?: string;
  required: boolean;
  /** Value used when the key is absent (also the CMS default). */
  default?: unknown;
  /** Field kind ("date", "image", ...), for readers of content that treat a kind specially. */
  kind: string;
  /** The zod type of the value, before optional/default wrapping. */
  zod(ctx: ZodContext): z.ZodType;
  /** The Decap widget config, before common keys are added. */
  decap(): Omit<DecapField, "name" | "label">;
  /** Type-level only: the validated value. */
  readonly __output?: O;
}

type Options<T = unknown> = {
  label?: string;
  hint?: string;
  required?: boolean;
  default?: T;
};

/** The value type of a field given its options: optional without a default when `required: false`. */
type Out<T, O> = O extends { default: unknown } ? T : O extends { required: false } ? T | undefined : T;

/** The validated data of a list of fields. */
export type DataOf<F extends readonly Field[]> = { [K in F[number] as K["name"]]: K extends Field<string, infer O> ? O : never };

/** Declares a field list, keeping each field's name and type. */
export function fields<const F extends readonly Field[]>(...list: F): F {
  return list;
}

/** A field of `kind` from its options and renderings; the label defaults to the key, capitalised. */
function field<N extends string, O>(kind: string, name: N, opts: Options, zod: Field["zod"], decap: Field["decap"]): Field<N, O> {
  return {
    name,
    label: opts.label ?? name.charAt(0).toUpperCase() + name.slice(1),
    required: opts.required ?? opts.default === undefined,
    ...(opts.hint !== undefined ? { hint: opts.hint } : {}),
    ...(opts.default !== undefined ? { default: opts.default } : {}),
    kind,
    zod,
    decap,
  };
}

/** One line of text; `max` and `pattern` become both zod checks and CMS validation. */
export function string<N extends string, const O extends Options<string> & { max?: number; pattern?: [RegExp, string] }>(
  name: N,
  opts: O = {} as O,
): Field<N, Out<string, O>> {
  const { max, pattern } = opts;
  return field(
    "string",
    name,
    opts,
    () => {
      let s = z.string({ error: (iss) => (iss.input === undefined ? "is required" : "must be text") }).trim();
      if (opts.required ?? opts.default === undefined) s = s.min(1, "must not be empty");
      if (max !== undefined) s = s.max(max, `must be at most ${max} characters`);
      return pattern ? s.regex(...pattern) : s;
    },
    () => ({
      widget: "string",
      pattern: pattern
        ? [pattern[0].source, pattern[1]]
        : max !== undefined
          ? [`^[\\s\\S]{0,${max}}$`, `Must be at most ${max} characters`]
          : undefined,
    }),
  );
}

/** A URL or site-relative path ("/program/", "mailto:..."). */
export function url<N extends string, const O extends Options<string>>(name: N, opts: O = {} as O): Field<N, Out<string, O>> {
  const pattern: [RegExp, string] = [
    /^(https?:\/\/\S+|mailto:\S+|\/\S*|#\S*)?$/,
    "must be a full URL (https://...), a mailto: link or a path starting with /",
  ];
  return { ...string(name, { ...opts, pattern }), kind: "url" };
}

/** A true/false switch. */
export function boolean<N extends string, const O extends Options<boolean>>(name: N, opts: O = {} as O): Field<N, Out<boolean, O>> {
  return field(
    "boolean",
    name,
    opts,
    () => z.boolean({ error: "must be true or false" }),
    () => ({ widget: "boolean" }),
  );
}

/** A whole number within bounds. */
export function number<N extends string, const O extends Options<number> & { min?: number; max?: number }>(
  name: N,
  opts: O = {} as O,
): Field<N, Out<number, O>> {
  const { min, max } = opts;
  const zod = () => {
    let n = z.number({ error: "must be a number" }).int("must be a whole number");
    if (min !== undefined) n = n.min(min, `must be at least ${min}`);
    return max !== undefined ? n.max(max, `must be at most ${max}`) : n;
  };
  return field("number", name, opts, zod, () => ({ widget: "number", value_type: "int", min, max }));
}

/** One value out of a fixed list. */
export function select<N extends string, const V extends readonly string[], const O extends Options<string>>(
  name: N,
  values: V,
  opts: O = {} as O,
): Field<N, Out<V[number], O>> {
  const zod = () => z.enum(values as unknown as [string, ...string[]], { error: `must be one of: ${values.join(", ")}` });
  return field("select", name, opts, zod, () => ({ widget: "select", options: [...values] }));
}

/** A date or date-time: `YYYY-MM-DD` is that day in the site's time zone; 2017-02-30 is refused, not rolled over. */
export function date<N extends string, const O extends Options<string>>(name: N, opts: O = {} as O): Field<N, Out<Date, O>> {
  const zod = (ctx: ZodContext) =>
    z.unknown().transform((value, zctx) => {
      const parsed = parseContentDate(value, ctx.timeZone);
      if (typeof parsed !== "string") return parsed;
      zctx.addIssue({ code: "custom", message: parsed });
      return z.NEVER;
    });
  return field("date", name, opts, zod, () => ({ widget: "datetime", format: "YYYY-MM-DD", date_format: "YYYY-MM-DD", time_format: false }));
}

/** A list of short strings (tags). */
export function stringList<N extends string, const O extends Options<string[]>>(name: N, opts: O = {} as O): Field<N, Out<string[], O>> {
  const zod = () =>
    z.array(z.string({ error: "each entry must be text" }).trim().min(1, "entries must not be empty"), {
      error: "must be a list of text entries, e.g. [networking, isolation]",
    });
  return field("stringList", name, opts, zod, () => ({ widget: "list", allow_add: true }));
}

/** Image formats the site accepts, by file extension (src/lib/image-type.ts): all that sharp optimises, but SVG, which can carry script. */
export const IMAGE_EXTENSIONS = Object.values(EXTENSIONS_OF).flat();
export const IMAGE_FORMATS_TEXT = "JPEG, PNG, WebP, AVIF or GIF (not SVG)";

/** Case-insensitive "ends with an accepted extension", spelled without flags: Decap compiles `pattern` with `RegExp(source)` and no flags. */
const IMAGE_PATH_PATTERN = new RegExp(`\\.(${IMAGE_EXTENSIONS.map((ext) => [...ext].map((c) => `[${c}${c.toUpperCase()}]`).join("")).join("|")})$`);

/** An image file: optimised by Astro when it can see it, a path string otherwise. */
export function image<N extends string, const O extends Options<string>>(name: N, opts: O = {} as O): Field<N, Out<ImageMetadata, O>> {
  const message = `must be a ${IMAGE_FORMATS_TEXT} image`;
  return field(
    "image",
    name,
    opts,
    (ctx) => (ctx.image ? ctx.image() : z.string().min(1, "must be an image path").regex(IMAGE_PATH_PATTERN, message)),
    () => ({ widget: "image", choose_url: false, pattern: [IMAGE_PATH_PATTERN.source, message] }),
  );
}

/** Long Markdown text inside front matter (program sections, FAQ answers). */
export function markdown<N extends string, const O extends Options<string>>(name: N, opts: O = {} as O): Field<N, Out<string, O>> {
  // sanitize_preview: the CMS preview never runs script from content (it is Decap's default; stated so it stays on).
  const decap = () => ({ widget: "markdown", buttons: ["bold", "italic", "link", "bulleted-list", "numbered-list"], sanitize_preview: true });
  return field("markdown", name, opts, () => z.string({ error: "must be text" }), decap);
}

/** A group of fields. */
export function object<N extends string, const F extends readonly Field[], const O extends Options<Record<string, unknown>>>(
  name: N,
  fields: F,
  opts: O = {} as O,
): Field<N, Out<DataOf<F>, O>> {
  return field(
    "object",
    name,
    opts,
    (ctx) => zodObject(fields, ctx),
    () => ({ widget: "object", fields: fields.map(toDecapField) }),
  );
}

/** A list of groups of fields (FAQ entries, navigation links). */
export function list<N extends string, const F extends readonly Field[], const O extends Options<unknown[]>>(
  name: N,
  fields: F,
  opts: O = {} as O,
): Field<N, Out<Array<DataOf<F>>, O>> {
  const zod = (ctx: ZodContext) => z.array(zodObject(fields, ctx), { error: "must be a list" });
  return field("list", name, opts, zod, () => ({ widget: "list", fields: fields.map(toDecapField) }));
}

/** A strict zod object (unknown keys are errors) from a field list, each field optional or defaulted as declared. */
export function zodObject<F extends readonly Field[]>(fields: F, ctx: ZodContext): z.ZodType<DataOf<F>> {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) {
    const inner = f.zod(ctx);
    shape[f.name] = f.default !== undefined ? inner.default(f.default as never) : f.required ? inner : inner.optional();
  }
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === "unrecognized_keys" ? `unknown key${iss.keys.length > 1 ? "s" : ""}: ${iss.keys.join(", ")}` : "must be a group of fields",
  }) as unknown as z.ZodType<DataOf<F>>;
}

/** The Decap field for a schema field. */
export function toDecapField(field: Field): DecapField {
  const out = { name: field.name, label: field.label, ...field.decap(), required: field.required, hint: field.hint, default: field.default };
  return Object.fromEntries(Object.entries(out).filter(([, value]) => value !== undefined)) as DecapField;
}
