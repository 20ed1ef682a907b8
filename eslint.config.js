// ESLint (flat config), run by `npm run lint` as part of `npm test`: the recommended JavaScript
// rules and typescript-eslint's type-checked recommended rules over farm/, bin/, test/ and bench/,
// and a length limit for the farm's functions.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'workspace*/']),
  {
    files: ['farm/**/*.ts', 'bin/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Functions of the farm read as a few named steps: none is longer than 60 lines (blank lines and
    // comments not counted). Tests and benchmarks are scripts of cases and are not held to it.
    files: ['farm/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }] },
  },
  {
    // Plain JavaScript (the bin/ entry point, tool configs) is outside tsconfig.json: no type information.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [js.configs.recommended, tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
