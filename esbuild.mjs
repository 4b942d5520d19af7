// Bundles the extension client, the language server and the lint CLI into single files.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// --out=DIR: write the bundles under DIR instead of this checkout (the bench sizes a production build there).
const outRoot = process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length);

// jsonc-parser's default entry is a UMD build whose requires esbuild cannot follow: bundle its ES module build.
const jsonc = { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' };

const common = {
  bundle: true,
  alias: jsonc,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  // Minified bundles keep function and class names, so that stack traces in logs stay readable.
  keepNames: production,
  logLevel: 'info',
  define: { __VERSION__: JSON.stringify(pkg.version) },
};

/**
 * The web extension (vscode.dev, github.dev): the same client and server code for a browser
 * and a web worker. The LSP libraries' browser builds replace their Node builds, and Node's
 * modules are replaced by stand-ins without disk or processes (scripts/web-shims/README.md).
 */
const shim = (name) => new URL(`./scripts/web-shims/${name}.js`, import.meta.url).pathname;
const browser = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  mainFields: ['browser', 'module', 'main'],
  alias: {
    ...jsonc,
    'vscode-languageclient/node': 'vscode-languageclient/browser',
    'vscode-languageserver/node': 'vscode-languageserver/browser',
    'node:path': 'path-browserify',
    path: 'path-browserify',
    'node:fs': shim('fs'),
    'node:child_process': shim('child_process'),
    'node:os': shim('os'),
    'node:crypto': shim('crypto'),
    'node:url': shim('url'),
  },
  inject: [shim('process'), shim('buffer')],
  // No module folder in a browser: code that looks for files next to the bundle finds none.
  define: { ...common.define, __dirname: '"/"', __filename: '"/index.js"' },
};

/**
 * The lint CLI compiles the libraries that a plain run does not need only when it needs them:
 * each is bundled on its own and embedded in the CLI bundle as text, behind a stand-in whose
 * functions compile and load it on first call. Parsing a string costs far less than parsing
 * code, and compiling the bundle is most of the CLI's start-up (docs/benchmarks.md). The
 * names are the library exports our code imports: a missing one fails the build.
 */
const LAZY_MODULES = {
  yaml: ['parse'], // Compose files (--compose, --detect-containers)
  'jsonc-parser': ['findNodeAtLocation', 'getNodeValue', 'parseTree', 'printParseErrorCode'], // dynamic-security JSON files
  minimatch: ['minimatch'], // `ignore` patterns of .mosquitto-lint.json
};
const lazyModules = (options) => ({
  name: 'lazy-modules',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(LAZY_MODULES).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'lazy-module' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-module' }, async (args) => {
      const library = await esbuild.build({
        ...options,
        entryPoints: undefined,
        plugins: [],
        banner: undefined,
        sourcemap: false,
        // Third-party code, never stepped through: minified, with its names kept for stack traces.
        minify: true,
        keepNames: true,
        write: false,
        logLevel: 'warning',
        outfile: 'library.js',
        stdin: { contents: `module.exports = require(${JSON.stringify(args.path)});`, resolveDir: root, loader: 'js' },
      });
      const source = library.outputFiles[0].text;
      return {
        loader: 'js',
        contents: [
          // Inside a function that runs only on first use: V8 then keeps the text out of the
          // code cache of the CLI bundle (the function is parsed but never compiled otherwise).
          `function source() { return ${JSON.stringify(source)}; }`,
          'let loaded;',
          'function load() {',
          '  if (!loaded) {',
          "    const wrapped = require('node:vm').runInThisContext(require('node:module').wrap(source()), { filename: " +
            `__filename + ${JSON.stringify(`#${args.path}`)} });`,
          '    const library = { exports: {} };',
          '    wrapped.call(library.exports, library.exports, require, library, __filename, __dirname);',
          '    loaded = library.exports;',
          '  }',
          '  return loaded;',
          '}',
          ...LAZY_MODULES[args.path].map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
        ].join('\n'),
      };
    });
  },
});
const root = new URL('.', import.meta.url).pathname;

/**
 * Node.js modules the CLI loads only when it uses them: `node:child_process` brings `node:net`
 * and the stream machinery with it (several ms), and a run whose broker answer is kept
 * (cliLauncher.ts) starts no process; `node:crypto` (~3 ms, streams too) only reads
 * certificates and keys, which most files do not name. Same stand-ins as above, without
 * embedding; a stand-in called with `new` constructs (X509Certificate), but is not the class
 * itself, so `instanceof` against it does not work (our code uses none).
 */
