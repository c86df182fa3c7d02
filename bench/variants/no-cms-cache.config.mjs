// @ts-check
/**
 * The site's configuration with the CMS script bundled on every build (no cache): `npm run bench` builds warm with
 * it too, to show what the cache saves.
 */
import config from "../../astro.config.mjs";
import cmsBundle from "../../src/integrations/cms-bundle.ts";

export default {
  ...config,
  integrations: (config.integrations ?? []).map((i) => (i && "name" in i && i.name === "path2practice:cms-bundle" ? cmsBundle({ cache: false }) : i)),
};
