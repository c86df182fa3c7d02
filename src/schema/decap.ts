/**
 * The Decap CMS configuration, built from the one content schema (./index.ts) so the CMS and the site cannot disagree
 * on folders, fields, widgets, required flags, defaults, patterns or hints. Every collection becomes a CMS collection:
 * a folder collection, or a "files" collection for a single-file spec. https://decapcms.org/docs/configuration-options/
 */
import { collections, type CollectionSpec } from "./index.ts";
import { toDecapField, type DecapField } from "./fields.ts";

/** Where the CMS reads and writes, and how it logs in. */
export interface DecapOptions {
  /** Content folder relative to the repository root (Decap paths are repo-relative). */
  contentPath: string;
  /** GitHub backend (production): "owner/name", branch, and the OAuth provider's origin and endpoint (absent: Netlify's). */
  github: { repo: string; branch: string; baseUrl?: string | undefined; authEndpoint?: string | undefined };
  /** The local decap-server API (`http://127.0.0.1:8081/api/v1`): used only when the CMS is opened on localhost. */
  localProxyUrl: string;
  /** Public site URL, for "view live" links and the link back to the site. */
  siteUrl: string;
  /** The site's mark, shown on the login screen and in the CMS header. */
  logoUrl?: string | undefined;
  /** Today in the site's time zone (YYYY-MM-DD): adds a "Scheduled" filter for entries dated later. */
  today?: string | undefined;
}

/** A Decap collection (https://decapcms.org/docs/configuration-options/#collections), typed as far as the site reads it. */
export interface DecapCollection {
  name: string;
  files?: Array<{ name: string; label: string; file: string; fields: DecapField[] }>;
  fields?: DecapField[];
  [key: string]: unknown;
}

/** The Markdown body of `md` collections (Decap keeps it after the front matter when the field is named `body`). */
export const BODY_FIELD: DecapField = {
  name: "body",
  label: "Body",
  widget: "markdown",
  // Rich text for the author, raw Markdown one click away. Saving a post unchanged keeps its body as written; an edit
  // in rich-text mode re-writes the Markdown (list markers, table padding), never the rendered page (local-cms.test.ts).
  modes: ["rich_text", "raw"],
  // Decap's own preview of this field never runs script from content.
  sanitize_preview: true,
  required: false,
  hint: "Add pictures with the + button (Image). Big photos are made smaller for you, and readers get a size that fits their screen.",
};

/** CMS touches that are not content schema (list summaries, filters, whether authors create entries), by collection. */
const extras = (today: string | undefined): Record<string, Record<string, unknown>> => ({
  posts: {
    label_singular: "Post",
    description: "Blog posts. A publish date later than today schedules a post for that day; a post marked Draft never appears on the site.",
    create: true,
    // The list shows each post's date; admin/list-marks.ts marks drafts and scheduled posts.
    summary: "{{title}} · {{date}}",
    sortable_fields: ["date", "title"],
    view_filters: [
      ...(today ? [{ label: "Scheduled (date after today)", field: "date", pattern: laterThanPattern(today) }] : []),
      { label: "Drafts", field: "draft", pattern: true },
      { label: "Not drafts", field: "draft", pattern: false },
    ],
    view_groups: [
      { label: "Year", field: "date", pattern: "\\d{4}" },
      { label: "Draft", field: "draft" },
    ],
  },
  pages: { label_singular: "Page", create: false, delete: false },
});

/**
 * A regular expression matching `YYYY-MM-DD...` values later than `day`
 * (Decap view filters take a pattern, not a comparison): for each digit, the
 * same prefix followed by a bigger digit.
 */
export function laterThanPattern(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a YYYY-MM-DD day: ${day}`);
  const alternatives: string[] = [];
  for (let i = 0; i < day.length; i++) {
    const c = day[i]!;
    if (c === "-" || c === "9") continue;
    alternatives.push(`${day.slice(0, i)}[${Number(c) + 1}-9]`);
  }
  return `^(${alternatives.join("|")})`;
}

export function toDecapCollection(spec: CollectionSpec, options: Pick<DecapOptions, "contentPath" | "today">): DecapCollection {
  const isMd = spec.format === "md";
  const fields = [...spec.fields.map(toDecapField), ...(isMd ? [{ ...BODY_FIELD }] : [])];
  const folder = [options.contentPath, spec.folder].filter(Boolean).join("/");
  // Uploads sit next to the entries, in `<folder>/images/`, and are written into
  // content as relative paths (`images/photo.jpg`): Astro's `image()` and its
  // Markdown image handling resolve those relative to the file and optimise them.
  const common = { name: spec.name, label: spec.label, ...(isMd ? { media_folder: "images", public_folder: "images" } : {}) };
  if (spec.file) {
    return {
      ...common,
      delete: false,
      files: [{ name: spec.file.replace(/\.[^.]+$/, ""), label: spec.label, file: `${folder}/${spec.file}`, fields }],
    };
  }
  return {
    ...common,
    folder,
    create: false,
    extension: isMd ? "md" : "yaml",
    format: isMd ? "frontmatter" : "yml",
    // File name from the title's slug; Decap's `slug` settings below make it lowercase ASCII with dashes.
    slug: "{{slug}}",
    ...extras(options.today)[spec.name],
    fields,
  };
}

/**
 * How Decap turns a title into a file name: ASCII only, accents dropped, other characters replaced by hyphens. Decap
 * keeps "_" and "~", which the address rule refuses, so the CMS also checks the name before saving (admin/slug-guard.ts).
 */
export const SLUG_SETTINGS = { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" } as const;

export function decapConfig(options: DecapOptions) {
  const { repo, branch, baseUrl, authEndpoint } = options.github;
  return {
    load_config_file: false,
    backend: {
      name: "github",
      repo,
      branch,
      squash_merges: true,
      ...(baseUrl ? { base_url: baseUrl } : {}),
      ...(authEndpoint ? { auth_endpoint: authEndpoint } : {}),
    },
    // Used only when the CMS runs on localhost/127.0.0.1 and decap-server answers there.
    local_backend: { url: options.localProxyUrl, allowed_hosts: ["localhost", "127.0.0.1"] },
    // Draft → In review → Ready → Published on GitHub. decap-server's file-system
    // mode only knows "simple", and Decap switches to it by itself locally.
    publish_mode: "editorial_workflow",
    site_url: options.siteUrl,
    display_url: options.siteUrl,
    ...(options.logoUrl ? { logo: { src: options.logoUrl, show_in_header: true } } : {}),
    // Every upload becomes a JPEG that looks like the original, without camera metadata (where a phone photo was taken).
    // Decap cannot cap a size (its `width` enlarges small pictures): admin/upload-guard.ts fits wider photos first.
    media_processing: { enabled: true, format: { enabled: true, default: "jpeg" }, quality: 85, strip_metadata: true },
    // Required globally; every Markdown collection overrides it with its own `images/` folder.
    media_folder: `${options.contentPath}/posts/images`,
    public_folder: "images",
    slug: SLUG_SETTINGS,
    collections: (Object.values(collections) as CollectionSpec[]).map((spec) => toDecapCollection(spec, options)),
  } as const;
}
