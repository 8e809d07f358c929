import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Imports run one way: domain → state → features → app. The domain is framework-free, and the
// runtime never imports the compiler (a player can load a precompiled model).
const FRAMEWORK = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'i18next', 'react-i18next', '@xstate/react'];
const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'scratch', 'test-results', 'playwright-report', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': restrict([
        { group: FRAMEWORK, message: 'src/domain is framework-free: no React, zustand, i18next or @xstate/react.' },
        { group: ['**/state/**', '**/features/**', '**/app/**', '**/components/**', '**/cli/**'], message: 'Imports run one way: domain → state → features → app.' },
        { group: ['node:*', 'fs', 'path'], message: 'src/domain runs in the browser too: no Node built-ins.' },
      ]),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator'],
    },
  },
  {
    files: ['src/domain/runtime/**/*.ts', 'src/domain/scoring/**/*.ts', 'src/domain/explorer/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: FRAMEWORK, message: 'src/domain is framework-free: no React, zustand, i18next or @xstate/react.' },
        { group: ['**/compiler/**', '**/state/**', '**/features/**', '**/app/**', '**/cli/**'], message: 'The runtime never imports the compiler: it plays precompiled models.' },
        { group: ['node:*', 'fs', 'path'], message: 'src/domain runs in the browser too: no Node built-ins.' },
      ]),
    },
  },
  {
    // Replays, attempt files and cohort reports run in the browser's lazily loaded chunks: they play
    // precompiled models, and verifying an imported file takes the compiler as an argument.
    files: ['src/domain/replay/**/*.ts', 'src/domain/cohort/**/*.ts', 'src/domain/attempts/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: FRAMEWORK, message: 'src/domain is framework-free: no React, zustand, i18next or @xstate/react.' },
        { group: ['**/compiler/**', '**/state/**', '**/features/**', '**/app/**', '**/cli/**'], message: 'Replays, attempt files and cohort reports never import the compiler: verification takes it as an argument.' },
        { group: ['node:*', 'fs', 'path'], message: 'src/domain runs in the browser too: no Node built-ins.' },
      ]),
    },
  },
  {
    files: ['src/state/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict([{ group: ['**/features/**', '**/app/**'], message: 'Imports run one way: domain → state → features → app.' }]) },
  },
  {
    files: ['src/features/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict([{ group: ['**/app/**'], message: 'Imports run one way: domain → state → features → app.' }]) },
  },
);
