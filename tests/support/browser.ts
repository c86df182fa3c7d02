/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser).
 * One browser per test file; pages are cheap.
 */
import fs from "node:fs";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";

/**
 * The Chromium binary: $CHROME_PATH, else Debian's. Tests prefer chromium-headless-shell, Chromium's
 * own headless build (the one Playwright runs headless by default): the same engine, with about half
 * the CPU of the full browser for the same pages. `full` asks for the browser readers and the author
 * use, for figures a person feels (the benchmark's page weights, CMS times and Lighthouse).
 */
export function chromePath(full = false): string {
  const browsers = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const candidates = [process.env["CHROME_PATH"], ...(full ? browsers : ["/usr/bin/chromium-headless-shell", ...browsers])].filter(
    Boolean,
  ) as string[];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error("Chromium not found: install Debian's chromium-headless-shell or chromium (apt-get install -y ...) or set CHROME_PATH");
  return found;
}

/** Flags that keep Chromium off the (closed) network and quiet in CI. */
export const CHROME_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/** Launches headless Chromium (`full`: see `chromePath`). */
export function launchBrowser(options: LaunchOptions = {}, full = false): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath(full), headless: true, args: CHROME_FLAGS, ...options });
}
