// @ts-check
/**
 * The site's configuration without Astro's incremental build: `npm run bench`
 * builds warm and after one changed post with it too, to show what the flag saves.
 */
import config from "../../astro.config.mjs";

export default { ...config, experimental: { ...config.experimental, incrementalBuild: false } };
