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
      'CHANGELOG.md', 'LICENSE', 'README.md', 'client/dist/extension.js', 'docs/rules.md', 'language-configuration.json',
      'package.json', 'schemas/mosquitto-lint.schema.json', 'server/dist/server.js', 'snippets/mosquitto-conf.json', 'syntaxes/mosquitto-conf.tmLanguage.json',
    ]);
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
