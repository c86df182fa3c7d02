/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser).
 * One browser per test file; pages are cheap.
 */
import fs from "node:fs";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";

/** The Chromium binary: $CHROME_PATH, else Debian's. */
export function chromePath(): string {
  const candidates = [process.env["CHROME_PATH"], "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error("Chromium not found: install Debian's chromium (apt-get install -y chromium) or set CHROME_PATH");
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

/** Launches headless Chromium. */
export function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath(), headless: true, args: CHROME_FLAGS, ...options });
}
