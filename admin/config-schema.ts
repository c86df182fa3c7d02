/**
 * Stands in for decap-cms-core's `constants/configSchema` in the CMS script
 * (src/integrations/cms-esbuild.ts swaps it in). Decap checks its
 * configuration with ajv on every start: compiling its schema took about
 * 0.4 s of a 2 s login screen, and ajv weighs ~100 KB of script. This site's
 * configuration is not hand-written: src/schema/decap.ts generates it from the
 * same schema as the site (tests/cms/parity.test.ts), and the build for the
 * editorial workflow's browser test (P2P_CMS_TEST_REPO=1) keeps Decap's check,
 * so tests/cms/workflow.test.ts fails on a configuration Decap would refuse.
 */
export function validateConfig(): void {}
