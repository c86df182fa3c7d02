/** Builds each shared fixture site once per test run (sequentially: the machine has two cores). */
import { buildSite, FIXTURE_SITES, writeExampleScheduleContent } from "./build.ts";

export default async function setup() {
  if (process.env["P2P_SKIP_FIXTURE_BUILDS"]) return;
  writeExampleScheduleContent();
  for (const site of Object.values(FIXTURE_SITES)) {
    const started = Date.now();
    await buildSite(site);
    console.log(`built fixture site ${site.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
