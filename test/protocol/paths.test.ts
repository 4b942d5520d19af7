import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, suite, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { DocumentLink, Location } from 'vscode-languageserver-types';
import type { AnalysisTargetParams } from '../../server/src/protocol';
import { LspClient, VS_CODE_CAPABILITIES } from './lspClient';

function write(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const uriOf = (file: string): string => pathToFileURL(file).toString();

suite('protocol: a Compose project is analysed through its mappings', () => {
  let client: LspClient;
  let dir: string;
  let main: string;
  let included: string;
  let passwd: string;

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mosquitto-compose-')));
    write(
      path.join(dir, 'compose.yaml'),
      [
        'services:',
        '  mqtt:',
        '    image: eclipse-mosquitto:2.0.18',
        '    volumes:',
        '      - ./mosquitto:/mosquitto/config:ro',
        '      - data:/mosquitto/data',
        'volumes:',
        '  data: {}',
        '',
      ].join('\n'),
    );
    passwd = write(path.join(dir, 'mosquitto', 'passwd'), 'user:x\n');
    included = write(path.join(dir, 'mosquitto', 'conf.d', 'extra.conf'), 'xyzzy 1\n');
    main = write(
      path.join(dir, 'mosquitto', 'mosquitto.conf'),
      'listener 1883\npassword_file /mosquitto/config/passwd\npersistence true\npersistence_location /mosquitto/data/\ninclude_dir /mosquitto/config/conf.d\n',
    );
    client = await LspClient.start({ settings: { brokerVersion: 'auto', platform: 'auto', checkPaths: true } });
    await client.initialize(VS_CODE_CAPABILITIES);
  });
  after(() => {
    client.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the included file is read through the mapping and gets its own diagnostics', async () => {
    client.openDocument(uriOf(main), fs.readFileSync(main, 'utf8'));
    const published = await client.waitForDiagnostics(uriOf(included), (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['unknown-directive'],
    );
    const own = await client.waitForDiagnostics(uriOf(main));
    const codes = own.diagnostics.map((d) => `${d.range.start.line + 1}:${String(d.code)}:${d.severity}`);
    assert.ok(!codes.some((c) => /path-not-found:1|include-dir/.test(c)), codes.join(', '));
    assert.ok(codes.includes('4:path-not-found:3'), `named volume note: ${codes.join(', ')}`);
  });

  test('mosquitto/analysisTarget says the release and platform came from the Compose file, with the mappings', async () => {
    const target = await client.waitForNotification<AnalysisTargetParams>('mosquitto/analysisTarget', (p) => p.uri === uriOf(main));
    assert.equal(target.brokerVersion, '2.0.18');
    assert.equal(target.versionSource, 'compose');
    assert.equal(target.platform, 'linux');
    assert.equal(target.platformSource, 'compose');
    assert.equal(target.containerFile, path.join(dir, 'compose.yaml'));
    assert.deepEqual(
      target.pathMappings.map((m) => [m.brokerPath, m.localPath ?? `volume:${m.volume ?? ''}`]),
      [
        ['/mosquitto/config', path.join(dir, 'mosquitto')],
        ['/mosquitto/data', 'volume:data'],
      ],
    );
    assert.match(target.summary, /2\.0\.18/);
  });

  test('the hover of the first line says what the file is checked against, and why', async () => {
    const hover = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', {
      textDocument: { uri: uriOf(main) },
      position: { line: 0, character: 2 },
    });
    assert.match(hover.contents.value, /listener/);
    assert.match(hover.contents.value, /Checked against mosquitto 2\.0\.18 \(from the image tag in the Compose file\)/);
    assert.match(hover.contents.value, /\/mosquitto\/config → /);
    const second = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: uriOf(main) },
      position: { line: 1, character: 2 },
    });
    assert.doesNotMatch(second?.contents.value ?? '', /Checked against/);
  });

  test('links and go to definition follow the mapping', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: uriOf(main) } });
    assert.ok(
      links.some((l) => l.target === uriOf(passwd)),
      JSON.stringify(links),
    );
    const targets = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uriOf(main) }, position: { line: 4, character: 14 } });
    assert.deepEqual(
      targets.map((t) => ('targetUri' in t ? (t as unknown as { targetUri: string }).targetUri : t.uri)),
      [uriOf(included)],
    );
  });
});

suite('protocol: mosquitto.pathMappings with ${workspaceFolder}', () => {
  let client: LspClient;
  let dir: string;

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mosquitto-mapped-')));
    write(path.join(dir, 'broker', 'acl'), 'topic read #\n');
    client = await LspClient.start({
      settings: {
        brokerVersion: '2.0.11',
        platform: 'linux',
        checkPaths: true,
        detectContainers: false,
        pathMappings: { '/etc/mosquitto': '${workspaceFolder}/broker' },
      },
    });
    await client.initialize(VS_CODE_CAPABILITIES, undefined, [{ uri: uriOf(dir), name: 'w' }]);
  });
  after(() => {
    client.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a mapped file that exists is fine, a mapped file that does not is an error naming the local path', async () => {
    const main = write(path.join(dir, 'broker', 'mosquitto.conf'), 'listener 1883\nacl_file /etc/mosquitto/acl\npassword_file /etc/mosquitto/passwd\n');
    client.openDocument(uriOf(main), fs.readFileSync(main, 'utf8'));
    const published = await client.waitForDiagnostics(uriOf(main), (p) => p.diagnostics.some((d) => d.code === 'path-not-found'));
    const missing = published.diagnostics.filter((d) => d.code === 'path-not-found');
    assert.deepEqual(
      missing.map((d) => d.range.start.line),
      [2],
    );
    assert.match(String(missing[0].message), new RegExp(path.join(dir, 'broker', 'passwd').replace(/[\\/.]/g, '\\$&')));
    const target = await client.waitForNotification<AnalysisTargetParams>('mosquitto/analysisTarget', (p) => p.uri === uriOf(main));
    assert.equal(target.versionSource, 'setting');
    assert.deepEqual(target.pathMappings, [{ brokerPath: '/etc/mosquitto', localPath: path.join(dir, 'broker'), origin: 'setting' }]);
  });
});
