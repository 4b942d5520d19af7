import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'node:test';
import { listFiles, PackageManager } from '@vscode/vsce';

const root = path.resolve(__dirname, '..', '..', '..');

suite('packaging: the .vsix ships only what the extension needs', () => {
  test('vsce lists exactly the bundles, grammar, snippets, language configuration and docs', async () => {
    // The API lists files without running vscode:prepublish (which would rebuild the bundles).
    const listed = (await listFiles({ cwd: root, packageManager: PackageManager.None })).map((f) => f.replace(/\\/g, '/')).sort();
    assert.deepEqual(listed, [
      'CHANGELOG.md', 'LICENSE', 'README.md', 'client/dist/extension.js', 'docs/images/icon.png', 'docs/rules.md', 'language-configuration.json',
      'package.json', 'schemas/mosquitto-lint.schema.json', 'server/dist/server.js', 'snippets/mosquitto-conf.json', 'syntaxes/mosquitto-conf.tmLanguage.json',
    ]);
  });

  test('the icon is a 128x128 PNG rendered from docs/images/icon.svg (scripts/generate-icon.sh)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { icon: string; repository?: unknown; scripts: Record<string, string> };
    assert.equal(pkg.icon, 'docs/images/icon.png');
    const png = fs.readFileSync(path.join(root, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.ok(fs.existsSync(path.join(root, 'docs', 'images', 'icon.svg')));
    // No repository URL that would not be real: vsce's warning is silenced on purpose.
    assert.equal(pkg.repository, undefined);
    assert.match(pkg.scripts.package, /--allow-missing-repository/);
  });

  test('every file the manifest points at exists in the package list', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      main: string;
      contributes: { grammars: { path: string }[]; languages: { configuration: string }[] };
    };
    const referenced = [pkg.main, ...pkg.contributes.grammars.map((g) => g.path), ...pkg.contributes.languages.map((l) => l.configuration)];
    for (const file of referenced) {
      assert.ok(fs.existsSync(path.join(root, file)), `${file} exists`);
    }
  });
});
