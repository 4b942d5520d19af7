/**
 * The npm package users install (packages/mosquitto-lint): packed with `npm pack`, installed
 * offline from the tarball into an empty folder, and run from there, never from the repository.
 * Needs the bundles (`npm run build`).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, suite, test } from 'node:test';
import { LspClient, PLAIN_CAPABILITIES } from '../protocol/lspClient';

const root = path.resolve(__dirname, '..', '..', '..');
const packageDir = path.join(root, 'packages', 'mosquitto-lint');
const work = fs.mkdtempSync(path.join(tmpdir(), 'mosquitto-lint-npm-'));
const install = path.join(work, 'project');
after(() => fs.rmSync(work, { recursive: true, force: true }));

interface Manifest {
  name: string;
  version: string;
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
  files: string[];
}

function manifest(dir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
}

function npm(args: string[], cwd: string): string {
  // A private cache: the install below must not need the registry or anything cached before.
  const result = spawnSync('npm', [...args, '--cache', path.join(work, 'npm-cache'), '--no-audit', '--no-fund', '--no-update-notifier'], {
    cwd,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `npm ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

function installed(bin: string, args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(path.join(install, 'node_modules', '.bin', bin), args, { cwd: install, encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let tarball = '';

before(() => {
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], packageDir)) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(work, packed[0].filename);
  fs.mkdirSync(install);
  fs.writeFileSync(path.join(install, 'package.json'), '{ "name": "user-project", "version": "1.0.0", "private": true }\n');
  npm(['install', '--offline', tarball], install);
  fs.writeFileSync(path.join(install, 'mosquitto.conf'), 'listener 1883\nallow_anonymous yes\n');
});

suite('npm package mosquitto-lint', () => {
  test('versioned with the extension, MIT licensed with the same LICENSE, no runtime dependencies', () => {
    const pkg = manifest(packageDir);
    const extension = manifest(root);
    assert.equal(pkg.version, extension.version);
    assert.equal(pkg.dependencies, undefined);
    assert.equal(fs.readFileSync(path.join(packageDir, 'LICENSE'), 'utf8'), fs.readFileSync(path.join(root, 'LICENSE'), 'utf8'));
  });

  test('the tarball holds exactly two single-file bundles, the rule docs, README, LICENSE and package.json', () => {
    const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    assert.equal(listing.status, 0);
    assert.deepEqual(listing.stdout.trim().split('\n').sort(), [
      'package/LICENSE',
      'package/README.md',
      'package/dist/mosquitto-language-server.js',
      'package/dist/mosquitto-lint.js',
      'package/docs/rules.md',
      'package/package.json',
    ]);
  });

  test('installed offline into an empty project: node_modules holds only mosquitto-lint', () => {
    const entries = fs.readdirSync(path.join(install, 'node_modules')).filter((e) => !e.startsWith('.'));
    assert.deepEqual(entries, ['mosquitto-lint']);
  });

  test('mosquitto-lint from the install finds an error (exit 1) and prints file:line:col', () => {
    const r = installed('mosquitto-lint', ['--broker-version', '2.0', 'mosquitto.conf']);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^mosquitto\.conf:2:17: error \[invalid-boolean\]/m);
  });

  test('npx mosquitto-lint runs the installed package without the network', () => {
    const result = spawnSync('npx', ['--offline', '--no', '--', 'mosquitto-lint', '--version'], {
      cwd: install,
      encoding: 'utf8',
      env: { ...process.env, npm_config_cache: path.join(work, 'npm-cache') },
    });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trim(), manifest(root).version);
  });

  test('mosquitto-language-server from the install answers initialize and publishes diagnostics over stdio', async () => {
    const client = await LspClient.start({
      serverBin: path.join(install, 'node_modules', 'mosquitto-lint', 'dist', 'mosquitto-language-server.js'),
      cwd: install,
    });
    try {
      const init = await client.initialize(PLAIN_CAPABILITIES, { settings: { brokerVersion: '2.0' } });
      assert.equal(init.serverInfo?.name, 'mosquitto-language-server');
      assert.equal(init.serverInfo?.version, manifest(root).version);
      const uri = `file://${path.join(install, 'mosquitto.conf')}`;
      client.openDocument(uri, 'listener 1883\nallow_anonymous yes\n');
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.ok(
        published.diagnostics.some((d) => d.code === 'invalid-boolean' && d.range.start.line === 1),
        JSON.stringify(published.diagnostics),
      );
    } finally {
      assert.equal(await client.shutdownAndExit(), 0);
    }
  });
});
