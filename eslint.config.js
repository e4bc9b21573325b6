// Lint: ESLint's and typescript-eslint's recommended rules, with `any` an error. (Biome was the
// first choice, but its per-platform binaries are optional dependencies that npm 11 leaves out of
// the lockfile when a registry lacks them, and then `npm ci` refuses that lockfile: npm/cli#9846.)
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const BROWSER_CODE = ['src/outputs/browser', 'src/outputs/compare/browser', 'src/outputs/html/browser', 'src/ui/browser'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '**/*.volley-*.mjs', 'results/**', '.volley/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { ignores: BROWSER_CODE.map((folder) => `${folder}/**`), languageOptions: { globals: globals.node } },
  // The code bundled for the pages (see src/outputs/browser-bundles.ts) runs in a browser only.
  { files: BROWSER_CODE.map((folder) => `${folder}/**/*.ts`), languageOptions: { globals: globals.browser } },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Small files and short functions (docs/architecture.md): a file that outgrows 400 lines holds
  // two concepts, and a function over 80 lines wants named steps. Tables and generated data may
  // say so with an eslint-disable comment giving the reason.
  {
    files: ['src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
);
