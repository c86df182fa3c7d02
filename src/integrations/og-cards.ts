/**
 * Social cards (1200x630 PNG) as a build-end step rather than Astro pages:
 * at `astro:build:done` it lists the cards the site needs from the content
 * check's entries (src/lib/content/last-check.ts), renders only those missing
 * from the disk cache and links the rest into the output folder. In `astro dev`
 * a small middleware renders (and caches) a card when its URL is asked for.
 * https://docs.astro.build/en/reference/integrations-reference/#astrobuilddone
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { contentCheck } from "../lib/content/last-check.ts";
import { readContentFile } from "../lib/content/read.ts";
import { collectionFiles, type Entry } from "../lib/content/validate.ts";
import { ensureCached } from "../lib/og/cache.ts";
import { neededCards, postCard, programCard, type NeededCard } from "../lib/og/needed.ts";
import { publishCards } from "../lib/og/publish.ts";
import { contentDir } from "../config/paths.ts";
import { nowFromEnv } from "../lib/posts.ts";
import { loadSettings } from "../lib/settings.ts";
import { collectionSchema, collections, type CollectionSpec } from "../schema/index.ts";

/** Reads one content file as a checked entry (dev reads just the file asked for). */
function readEntry(file: string, spec: CollectionSpec, timeZone: string): Entry {
  const parsed = readContentFile(file);
  const result = collectionSchema(spec, { timeZone }).safeParse(parsed.data);
  const slug = path.basename(file).replace(/\.[^.]+$/, "");
  return { ...parsed, collection: spec, slug, ...(result.success ? { value: result.data } : {}) };
}

/** The card behind a dev request path (base already removed), or undefined when there is none. Dev shows drafts and scheduled posts, as its pages do. */
function devCard(sitePath: string): NeededCard | undefined {
  const settings = loadSettings();
  const root = contentDir();
  if (sitePath === "/og/program.png") {
    const [file] = collectionFiles(root, collections.program);
    return file ? programCard(readEntry(file, collections.program, settings.timeZone), settings) : undefined;
  }
  const slug = /^\/og\/posts\/([^/]+)\.png$/.exec(sitePath)?.[1];
  if (!slug) return undefined;
  const file = collectionFiles(root, collections.posts).find((f) => path.basename(f).replace(/\.[^.]+$/, "") === decodeURIComponent(slug));
  return file ? postCard(readEntry(file, collections.posts, settings.timeZone), settings, nowFromEnv(), true) : undefined;
}

/** Serves `/og/...png` in dev; everything else goes on to Astro. */
function devMiddleware(base: string, logger: AstroIntegrationLogger) {
  const prefix = base.replace(/\/$/, "");
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = (req.url ?? "").split("?")[0]!;
    const sitePath = prefix && url.startsWith(`${prefix}/`) ? url.slice(prefix.length) : url;
    if (!sitePath.startsWith("/og/") || !sitePath.endsWith(".png")) return next();
    let card: NeededCard | undefined;
    try {
      card = devCard(sitePath);
    } catch (err) {
      logger.warn(`social card ${sitePath}: ${(err as Error).message}`);
    }
    if (!card) return next();
    ensureCached(card.input).then(
      ({ file }) => {
        res.setHeader("Content-Type", "image/png");
        res.setHeader("Cache-Control", "no-cache");
        res.end(fs.readFileSync(file));
      },
      (err: unknown) => {
        logger.error(`social card ${sitePath} failed: ${(err as Error).message}`);
        res.statusCode = 500;
        res.end();
      },
    );
  };
}

/** The social cards integration. */
export default function ogCards(): AstroIntegration {
  let base = "/";
  return {
    name: "path2practice:og-cards",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
      },
      "astro:server:setup": ({ server, logger }) => {
        server.middlewares.use(devMiddleware(base, logger));
      },
      "astro:build:done": async ({ dir, logger }) => {
        const started = performance.now();
        const settings = loadSettings();
        const { entries } = contentCheck(contentDir(), settings.timeZone);
        const cards = neededCards(entries, settings, nowFromEnv());
        const stats = await publishCards(cards, fileURLToPath(dir));
        const ms = Math.round(performance.now() - started);
        logger.info(`social cards: ${stats.needed} needed, ${stats.rendered} rendered, ${stats.reused} reused in ${ms} ms`);
      },
    },
  };
}
