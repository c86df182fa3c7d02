/**
 * One Chromium and one static server over a built fixture site for a test file:
 * started before its tests, closed after them.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser.ts";
import { fixtureDist, type FixtureName } from "./build.ts";
import { serveDist, type Served } from "./serve.ts";

/** What the tests use; the fields are set once `beforeAll` has run. */
export interface FixtureBrowser {
  browser: Browser;
  server: Served;
}

/** Registers the hooks and returns the holder of the browser and the server. */
export function useFixtureBrowser(site: FixtureName = "main"): FixtureBrowser {
  const fixture = {} as FixtureBrowser;
  beforeAll(async () => {
    fixture.server = await serveDist(fixtureDist(site));
    fixture.browser = await launchBrowser();
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.server?.close();
  });
  return fixture;
}
