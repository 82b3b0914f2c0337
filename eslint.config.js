// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'dist.*/', '.cache/', '.prof/', 'node_modules/', '.astro/', 'tests/fixtures/', 'content/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  // The theme switch is served as it is from public/ and runs in the browser.
  { files: ['public/**/*.js'], languageOptions: { globals: { ...globals.browser }, sourceType: 'script' } },
  // The search page's wrapper of Pagefind's worker, copied into the build as it is.
  {
    files: ['src/integrations/warta-pagefind-worker.js'],
    languageOptions: { globals: { ...globals.worker }, sourceType: 'script' },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // src/lib holds plain logic over plain data (see README, "A map of the code"): no Astro, no file
  // system, no processes or threads, no build state. Code that needs them lives in src/files/,
  // src/data/, src/loaders/, src/integrations/ or src/cli/ and passes plain values in. `astro/zod` is
  // zod itself, re-exported so that the schema and `content.config.ts` share one copy.
  {
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'astro', message: 'src/lib is free of Astro: pass plain values in.' }],
          patterns: [
            {
              regex: '^(node:)?(fs|fs/promises|child_process|worker_threads|cluster|os|process|net|http|https)$',
              message: 'src/lib does no I/O: read or write files in src/files/ and pass the contents in.',
            },
            { regex: '^(tinyglobby|fast-glob|glob)$', message: 'src/lib does no I/O: list files in src/files/.' },
            { regex: '^astro:', message: 'src/lib is free of Astro: query content in src/data/.' },
            { regex: '^astro/(?!zod$)', message: 'src/lib is free of Astro (astro/zod is allowed).' },
            {
              regex: '(^|/)(data|files|loaders|integrations|cli|client|pages|components|layouts|verify|bench)(/|$)',
              message: 'src/lib is imported by the rest of the code, never the other way round.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/lib takes the environment, the clock and the streams as parameters.' },
      ],
    },
  },
);
