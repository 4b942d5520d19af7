/**
 * The Neovim 0.7 recipe of server/README.md (server/editors/neovim-0.7.lua), run by a headless
 * Neovim from Debian against the real server: diagnostics, hover, completion, code actions and
 * formatting through Neovim's own LSP client. Neovim is installed by scripts/install-editors.sh.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, suite, test } from 'node:test';
import { REPOSITORY_ROOT, SERVER_BIN } from './lspClient';

const work = mkdtempSync(path.join(tmpdir(), 'mosquitto-nvim-'));
after(() => rmSync(work, { recursive: true, force: true }));
const recipe = path.join(REPOSITORY_ROOT, 'server', 'editors', 'neovim-0.7.lua');

interface Seen {
  filetype: string;
  attached: boolean;
  got_diagnostics: boolean;
  diagnostics: { code: string; line: number; severity: number }[];
  hover?: string;
  completion: string[];
  code_actions: string[];
  formatted: string[];
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
  const home = path.join(work, 'home');
  mkdirSync(home);
  const output = path.join(work, 'seen.json');
  const nvim = spawnSync(
    'nvim',
    ['--headless', '-n', '-i', 'NONE', '-u', recipe, '-c', `luafile ${path.join(REPOSITORY_ROOT, 'test', 'protocol', 'neovim-driver.lua')}`],
    {
      cwd: folder,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, '.config'),
        XDG_DATA_HOME: path.join(home, '.local', 'share'),
        XDG_STATE_HOME: path.join(home, '.local', 'state'),
        PATH: `${bin}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
        MOSQUITTO_NVIM_FILE: conf,
        MOSQUITTO_NVIM_OUT: output,
      },
    },
  );
  assert.equal(nvim.error, undefined, `nvim could not run (install it with scripts/install-editors.sh): ${String(nvim.error)}`);
  seen = JSON.parse(readFileSync(output, 'utf8')) as Seen;
  assert.equal(seen.error, undefined, seen.error);
});

suite('Neovim 0.7 recipe (headless nvim, built-in LSP client)', () => {
  test('the recipe is the one server/README.md shows', () => {
    const readme = readFileSync(path.join(REPOSITORY_ROOT, 'server', 'README.md'), 'utf8');
    assert.ok(readme.includes(readFileSync(recipe, 'utf8').trim()), 'server/README.md quotes server/editors/neovim-0.7.lua');
  });
  test('mosquitto.conf gets the filetype and the client attaches', () => {
    assert.equal(seen.filetype, 'mosquitto');
    assert.equal(seen.attached, true);
  });
  test('diagnostics: the invalid boolean on line 2, as an error, with its rule id', () => {
    assert.equal(seen.got_diagnostics, true);
    assert.ok(
      seen.diagnostics.some((d) => d.code === 'invalid-boolean' && d.line === 1 && d.severity === 1),
      JSON.stringify(seen.diagnostics),
    );
  });
  test('hover on allow_anonymous explains the directive', () => {
    assert.match(seen.hover ?? '', /allow_anonymous/);
  });
  test('completion on an empty line offers directives', () => {
    assert.ok(seen.completion.includes('listener'), seen.completion.slice(0, 10).join());
    assert.ok(seen.completion.includes('password_file'));
  });
  test('code actions on the bad value include a quick fix', () => {
    assert.ok(seen.code_actions.length > 0, 'some code action');
    assert.ok(
      seen.code_actions.some((t) => /true/.test(t)),
      seen.code_actions.join(' | '),
    );
  });
  test('formatting through the client: one space after the directive, nothing else changed', () => {
    assert.deepEqual(seen.formatted, ['listener 1883', 'allow_anonymous yes', '', '', 'listener 1884']);
  });
});
