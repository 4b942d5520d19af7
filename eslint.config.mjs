// Lint and type-aware checks; the language service is fenced off from editor and Node APIs.
import tseslint from 'typescript-eslint';

const SERVICE_PATHS = [
  { name: 'vscode', message: 'The language service must not depend on VS Code.' },
  { name: 'fs', message: 'The language service gets file access injected (FileSystemAccess).' },
  { name: 'node:fs', message: 'The language service gets file access injected (FileSystemAccess).' },
  { name: 'path', message: 'Use service/util/paths: the service must run anywhere.' },
  { name: 'node:path', message: 'Use service/util/paths: the service must run anywhere.' },
  { name: 'child_process', message: 'The language service must not run processes.' },
  { name: 'node:child_process', message: 'The language service must not run processes.' },
];
const SERVICE_PATTERNS = [
  {
    group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'],
    message: 'Only the types and textdocument packages are allowed in the service.',
  },
];

/**
 * The fence for one part of the service: no editor, Node or process APIs, plus `patterns`
 * (flat config replaces a rule's options per matching block, so every block repeats the base).
 */
function serviceFence(files, patterns) {
  return {
    files: [files],
    rules: {
      'no-restricted-imports': ['error', { paths: SERVICE_PATHS, patterns: [...SERVICE_PATTERNS, ...patterns] }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The language service must not read the process environment.' }],
    },
  };
}

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
  // The service, and inside it the layers: rules and features read the model layer (parser,
  // data, model, util, version, types) and the engine's rule types, never each other.
  serviceFence('server/src/service/**/*.ts', []),
  serviceFence('server/src/service/rules/**/*.ts', [
    { group: ['../features', '../features/*'], message: 'Rules never import features: share through the model layer (model/, data/, util/).' },
    { group: ['../engine/validate', '../engine/registry', '../engine/codes', '../index'], message: 'Rules import only engine/rule from the engine.' },
  ]),
  {
    // A release that changed something is a named constant (model/reading.ts SINCE), not a literal.
    files: ['server/src/service/rules/**/*.ts', 'server/src/service/features/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.name=/^(atLeast|before)$/] > Literal.arguments',
          message: 'Name the release: add it to SINCE in model/reading.ts and compare with SINCE.<name>.',
        },
      ],
    },
  },
  serviceFence('server/src/service/features/**/*.ts', [
    { group: ['../rules', '../rules/*'], message: 'Features never import rules: use the model layer, or engine/registry to look a rule up by id.' },
  ]),
  serviceFence('server/src/service/{model,parser,data,util,companion}/**/*.ts', [
    {
      group: ['../rules', '../rules/*', '../features', '../features/*', '../engine', '../engine/*', '../index'],
      message: 'The model layer (parser, data, model, util; companion files) does not depend on rules, features or the engine.',
    },
  ]),
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
