// Lint and type-aware checks; the language service is fenced off from editor and Node APIs.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/out/**', '**/dist/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/**', '**/*.d.ts'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      curly: 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'The language service must not depend on VS Code.' },
          { name: 'fs', message: 'The language service gets file access injected (FileSystemAccess).' },
          { name: 'node:fs', message: 'The language service gets file access injected (FileSystemAccess).' },
          { name: 'path', message: 'Use service/util/paths: the service must run anywhere.' },
          { name: 'node:path', message: 'Use service/util/paths: the service must run anywhere.' },
          { name: 'child_process', message: 'The language service must not run processes.' },
          { name: 'node:child_process', message: 'The language service must not run processes.' },
        ],
        patterns: [
          { group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'Only the types and textdocument packages are allowed in the service.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The language service must not read the process environment.' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
