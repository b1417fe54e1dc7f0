// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_MODULES = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'http',
  'https',
  'stream',
  'util',
  'buffer',
  'events',
  'worker_threads',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'release',
      '.tmp',
      'test-results',
      'bench/results.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Sanitisers strip control characters on purpose (XML 1.0, file names).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', '*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
  {
    // The benchmark driver passes functions to page.evaluate / addInitScript: they run in the page.
    files: ['scripts/bench.mjs'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        MutationObserver: 'readonly',
        MessageChannel: 'readonly',
        requestAnimationFrame: 'readonly',
      },
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', ...NODE_MODULES],
              message: 'The renderer talks to the main process only through shared/contract.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // shared/ is pure TypeScript used by main and renderer: no electron, node, react or DOM.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'shared/ must not import electron.' },
            { group: ['node:*', ...NODE_MODULES], message: 'shared/ must not import Node built-ins.' },
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'antd', 'dexie'],
              message: 'shared/ must not import UI or storage libraries.',
            },
            {
              group: ['../renderer/*', '../../renderer/*', '../electron/*', '../../electron/*'],
              message: 'shared/ must not depend on main or renderer.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'indexedDB',
          'location',
          'fetch',
          'process',
          'require',
          'Buffer',
          '__dirname',
        ].map((name) => ({
          name,
          message: `shared/ is pure: no DOM or Node global (${name}).`,
        })),
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'antd', 'dexie', '../renderer/*'],
              message: 'electron/ must not import renderer code.',
            },
          ],
        },
      ],
    },
  },
);
