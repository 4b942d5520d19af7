#!/usr/bin/env node
// Runs every test layer and ends with one line "N passed, N failed" over all of them.
// Layers: lint (ESLint with type-aware rules, and Prettier's format check: two checks), unit and protocol (node:test over
// the tsc output), robustness (fast-check properties and growth checks by counted work, kept apart so
// the unit layer stays fast), grammar, broker (differential tests against the real
// mosquitto releases 1.5.11, 1.6.15, 2.0.11, 2.0.22 and 2.1.2), integration (the suite
// inside a real VS Code).
// Usage: node scripts/test-all.mjs [layer...]   (default: all layers)
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const requested = process.argv.slice(2);
const layers = requested.length > 0 ? requested : ['lint', 'unit', 'robustness', 'protocol', 'grammar', 'broker', 'integration'];

function testFiles(dir) {
  const found = [];
  const walk = (d) => {
    if (!existsSync(d)) {
      return;
    }
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name.endsWith('.test.js')) {
        found.push(full);
      }
    }
  };
  walk(dir);
  return found.sort();
}

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], ...options });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

async function nodeTestLayer(name, dir) {
  const files = testFiles(join(root, 'out', 'test', dir));
  if (files.length === 0) {
    console.log(`[${name}] no compiled tests in out/test/${dir}: run 'npm run build' first`);
    return { passed: 0, failed: 1 };
  }
  const tmp = mkdtempSync(join(tmpdir(), 'mosquitto-tests-'));
  const tap = join(tmp, 'results.tap');
  try {
    const { code } = await run(process.execPath, [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ]);
    const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
    const count = (word) => Number(new RegExp(`^# ${word} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    const passed = count('pass');
    let failed = count('fail') + count('cancelled');
    if (code !== 0 && failed === 0) {
      failed = 1; // the runner failed outside any test (e.g. a file that does not load)
    }
    return { passed, failed };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function scriptLayer(name, script, args = []) {
  if (!existsSync(join(root, script))) {
    console.log(`[${name}] ${script} is missing`);
    return { passed: 0, failed: 1 };
  }
  const { code, output } = await run(process.execPath, [script, ...args]);
  const m = [...output.matchAll(new RegExp(`^LAYER_RESULT ${name} (\\d+) (\\d+)$`, 'gm'))].pop();
  if (!m) {
    console.log(`[${name}] finished without a LAYER_RESULT line (exit ${code})`);
    return { passed: 0, failed: 1 };
  }
  const passed = Number(m[1]);
  let failed = Number(m[2]);
  if (code !== 0 && failed === 0) {
    failed = 1;
  }
  return { passed, failed };
}

/**
 * Installs what a layer needs when it is missing (both scripts are idempotent and return at
 * once when everything is there), so that `npm test` works on a fresh machine too.
 */
async function prepare(name, command, args) {
  const { code } = await run(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (code !== 0) {
    console.log(`[${name}] setup failed: ${command} ${args.join(' ')} exited with ${code}`);
    return false;
  }
  return true;
}

/** ESLint and Prettier's check over the repository, one check each: either failing fails the run. */
async function lintLayer() {
  const eslint = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const prettier = join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  const results = [await run(process.execPath, [eslint, '.', '--max-warnings', '0']), await run(process.execPath, [prettier, '--check', '.'])];
  const passed = results.filter((r) => r.code === 0).length;
  return { passed, failed: results.length - passed };
}

const runners = {
  lint: lintLayer,
  unit: () => nodeTestLayer('unit', 'unit'),
  robustness: () => nodeTestLayer('robustness', 'robustness'),
  // Neovim for the headless editor test (test/protocol/neovim.test.ts).
  protocol: async () => ((await prepare('protocol', 'sh', ['scripts/install-editors.sh'])) ? nodeTestLayer('protocol', 'protocol') : { passed: 0, failed: 1 }),
  grammar: () => scriptLayer('grammar', 'scripts/test-grammar.mjs'),
  // Debian's 2.0.11 from apt, the other releases built from ../shared/brokers (cached).
  broker: async () => {
    if (!(await prepare('broker', 'sh', ['scripts/broker/install-broker.sh'])) || !(await prepare('broker', 'sh', ['scripts/broker/build-brokers.sh']))) {
      return { passed: 0, failed: 1 };
    }
    const differential = await scriptLayer('broker', 'out/test/broker/differential.js');
    // The effective configuration view against the listen sockets the broker opens.
    const effective = await scriptLayer('broker-effective', 'out/test/broker/effective.js');
    // The files acl_file, password_file and psk_file name, and the password-hash round trip.
    const companion = await scriptLayer('broker-companion', 'out/test/broker/companion.js');
    // Certificates and keys: each TLS material rule's severity against a real start per release.
    const tls = await scriptLayer('broker-tls', 'out/test/broker/tls.js');
    // Windows paths on a Linux broker, missing folders of written files, service-created folders.
    const paths = await scriptLayer('broker-paths', 'out/test/broker/platform-paths.js');
    return {
      passed: differential.passed + effective.passed + companion.passed + tls.passed + paths.passed,
      failed: differential.failed + effective.failed + companion.failed + tls.failed + paths.failed,
    };
  },
  integration: async () => {
    if (!(await prepare('integration', 'bash', ['scripts/install-code-server.sh']))) {
      return { passed: 0, failed: 1 };
    }
    const desktop = await scriptLayer('integration', 'scripts/integration/run-in-code-server.mjs');
    // The web extension in code-server's web worker extension host.
    const web = await scriptLayer('integration-web', 'scripts/integration/run-web-worker.mjs');
    return { passed: desktop.passed + web.passed, failed: desktop.failed + web.failed };
  },
};

let passed = 0;
let failed = 0;
const summary = [];
for (const layer of layers) {
  const runner = runners[layer];
  if (!runner) {
    console.error(`unknown layer '${layer}' (known: ${Object.keys(runners).join(', ')})`);
    process.exit(2);
  }
  console.log(`\n=== ${layer} tests ===`);
  const result = await runner();
  summary.push(`${layer}: ${result.passed} passed, ${result.failed} failed`);
  passed += result.passed;
  failed += result.failed;
}
console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
