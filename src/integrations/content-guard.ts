/**
 * Checks every content file against the schema before Astro builds, so a bad file stops the build naming the file,
 * line and field (and what YAML hides, like 2017-02-30 becoming March 2). `astro dev` prints them and keeps running.
 */
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { contentDir } from "../config/paths.ts";
import { loadSettings } from "../config/settings.ts";
import { formatProblem, validateContent } from "../content-check/validate.ts";
import { checkImages } from "../content-check/checks/images.ts";
import { checkUnsafeHtml } from "../content-check/checks/unsafe-html.ts";

/** The project (public/ for image paths), also when Astro runs with a root of its own (`--root`). */
const PROJECT = fileURLToPath(new URL("../..", import.meta.url));

export default function contentGuard(): AstroIntegration {
  return {
    name: "path2practice:content-guard",
    hooks: {
      "astro:config:setup": ({ command, logger }) => {
        const root = contentDir();
        const { timeZone } = loadSettings();
        const { entries, problems } = validateContent(root, timeZone);
        // Image files are judged before Astro reads them: an SVG, a file that is not what its name says,
        // one over the pixel cap or outside the content folder must never reach the published site.
        const imageProblems = checkImages({ root, projectRoot: PROJECT, entries });
        // What the sanitizer would remove is an error too, so the build never drops part of a post unnoticed.
        const errors = [...problems, ...imageProblems, ...checkUnsafeHtml({ entries })].filter((p) => p.severity === "error");
        if (errors.length === 0) return;
        const report = errors.map((p) => formatProblem(p)).join("\n");
        if (command === "build") {
          const failure = new Error(`The build stopped: ${errors.length} content problem${errors.length > 1 ? "s" : ""} to fix first.\n${report}`);
          // The list of problems is the whole story; a stack trace of this file would only distract the author.
          failure.stack = failure.message;
          throw failure;
        }
        logger.warn(`Content problems:\n${report}`);
      },
    },
  };
}
