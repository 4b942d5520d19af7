import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { SymbolKind, SymbolTag } from 'vscode-languageserver-types';
import { analyze, defaultSettings } from '../../../server/src/service';
import { documentSymbols, symbolInformation } from '../../../server/src/service/features/symbols';
import { memoryFs, settings } from '../helpers';
import { corpusFiles, range } from './structureHelpers';
import * as fs from 'node:fs';

const URI = '/etc/mosquitto/mosquitto.conf';

function symbols(text: string, release = '2.1.2'): DocumentSymbol[] {
  const analysis = analyze({ text, uri: URI }, settings(release));
  return documentSymbols(analysis.model, analysis.parsed);
}

/** Compact tree: `name [startLine-endLine]` with children indented. */
function outline(list: readonly DocumentSymbol[], indent = ''): string[] {
  return list.flatMap((s) => [`${indent}${s.name} [${s.range.start.line}-${s.range.end.line}]`, ...outline(s.children ?? [], `${indent}  `)]);
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Every child inside its parent, every selection range inside its range. */
function assertWellFormed(list: readonly DocumentSymbol[], file: string): void {
  for (const s of list) {
    assert.ok(s.name.trim().length > 0, `${file}: empty symbol name`);
    assert.ok(contains(s.range, s.selectionRange), `${file}: selection range of ${s.name} outside its range`);
    for (const child of s.children ?? []) {
      assert.ok(contains(s.range, child.range), `${file}: ${child.name} outside ${s.name}`);
    }
    assertWellFormed(s.children ?? [], file);
  }
}

suite('document symbols: sections', () => {
  test('global, listeners and bridges with their directives as children', () => {
    const text = [
      'allow_anonymous false', // 0
      'listener 1883', // 1
      'listener 1885', // 2
      'protocol websockets', // 3
      'certfile /etc/c.pem', // 4
      'keyfile /etc/k.pem', // 5
      'connection cloud', // 6
      'address broker.example.com:8883', // 7
      'topic # both 0', // 8
    ].join('\n');
    assert.deepEqual(outline(symbols(text)), [
      'listener 1883 [1-1]',
      'listener 1885 (websockets, TLS) [2-5]',
      '  protocol [3-3]',
      '  certfile [4-4]',
      '  keyfile [5-5]',
      'bridge cloud → broker.example.com:8883 [6-8]',
      '  address [7-7]',
      '  topic [8-8]',
      'global [0-0]',
      '  allow_anonymous [0-0]',
    ]);
  });
  test('listener names: bind address, unix socket, TLS needs both certfile and keyfile', () => {
    const names = symbols('listener 1883 127.0.0.1\nlistener 0 /run/mosquitto.sock\nlistener 8883\ncertfile /c\nlistener 8884\npsk_hint hint\n').map(
      (s) => s.name,
    );
    assert.deepEqual(names, ['listener 1883 127.0.0.1', 'listener 0 /run/mosquitto.sock (unix socket)', 'listener 8883', 'listener 8884 (TLS-PSK)']);
  });
  test('the default listener appears when port, bind_address or its options are used', () => {
    assert.deepEqual(outline(symbols('port 1884\nbind_address 127.0.0.1\n')), [
      'default listener (port 1884 on 127.0.0.1) [0-1]',
      '  port [0-0]',
      '  bind_address [1-1]',
    ]);
    assert.deepEqual(outline(symbols('max_connections 10\nlistener 1883\n')).slice(0, 2), ['default listener (port 1883) [0-0]', '  max_connections [0-0]']);
    assert.ok(!symbols('listener 1883\n').some((s) => s.name.startsWith('default listener')));
  });
  test('header line: selection range is the header, the range runs to the last child', () => {
    const [listener] = symbols('listener 1883\nmax_connections 5\n');
    assert.deepEqual(listener.selectionRange, range(0, 0, 0, 13));
    assert.deepEqual(listener.range, range(0, 0, 1, 17));
    assert.deepEqual(listener.children?.[0].selectionRange, range(1, 0, 1, 15));
    assert.equal(listener.children?.[0].detail, '5');
  });
  test('bridge without an address, several addresses', () => {
    assert.deepEqual(
      symbols('connection a\ntopic x\nconnection b\naddress h1:1883 h2:1884\ntopic y\n').map((s) => s.name),
      ['bridge a', 'bridge b → h1:1883, …'],
    );
  });
  test('kinds: global Namespace, listener Interface, bridge Module, directive Property', () => {
    const list = symbols('listener 1883\nconnection b\nlog_type all\n');
    assert.deepEqual(
      list.map((s) => s.kind),
      [SymbolKind.Interface, SymbolKind.Module, SymbolKind.Namespace],
    );
    assert.equal(list[2].children?.[0].kind, SymbolKind.Property);
  });
});

suite('document symbols: effective sections (placements)', () => {
  test('a global option inside a listener block is a child of global; global spans around it', () => {
    const text = 'listener 1883\nlog_type all\nmax_connections 3\n';
    assert.deepEqual(outline(symbols(text)), ['listener 1883 [0-2]', '  max_connections [2-2]', 'global [1-1]', '  log_type [1-1]']);
  });
  test('a listener option after a connection still belongs to the last listener (sections overlap)', () => {
    const text = 'listener 1883\nconnection b\naddress h\nmax_connections 3\n';
    assert.deepEqual(outline(symbols(text)), ['listener 1883 [0-3]', '  max_connections [3-3]', 'bridge b → h [1-2]', '  address [2-2]']);
  });
  test('security options follow per_listener_settings', () => {
    const text = 'per_listener_settings true\nlistener 1883\nallow_anonymous true\n';
    const list = symbols(text);
    assert.deepEqual(outline(list), ['listener 1883 [1-2]', '  allow_anonymous [2-2]', 'global [0-0]', '  per_listener_settings [0-0]']);
    assert.equal(list[1].detail, 'per_listener_settings true');
    assert.deepEqual(outline(symbols('listener 1883\nallow_anonymous true\n')), ['listener 1883 [0-0]', 'global [1-1]', '  allow_anonymous [1-1]']);
  });
  test('lines that apply to no section are top-level symbols with the reason', () => {
    const list = symbols('bogus 1\ntopic x\nlistener 1883\n');
    assert.deepEqual(
      list.map((s) => [s.name, s.detail, s.kind]),
      [
        ['bogus', 'unknown directive', SymbolKind.Key],
        ['topic', 'no bridge: needs a connection line before it', SymbolKind.Property],
        ['listener 1883', undefined, SymbolKind.Interface],
      ],
    );
  });
  test('global comes last, the rest by position (breadcrumbs take the first enclosing symbol)', () => {
    const list = symbols('log_type all\nlistener 1883\nmax_connections 1\nlog_dest stdout\nlistener 1884\n');
    assert.deepEqual(
      list.map((s) => s.name),
      ['listener 1883', 'listener 1884', 'global'],
    );
  });
  test('deprecated directives for the selected release are tagged', () => {
    const [, global] = symbols('listener 1883\nacl_file /etc/acl\n', '2.1.2');
    assert.deepEqual(global.children?.[0].tags, [SymbolTag.Deprecated]);
    const [, older] = symbols('listener 1883\nacl_file /etc/acl\n', '2.0.22');
    assert.equal(older.children?.[0].tags, undefined);
  });
  test('invisible characters are shown as escapes; names are never blank', () => {
    const list = symbols('\t\nlistener\t1883\n');
    assert.deepEqual(
      list.map((s) => s.name),
      ['\\t', 'listener\\t1883'],
    );
  });
  test('directives of included files are not listed in the main file', () => {
    const files = memoryFs({ '/etc/mosquitto/mosquitto.conf': 'include_dir /etc/mosquitto/conf.d\n', '/etc/mosquitto/conf.d/a.conf': 'listener 1883\n' });
    const analysis = analyze({ text: 'include_dir /etc/mosquitto/conf.d\n', uri: URI, path: URI }, settings('2.1.2'), files);
    assert.equal(analysis.model.listeners.length, 1);
    assert.deepEqual(outline(documentSymbols(analysis.model, analysis.parsed)), ['global [0-0]', '  include_dir [0-0]']);
  });
  test('an empty file has no symbols', () => {
    assert.deepEqual(symbols(''), []);
  });
});

suite('document symbols: flat fallback (SymbolInformation)', () => {
  test('sections and directives, children with their container name, in document order', () => {
    const analysis = analyze({ text: 'log_type all\nlistener 1883\nmax_connections 1\n', uri: URI }, defaultSettings());
    const flat = symbolInformation(analysis.model, 'file:///etc/mosquitto/mosquitto.conf', analysis.parsed);
    assert.deepEqual(
      flat.map((s) => [s.name, s.containerName, s.location.range.start.line]),
      [
        ['global', undefined, 0],
        ['log_type', 'global', 0],
        ['listener 1883', undefined, 1],
        ['max_connections', 'listener 1883', 2],
      ],
    );
    assert.ok(flat.every((s) => s.location.uri === 'file:///etc/mosquitto/mosquitto.conf'));
  });
});

suite('document symbols: well formed on every corpus file', () => {
  const corpus = corpusFiles();
  test('children inside parents, selection inside range, no blank names', { skip: corpus.length === 0 ? 'corpus not found' : false }, () => {
    for (const file of corpus) {
      const text = fs.readFileSync(file, 'utf8');
      for (const release of ['2.1.2', '2.0.22', '1.6.15']) {
        const analysis = analyze({ text, uri: file }, settings(release));
        assertWellFormed(documentSymbols(analysis.model, analysis.parsed), file);
      }
    }
  });
});
