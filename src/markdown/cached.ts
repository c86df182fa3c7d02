/**
 * Short Markdown fields rendered once per build: the program callout's text
 * appears on every post page, so rendering it each time cost half a second
 * of a 1,000-post build.
 */
import { renderMarkdown, type PipelineOptions, type RenderedMeta } from "./pipeline.ts";

const cache = new Map<string, Promise<{ html: string; meta: RenderedMeta }>>();
/** Program fields number in the dozens; the bound only guards against unexpected use. */
const MAX_ENTRIES = 1_000;

/** `renderMarkdown`, remembered by text and options. */
export function renderMarkdownCached(markdown: string, options: PipelineOptions = {}): Promise<{ html: string; meta: RenderedMeta }> {
  const key = JSON.stringify([options.siteUrl ?? null, options.base ?? null, markdown]);
  let rendered = cache.get(key);
  if (!rendered) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    rendered = renderMarkdown(markdown, options);
    cache.set(key, rendered);
  }
  return rendered;
}
