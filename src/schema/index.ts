/**
 * The one content schema. `src/content.config.ts` (Astro), the CMS config
 * (./decap.ts) and the content checker are all built from this table.
 */
import type { z } from "astro/zod";
import { zodObject, type DataOf, type Field, type ZodContext } from "./fields.ts";
import { pageFields } from "./page.ts";
import { checkPost, postFields } from "./post.ts";
import { programFields } from "./program.ts";
import { redirectFields } from "./redirects.ts";
import { settingsFields } from "./settings.ts";

/** A content collection: where its files live and which fields they have. */
export interface CollectionSpec<F extends readonly Field[] = readonly Field[]> {
  /** Collection name (Astro collection and Decap collection). */
  name: string;
  /** Label in the CMS sidebar. */
  label: string;
  /** Folder below the content directory. */
  folder: string;
  /** Files with a Markdown body (`md`) or plain data files (`yaml`). */
  format: "md" | "yaml";
  /** The file inside `folder` of a single-file collection (a Decap "files" collection); without it, every file is an entry. */
  file?: string;
  fields: F;
  /** Rules that span several fields: problems as field name and message. */
  refine?: (data: Record<string, unknown>) => Array<{ path: string; message: string }>;
}

/** Every collection of the site. */
export const collections = {
  posts: { name: "posts", label: "Posts", folder: "posts", format: "md", fields: postFields, refine: checkPost },
  pages: { name: "pages", label: "Pages", folder: "pages", format: "md", fields: pageFields },
  settings: { name: "settings", label: "Site settings", folder: "settings", format: "yaml", file: "site.yaml", fields: settingsFields },
  redirects: { name: "redirects", label: "Redirects", folder: "settings", format: "yaml", file: "redirects.yaml", fields: redirectFields },
  program: { name: "program", label: "Program page", folder: "pages", format: "yaml", file: "program.yaml", fields: programFields },
} as const satisfies Record<string, CollectionSpec>;

/** The strict zod schema for a collection, with its cross-field rules. */
export function collectionSchema<F extends readonly Field[]>(spec: CollectionSpec<F>, ctx: ZodContext): z.ZodType<DataOf<F>> {
  return zodObject(spec.fields, ctx).superRefine((data, zctx) => {
    for (const { path, message } of spec.refine?.(data) ?? []) zctx.addIssue({ code: "custom", path: [path], message });
  });
}

/** A field's path as the author counts: "redirects entry 3 from" for an entry of a list (from 1, as in the CMS), else dotted ("tags.1"). */
export function fieldPath(p: PropertyKey[]): string {
  return p
    .map((part, i) =>
      typeof part === "number" && i < p.length - 1 ? ` entry ${part + 1} ` : `${i > 0 && typeof p[i - 1] !== "number" ? "." : ""}${String(part)}`,
    )
    .join("")
    .trim();
}

/** Validated data of each collection. */
export type SettingsData = DataOf<typeof settingsFields>;
export type ProgramData = DataOf<typeof programFields>;

export type { DataOf, Field } from "./fields.ts";
