/** The Astro hook that writes each host's files into the build output when the build is done (src/deploy/host-files.ts). */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { contentDir } from "../config/paths.ts";
import { writeHostFiles } from "../deploy/host-files.ts";
import { normaliseBase } from "../deploy/policy.ts";

export default function deploy(): AstroIntegration {
  let base = "/";
  let site = "";
  return {
    name: "path2practice:deploy",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = normaliseBase(config.base);
        site = config.site ?? "";
      },
      "astro:build:done": ({ dir, logger }) => {
        writeHostFiles({ dist: fileURLToPath(dir), base, site, redirectsFile: path.join(contentDir(), "settings", "redirects.yaml") }, logger);
      },
    },
  };
}
