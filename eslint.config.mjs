// The lint gate (npm run lint, part of npm test): ESLint with typescript-eslint's type-checked
// rules on the product code, Microsoft's rules for Office.js (eslint-plugin-office-addins) and the
// React hooks rules. Tests get the rules that need no type information: type-checking every test
// file would double the gate's time, and tests read JSON output whose type is `any` by nature.
// Formatting is Prettier's job (npm run format:check), so no stylistic rules here.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

const TYPED = ["src/**/*.{ts,tsx}", "scripts/**/*.ts", "bench/**/*.ts", "examples/**/*.ts"];

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "build/**",
      "build-*/**",
      "coverage/**",
      "test-artifacts/**",
      "node_modules/**",
      "test/fixtures/**",
      "test/corpus/**",
      "**/*.d.ts",
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: TYPED })),
  {
    files: TYPED,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // Office.js: load before read, sync after load, never sync in a loop (Microsoft's own rules).
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/standalone/**/*.{ts,tsx}", "test/taskpane/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    // Tests build and look for control characters on purpose (terminal-safe output, hostile input).
    files: ["test/**/*.{ts,tsx}"],
    rules: { "no-control-regex": "off" },
  },
  {
    // Plain JavaScript (build and helper scripts, the CLI shim, configs): CommonJS.
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
