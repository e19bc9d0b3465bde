// ESLint flat config: the recommended rules of ESLint, typescript-eslint and
// eslint-plugin-svelte, without type-aware rules (svelte-check and tsc cover types).
// Formatting is Prettier's job (npm run format), so no stylistic rules here.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      '.ssr-*/**',
      'node_modules/**',
      'content/**',
      'test-results/**',
      'playwright-report/**',
      'bench/**/*.json',
      '.stryker-tmp/**'
    ]
  },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }
      ],
      // State here holds fresh snapshots in $state.raw, replaced whole, never a Set or Map
      // mutated in place (see ARCHITECTURE.md); local Maps built inside $derived are fine.
      'svelte/prefer-svelte-reactivity': 'off',
      // `{', '}` keeps a space Svelte 5 trims at the edge of a block.
      'svelte/no-useless-mustaches': 'off'
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig }
    }
  }
);
