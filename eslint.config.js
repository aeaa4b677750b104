// Lint fails CI on any error or warning (`--max-warnings 0` in package.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** What neither the checks nor the formatters may import (relative paths inside src). */
const OUTSIDE_LAYERS = ['**/parse/*', '**/ingest/*', '**/cli/*', '**/extract/*', '**/fetch/*', '**/node.js', '**/lint.js', '**/check.js', '**/config.js', '**/rule-dirs.js', '**/rule-load.js'];
const LAYER_MESSAGE = 'Checks and formatters import only src/model and src/format (and, for checks, the engine): move the helper there or have the parser put the value into the model.';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Plain scripts (bench, worker shims) run on Node: give them its globals.
  { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
  // Layers (issue 17): the checks and the formatters read the report model (src/model) and the
  // format's definitions (src/format), never the parser, the input readers, the CLI or the batch
  // runner, so that each can change without the others.
  {
    files: ['src/engine/checks/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...OUTSIDE_LAYERS, '**/batch/*', '**/report/*', '**/summary/*'], message: LAYER_MESSAGE }] }],
    },
  },
  {
    files: ['src/report/**/*.ts', 'src/summary/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          // The batch's result types are what a summary formats; its code is not.
          { group: ['**/batch/*'], allowTypeImports: true, message: LAYER_MESSAGE },
          { group: [...OUTSIDE_LAYERS, '**/engine/**'], message: LAYER_MESSAGE },
        ],
      }],
    },
  },
  {
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'prefer-const': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
);
