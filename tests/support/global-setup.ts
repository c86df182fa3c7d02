/**
 * Builds each shared fixture site once per test run, two at a time: an Astro build keeps
 * about one core busy, and the machine the suite is sized for has two.
 */
import { buildSite, FIXTURE_SITES, writeExampleScheduleContent, type SiteBuild } from "./build.ts";

async function timedBuild(site: SiteBuild): Promise<void> {
  const started = Date.now();
  await buildSite(site);
  console.log(`built fixture site ${site.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export default async function setup() {
  if (process.env["P2P_SKIP_FIXTURE_BUILDS"]) return;
  writeExampleScheduleContent();
  const queue: SiteBuild[] = Object.values(FIXTURE_SITES);
  const builder = async () => {
    for (let site = queue.shift(); site; site = queue.shift()) await timedBuild(site);
  };
  await Promise.all([builder(), builder()]);
}
