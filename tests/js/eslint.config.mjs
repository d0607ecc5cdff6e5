// ESLint's recommended rules over the browser script's modules and their unit tests. The
// core's modules get no browser globals: a core module that touches the page fails no-undef.
import js from "@eslint/js";
import globals from "globals";

export const CORE = ["shapes", "upgrades", "scoring", "ticks", "teamcodes", "storage", "transfer"]
  .map((name) => `generator/assets/js/${name}.mjs`);

export default [
  js.configs.recommended,
  {
    files: ["generator/assets/js/*.mjs"],
    ignores: CORE,
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.browser },
  },
  {
    files: CORE,
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: {} },
  },
  {
    files: ["tests/js/**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
];
