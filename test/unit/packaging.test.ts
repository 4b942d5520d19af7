import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, suite, test } from 'node:test';

const root = path.resolve(__dirname, '..', '..', '..');

/** vsce's packer without the prepublish step (the bundles are already built); not part of vsce's public API. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pack } = require('@vscode/vsce/out/package') as { pack(options: Record<string, unknown>): Promise<{ packagePath: string }> };

/** The options `npm run package` gives vsce. */
const PACKAGE_OPTIONS = {
  readmePath: 'marketplace/README.md',
  changelogPath: 'marketplace/CHANGELOG.md',
  dependencies: false,
  rewriteRelativeLinks: false,
  allowMissingRepository: true,
};

const work = fs.mkdtempSync(path.join(tmpdir(), 'mosquitto-vsix-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));
let vsixFiles: string[] = [];
let vsix = '';

before(async () => {
  const log = console.log; // vsce prints the package tree
  console.log = () => undefined;
  try {
    vsix = (await pack({ cwd: root, packagePath: path.join(work, 'mosquitto-conf.vsix'), ...PACKAGE_OPTIONS })).packagePath;
  } finally {
    console.log = log;
  }
  const listing = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
  assert.equal(listing.status, 0, listing.stderr);
  vsixFiles = listing.stdout
    .trim()
    .split('\n')
    .filter((f) => f.startsWith('extension/'))
    .map((f) => f.slice('extension/'.length))
    .sort();
});

function packaged(file: string): string {
  return spawnSync('unzip', ['-p', vsix, `extension/${file}`], { encoding: 'utf8' }).stdout;
}

suite('packaging: the .vsix ships only what the extension needs', () => {
  test('npm run package uses the user-facing README and CHANGELOG and no placeholder repository', () => {
    const script = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.package;
    for (const flag of [
      '--readme-path marketplace/README.md',
      '--changelog-path marketplace/CHANGELOG.md',
      '--no-dependencies',
      '--no-rewrite-relative-links',
      '--allow-missing-repository',
    ]) {
      assert.ok(script.includes(flag), flag);
    }
  });

  test('the .vsix holds exactly the bundles, grammar, snippets, schema, docs and README images', () => {
    assert.deepEqual(vsixFiles, [
      'LICENSE.txt',
      'changelog.md',
      'client/dist/browserExtension.js',
      'client/dist/extension.js',
      'docs/images/completion-wss.png',
      'docs/images/hover-certfile.png',
      'docs/images/icon.png',
      'docs/images/outline.png',
      'docs/images/problems.png',
      'docs/rules.md',
      'language-configuration-companion.json',
      'language-configuration.json',
      'package.json',
      'readme.md',
      'schemas/mosquitto-lint.schema.json',
      'server/dist/browserServer.js',
      'server/dist/server.js',
      'snippets/mosquitto-conf.json',
      'syntaxes/mosquitto-acl.tmLanguage.json',
      'syntaxes/mosquitto-conf.tmLanguage.json',
      'syntaxes/mosquitto-passwd.tmLanguage.json',
      'syntaxes/mosquitto-psk.tmLanguage.json',
    ]);
  });

  test('the desktop (main) and web (browser) entries and the web worker server are in the package', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; browser: string };
    assert.ok(vsixFiles.includes(path.posix.normalize(pkg.main)), pkg.main);
    assert.ok(vsixFiles.includes(path.posix.normalize(pkg.browser)), pkg.browser);
    assert.match(fs.readFileSync(path.join(root, 'client', 'src', 'browserExtension.ts'), 'utf8'), /'server', 'dist', 'browserServer\.js'/);
  });

  test('the packaged README and CHANGELOG are the user-facing ones, not the developer README', () => {
    assert.equal(packaged('readme.md'), fs.readFileSync(path.join(root, 'marketplace', 'README.md'), 'utf8'));
    assert.equal(packaged('changelog.md'), fs.readFileSync(path.join(root, 'marketplace', 'CHANGELOG.md'), 'utf8'));
    assert.doesNotMatch(packaged('readme.md'), /npm (ci|test|run)|code-server|apt-get/);
    // The Marketplace page and VS Code's extension page show these two files.
    const manifest = spawnSync('unzip', ['-p', vsix, 'extension.vsixmanifest'], { encoding: 'utf8' }).stdout;
    assert.match(manifest, /Type="Microsoft\.VisualStudio\.Services\.Content\.Details" Path="extension\/readme\.md"/);
    assert.match(manifest, /Type="Microsoft\.VisualStudio\.Services\.Content\.Changelog" Path="extension\/changelog\.md"/);
    assert.match(manifest, /Type="Microsoft\.VisualStudio\.Services\.Icons\.Default" Path="extension\/docs\/images\/icon\.png"/);
  });

  test('every image and link of the packaged README resolves inside the package', () => {
    const readme = packaged('readme.md');
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(targets.filter((t) => /\.png$/.test(t)).length >= 4, 'the screenshots are embedded');
    for (const target of targets) {
      assert.doesNotMatch(target, /^[a-z]+:/i, `${target}: links stay inside the package`);
      const [file, anchor] = target.split('#');
      assert.ok(vsixFiles.includes(path.posix.normalize(file)), `${target} is in the .vsix`);
      if (anchor) {
        assert.match(packaged(file), new RegExp(`^#+ ${anchor}$`, 'm'), `${target}: the heading exists`);
      }
    }
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
      contributes: { grammars: { path: string }[]; languages: { configuration: string; icon?: { light: string; dark: string } }[] };
    };
    const referenced = [
      pkg.main,
      ...pkg.contributes.grammars.map((g) => g.path),
      ...pkg.contributes.languages.flatMap((l) => [l.configuration, ...(l.icon ? [l.icon.light, l.icon.dark] : [])]),
    ];
    for (const file of referenced) {
      assert.ok(fs.existsSync(path.join(root, file)), `${file} exists`);
    }
  });
});

suite('client: settings forwarded to the server', () => {
  test('the client sends every mosquitto.* setting the manifest contributes (a missing one would be silently ignored)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, unknown> } };
    };
    const contributed = [...new Set(Object.keys(pkg.contributes.configuration.properties).map((key) => key.split('.')[1]))].sort();
    const source = fs.readFileSync(path.join(root, 'client', 'src', 'clientOptions.ts'), 'utf8');
    const list = /for \(const key of \[([^\]]+)\]\)/.exec(source);
    assert.ok(list, 'clientOptions.ts lists the forwarded keys');
    const forwarded = [...list[1].matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(forwarded, contributed);
  });
});