const LAZY_BUILTINS = {
  'node:child_process': ['execFile', 'spawnSync'],
  'node:crypto': ['X509Certificate', 'createHash', 'createPrivateKey', 'createPublicKey'],
};
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(LAZY_BUILTINS).join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      loader: 'js',
      contents: [
        'let loaded;',
        `const load = () => (loaded ??= require(${JSON.stringify(args.path)}));`,
        ...LAZY_BUILTINS[args.path].map(
          (name) => `export function ${name}(...args) { return new.target ? new (load().${name})(...args) : load().${name}(...args); }`,
        ),
      ].join('\n'),
    }));
  },
};

/**
 * Node.js modules the CLI's sources import as namespaces (`import * as fs from 'node:fs'`):
 * esbuild gives every importing file its own copy of the module (`__toESM`: a getter per
 * property, ~100 for node:fs), 13 copies at start-up (~1 ms). Through this stand-in
 * (`export * from`) each module is copied once for the whole bundle.
 */
const SHARED_BUILTINS = /^node:(fs|path|os)$/;
const sharedBuiltins = {
  name: 'shared-builtins',
  setup(build) {
    build.onResolve({ filter: SHARED_BUILTINS }, (args) =>
      args.namespace === 'shared-builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'shared-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'shared-builtin' }, (args) => ({ loader: 'js', contents: `export * from ${JSON.stringify(args.path)};` }));
  },
};

/**
 * The CLI bundle, built in memory, for the npm package's executable: the launcher
 * (cliLauncher.ts, which keeps V8's code cache) with the bundle embedded as text.
 */
async function embeddedCli(options) {
  const cli = await esbuild.build({ ...options, banner: undefined, write: false, outfile: 'cli.js', logLevel: 'warning' });
  return cli.outputFiles[0].text;
}

const npmPackage = { sourcemap: false, minify: true, keepNames: true, banner: { js: '#!/usr/bin/env node' } };

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'server/dist/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/dist/cli.js', plugins: [lazyModules(common), lazyBuiltins, sharedBuiltins] },
  { ...common, entryPoints: ['server/src/cliLauncher.ts'], outfile: 'server/dist/mosquitto-lint.js', plugins: [lazyBuiltins] },
  // The npm package (packages/mosquitto-lint): the same CLI and server as single executable
  // files with no dependencies, always minified (what users install from the registry).
  {
    ...common,
    ...npmPackage,
    entryPoints: ['server/src/cliLauncher.ts'],
    plugins: [lazyBuiltins],
    outfile: 'packages/mosquitto-lint/dist/mosquitto-lint.js',
    define: {
      ...common.define,
      __CLI_BUNDLE__: JSON.stringify(
        await embeddedCli({
          ...common,
          ...npmPackage,
          entryPoints: ['server/src/cli.ts'],
          plugins: [lazyModules({ ...common, ...npmPackage }), lazyBuiltins, sharedBuiltins],
        }),
      ),
    },
  },
  { ...common, ...npmPackage, entryPoints: ['server/src/main.ts'], outfile: 'packages/mosquitto-lint/dist/mosquitto-language-server.js' },
  { ...browser, entryPoints: ['client/src/browserExtension.ts'], outfile: 'client/dist/browserExtension.js', format: 'cjs', external: ['vscode'] },
  { ...browser, entryPoints: ['server/src/browserMain.ts'], outfile: 'server/dist/browserServer.js' },
];

if (outRoot !== undefined) {
  for (const options of builds) {
    options.outfile = join(outRoot, options.outfile);
  }
}

// Node.js looks up the nearest package.json of every CommonJS file it loads, to learn its module
// type: without one in server/bin (committed) and server/dist (written here), that is this
// checkout's 49 KB extension manifest, read and parsed on every start of the executables
// (~1 ms of mosquitto-lint's start-up). The npm package has its own small package.json.
const distPackage = join(outRoot ?? '.', 'server', 'dist', 'package.json');
mkdirSync(dirname(distPackage), { recursive: true });
copyFileSync(new URL('./server/bin/package.json', import.meta.url), distPackage);

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
// The npm package ships the rule documentation its SARIF output links to.
if (outRoot === undefined) {
  mkdirSync(new URL('./packages/mosquitto-lint/docs/', import.meta.url), { recursive: true });
  copyFileSync(new URL('./docs/rules.md', import.meta.url), new URL('./packages/mosquitto-lint/docs/rules.md', import.meta.url));
}
