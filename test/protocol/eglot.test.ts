/**
 * The Emacs eglot recipe of server/README.md (server/editors/eglot.el), run by batch Emacs 28
 * with Debian's elpa-eglot 1.9 against the real server: diagnostics, hover, completion, code
 * actions and formatting through eglot's own connection. Installed by scripts/install-editors.sh.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, suite, test } from 'node:test';
import { REPOSITORY_ROOT, SERVER_BIN } from './lspClient';

const work = mkdtempSync(path.join(tmpdir(), 'mosquitto-eglot-'));
after(() => rmSync(work, { recursive: true, force: true }));
const recipe = path.join(REPOSITORY_ROOT, 'server', 'editors', 'eglot.el');

interface Seen {
  mode?: string;
  connected?: boolean;
  'diagnostics-timeout'?: boolean;
  diagnostics?: string[];
  hover?: string;
  completion?: string[];
  'code-actions'?: string[];
  formatted?: string;
  error?: string;
}

let seen: Seen;

before(() => {
  // The recipe runs `mosquitto-language-server` from PATH, as after `npm install -g mosquitto-lint`.
  const bin = path.join(work, 'bin');
  mkdirSync(bin);
  symlinkSync(SERVER_BIN, path.join(bin, 'mosquitto-language-server'));
  const folder = path.join(work, 'etc', 'mosquitto');
  mkdirSync(folder, { recursive: true });
  const conf = path.join(folder, 'mosquitto.conf');
  writeFileSync(conf, 'listener 1883\nallow_anonymous yes\n\n\nlistener    1884\n');
  const output = path.join(work, 'seen.json');
  // -q, not -Q: Debian's site start-up file makes the elpa packages (eglot) loadable.
  const emacs = spawnSync('emacs', ['--batch', '-q', '-l', path.join(REPOSITORY_ROOT, 'test', 'protocol', 'eglot-driver.el')], {
    cwd: folder,
    encoding: 'utf8',
    timeout: 90_000,
    env: {
      ...process.env,
      HOME: work,
      PATH: `${bin}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
      MOSQUITTO_EGLOT_RECIPE: recipe,
      MOSQUITTO_EGLOT_FILE: conf,
      MOSQUITTO_EGLOT_OUT: output,
    },
  });
  assert.equal(emacs.error, undefined, `emacs could not run (install it with scripts/install-editors.sh): ${String(emacs.error)}`);
  seen = JSON.parse(readFileSync(output, 'utf8')) as Seen;
  assert.equal(seen.error, undefined, `${seen.error}\n${emacs.stderr}`);
});

suite('Emacs eglot recipe (batch Emacs 28, elpa-eglot)', () => {
  test('the recipe is the one server/README.md shows', () => {
    const readme = readFileSync(path.join(REPOSITORY_ROOT, 'server', 'README.md'), 'utf8');
    assert.ok(readme.includes(readFileSync(recipe, 'utf8').trim()), 'server/README.md quotes server/editors/eglot.el');
  });
  test('mosquitto.conf opens in mosquitto-conf-mode and eglot connects', () => {
    assert.equal(seen.mode, 'mosquitto-conf-mode');
    assert.equal(seen.connected, true);
  });
  test('diagnostics: the invalid boolean, with its rule id', () => {
    assert.equal(seen['diagnostics-timeout'], undefined, 'diagnostics arrived');
    assert.ok(
      (seen.diagnostics ?? []).some((d) => d.includes('[invalid-boolean]')),
      JSON.stringify(seen.diagnostics),
    );
  });
  test('hover on allow_anonymous explains the directive', () => {
    assert.match(seen.hover ?? '', /allow_anonymous/);
  });
  test('completion on an empty line offers directives', () => {
    assert.ok((seen.completion ?? []).includes('listener'));
    assert.ok((seen.completion ?? []).includes('password_file'));
  });
  test('code actions on the bad value include the fix', () => {
    assert.ok(
      (seen['code-actions'] ?? []).some((t) => /true/.test(t)),
      JSON.stringify(seen['code-actions']),
    );
  });
  test('eglot-format-buffer: one space after the directive, nothing else changed', () => {
    assert.equal(seen.formatted, 'listener 1883\nallow_anonymous yes\n\n\nlistener 1884\n');
  });
});
