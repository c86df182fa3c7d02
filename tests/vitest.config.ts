import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Paths below are relative to the project, not to this folder.
  root: path.resolve(import.meta.dirname, ".."),
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/.tmp/**", "node_modules/**"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Builds and browsers share two cores; more workers only thrash.
    maxWorkers: 2,
  },
});
