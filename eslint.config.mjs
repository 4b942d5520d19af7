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

/** What every rule file (and the rule tables) may not import. */
const RULE_PATTERNS = [
  {
    group: ['../features', '../features/*', '../../features', '../../features/*'],
    message: 'Rules never import features: share through the model layer (model/, data/, util/).',
  },
  {
    group: [
      '../engine/validate',
      '../engine/registry',
      '../engine/codes',
      '../index',
      '../../engine/validate',
      '../../engine/registry',
      '../../engine/codes',
      '../../index',
    ],
    message: 'Rules import only rule shapes (engine/rule, engine/certificatePair, engine/companionRule) from the engine.',
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
  // The rule tables (rules/index.ts, rules/companion/index.ts) import the rule files; a rule
  // file never imports another rule file: what two rules share goes to the model layer, or to
  // engine/ when it is a rule shape (engine/certificatePair.ts).
  serviceFence('server/src/service/rules/**/index.ts', RULE_PATTERNS),
  {
    ...serviceFence('server/src/service/rules/**/*.ts', [
      ...RULE_PATTERNS,
      {
        // Relative imports other than the service's layers: a sibling rule, the rule table, or
        // (from rules/companion/) a rule one level up.
        regex:
          '^(\\./|\\.\\./(?!\\.\\./|(engine|model|data|util|parser|companion|version|types)(/|$))|\\.\\./\\.\\./(?!(engine|model|data|util|parser|companion|version|types)(/|$)))',
        message: 'A rule never imports another rule (or the rule table): share through the model layer, or engine/ for a rule shape.',
      },
    ]),
    ignores: ['server/src/service/rules/**/index.ts'],
  },
  {
    // A release that changed something is a named constant (model/reading.ts SINCE, or the
    // catalogue's per-directive facts in data/), never a literal. version.ts lists the releases.
    files: ['server/src/service/**/*.ts'],
    ignores: ['server/src/service/model/reading.ts', 'server/src/service/data/**', 'server/src/service/version.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.name=/^(atLeast|before)$/] > Literal.arguments',
          message: 'Name the release: add it to SINCE in model/reading.ts and compare with SINCE.<name>.',
        },
        {
          selector: 'Literal[value=/^[0-9]+\\.[0-9]+\\.[0-9]+$/]:not(CallExpression[callee.name=/^(atLeast|before)$/] > Literal)',
          message: 'A release literal: name it in SINCE (model/reading.ts), or read the directive fact from the catalogue (data/).',
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
