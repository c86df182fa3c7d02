// Type-aware linting for TypeScript and Astro components. Kept in .config/ so the
// project's top level holds only the site; `npm run lint` passes it with -c.
// https://typescript-eslint.io/getting-started/typed-linting
import path from "node:path";
import astro from "eslint-plugin-astro";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/", "node_modules/", ".astro/", "tests/.tmp/", "bench/baseline/dist/", "**/*.d.ts"] },
  ...tseslint.configs.recommendedTypeChecked,
  ...astro.configs["flat/recommended"],
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: path.resolve(import.meta.dirname, ".."), extraFileExtensions: [".astro"] },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["**/*.astro"],
    languageOptions: { parserOptions: { parser: tseslint.parser, projectService: false, project: true } },
    // The Astro parser cannot give typescript-eslint the types of Astro.props and
    // template expressions; `astro check` type-checks those instead.
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
);
