// Lint: ESLint's and typescript-eslint's recommended rules, with `any` an error. (Biome was the
// first choice, but its per-platform binaries are optional dependencies that npm 11 leaves out of
// the lockfile when a registry lacks them, and then `npm ci` refuses that lockfile: npm/cli#9846.)
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '**/*.volley-*.mjs', 'results/**', '.volley/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
