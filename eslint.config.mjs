// The repository lints its own code with typescript-eslint's strict set, and enforces the architecture's invariants:
// the core in rules/ imports no host and does no I/O (ARCHITECTURE.md, "Invariants").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const hostModules = [
  'eslint', '@typescript-eslint/*', 'vscode', 'vscode-languageserver', 'vscode-languageserver/*',
  'vscode-languageclient', 'vscode-languageclient/*', 'vscode-jsonrpc', 'vscode-jsonrpc/*',
  'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'http', 'node:http', 'https', 'node:https',
  'child_process', 'node:child_process', 'worker_threads', 'node:worker_threads',
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**', '**/node_modules/**', 'examples/**', 'bench/corpus/**', 'test/**/fixtures/**',
      'test/e2e/.tools/**', 'test/e2e/artifacts/**', 'coverage/**', '**/*.d.ts', '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['rules/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: hostModules, message: 'rules/ is the host-neutral core: no host APIs and no I/O (see ARCHITECTURE.md).' }],
      }],
      'no-console': 'error',
      'no-restricted-globals': ['error', { name: 'process', message: 'rules/ reads no environment; take it as input.' }],
      'no-restricted-syntax': ['error', {
        selector: "ImportDeclaration[source.value='typescript'][importKind='value'] > ImportNamespaceSpecifier",
        message: "Use `import ts from 'typescript'` (or `import type * as ts`): a namespace import reads every ts.x through an esModuleInterop getter, which the benchmark measured (BENCHMARKS.md, \"Fixed in the second pass\").",
      }],
    },
  },
);
