import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import type { AnalysisSettings } from '../../../server/src/service';
import { hover } from '../../../server/src/service/features/hover';
import { analysisOf, cursor, DOCUMENT_PATH } from './featureHelpers';

interface Options {
  readonly version?: string;
  readonly settings?: Partial<AnalysisSettings>;
  readonly markdown?: boolean;
}

function hoverAt(marked: string, options: Options = {}): Hover | null {
  const { text, position } = cursor(marked);
  return hover(analysisOf(text, options.version, options.settings), DOCUMENT_PATH, position, { markdown: options.markdown ?? true });
}

function contentsAt(marked: string, options: Options = {}): MarkupContent {
  const result = hoverAt(marked, options);
  assert.ok(result, 'expected a hover');
  const contents = result.contents;
  assert.ok(typeof contents === 'object' && 'kind' in contents, 'hover contents are MarkupContent');
  return contents;
}

/** The "Applies to" line of a hover, as plain text. */
function appliesTo(marked: string, options: Options = {}): string {
  const text = contentsAt(marked, { ...options, markdown: false }).value;
  const line = text.split('\n').find((l) => l.startsWith('Applies to: ') || l.startsWith('Starts: ') || l.startsWith('Reads: '));
  assert.ok(line, `no section line in:\n${text}`);
  return line;
}

suite('hover: the section a line applies to (from the section model)', () => {
  test('a listener option: the listener above it', () => {
    assert.equal(appliesTo('listener 1885\nprotocol websockets\ncert|file /c/server.crt'), 'Applies to: listener 1885');
  });

  test('a listener with a bind address', () => {
    assert.equal(appliesTo('listener 1885 0.0.0.0\nsocket_|domain ipv4'), 'Applies to: listener 1885 0.0.0.0');
  });

  test('a security option with per_listener_settings false: the whole broker, even under a listener', () => {
    assert.equal(appliesTo('listener 1885\npassword_|file /etc/pw'), 'Applies to: the whole broker (per_listener_settings is false)');
  });

  test('a security option with per_listener_settings true: its listener', () => {
    assert.equal(appliesTo('per_listener_settings true\nlistener 1885\npassword_|file /etc/pw'), 'Applies to: listener 1885 (per_listener_settings is true)');
  });

  test('a listener option before any listener: the default listener', () => {
    assert.equal(appliesTo('proto|col websockets\nlistener 1885', { version: '2.0' }), 'Applies to: the default listener (no listener defined above)');
  });

  test('port: the default listener with its port', () => {
    assert.equal(appliesTo('po|rt 1884'), 'Applies to: the default listener (port 1884)');
  });

  test('a bridge option: its bridge', () => {
    assert.equal(appliesTo('connection cloud\naddr|ess broker.example.com'), 'Applies to: bridge cloud');
  });

  test('a global option: the whole broker', () => {
    assert.equal(appliesTo('listener 1883\npersis|tence true'), 'Applies to: the whole broker (global option)');
  });

  test('a section start: what it starts and how many lines configure it', () => {
    assert.equal(appliesTo('liste|ner 8081\nprotocol websockets\nsocket_domain ipv4\n'), 'Starts: listener 8081, configured by 2 lines');
  });

  test('an option the broker refuses here: applies to nothing', () => {
    assert.match(appliesTo('top|ic # out 0'), /^Applies to: nothing/);
  });

  test('the seed configuration: cafile of the second websockets listener applies to listener 1885', () => {
    const seed =
      '# Port to use for the default listener.\nport 1883\n\n# normal websocket ws://\nlistener 1884\nprotocol websockets\n\n# secure websocket wss://\nlistener 1885\nprotocol websockets\n\n# CA certificate\ncaf|ile C:/mosquitto/certs/CA.crt\n';
    assert.equal(appliesTo(seed, { settings: { platform: 'windows' } }), 'Applies to: listener 1885');
  });
});

suite('hover: what a directive is', () => {
  test('range is the keyword; markdown names the directive and its syntax', () => {
    const { text, position } = cursor('listener 1883\nsocket_dom|ain ipv4');
    const result = hover(analysisOf(text), DOCUMENT_PATH, position, { markdown: true });
    assert.ok(result);
    assert.deepEqual(result.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 13 } });
    const contents = result.contents as MarkupContent;
    assert.equal(contents.kind, MarkupKind.Markdown);
    assert.ok(contents.value.startsWith('`socket_domain`'));
    assert.ok(contents.value.includes('`socket_domain [ ipv4 | ipv6 ]`'));
    assert.ok(contents.value.includes('`ipv4`, `ipv6`'), 'allowed values');
  });

  test('plaintext clients: the same facts without markdown', () => {
    const contents = contentsAt('listener 1883\nsocket_dom|ain ipv4', { markdown: false });
    assert.equal(contents.kind, MarkupKind.PlainText);
    assert.ok(!/[`*]/.test(contents.value), contents.value);
    assert.ok(contents.value.startsWith('socket_domain'));
    assert.ok(contents.value.includes('Syntax: socket_domain [ ipv4 | ipv6 ]'));
  });

  test('default, depending on the version: allow_anonymous', () => {
    const field = (version: string): string | undefined =>
      contentsAt('allow_anon|ymous true', { version, markdown: false })
        .value.split('\n')
        .find((l) => l.startsWith('Default: '));
    assert.equal(field('1.4'), 'Default: true');
    assert.match(field('2.0') ?? '', /^Default: false once/);
  });

  test('versions: a directive the selected release does not have is flagged', () => {
    const versions = (version: string): string | undefined =>
      contentsAt('listener 1883\nlistener_allow_anon|ymous true', { version, markdown: false })
        .value.split('\n')
        .find((l) => l.startsWith('Versions: '));
    assert.equal(versions('2.1'), 'Versions: since 2.1.0');
    assert.equal(versions('2.0'), 'Versions: since 2.1.0; not in mosquitto 2.0.22');
  });

  test('deprecated and removed facts', () => {
    assert.match(contentsAt('po|rt 1883', { markdown: false }).value, /^Versions: in every release since 1\.4; deprecated since 2\.0\.0 \(use listener\)$/m);
    assert.match(contentsAt('store_clean_int|erval 10', { markdown: false }).value, /removed in 2\.0\.0/);
  });

  test('values of the selected release, the others marked with the release that has them', () => {
    assert.match(contentsAt('listener 1883\nproto|col mqtt', { version: '2.0', markdown: false }).value, /^Values: mqtt, websockets, http_api \(2\.1\.0\+\)$/m);
  });

  test('where it goes, and a platform note marked for the selected platform', () => {
    const text = contentsAt('log_facil|ity 5', { settings: { platform: 'windows' }, markdown: false }).value;
    assert.match(text, /^Where: Global/m);
    assert.match(text, /^Platform: Windows \(the selected platform\): /m);
  });

  test('build requirements: websockets_origin needs websockets support', () => {
    assert.match(contentsAt('listener 8080\nwebsockets_ori|gin https://a', { markdown: false }).value, /^Needs: a broker built with websockets support$/m);
  });

  test('an option family: plugin_opt_* explains the prefix', () => {
    assert.ok(contentsAt('plugin /x.so\nplugin_opt_fo|o bar', { markdown: false }).value.startsWith('plugin_opt_*'));
  });

  test('no hover on unknown directives, comments, blank lines and white space', () => {
    assert.equal(hoverAt('protok|ol websockets'), null);
    assert.equal(hoverAt('# pro|tocol'), null);
    assert.equal(hoverAt('listener 1883\n|\n'), null);
    assert.equal(hoverAt('listener 1883   |   '), null);
  });
});

suite('hover: keyword values', () => {
  test('an enum value explains itself; the range is the value', () => {
    const { text, position } = cursor('listener 1883\nprotocol websock|ets');
    const result = hover(analysisOf(text), DOCUMENT_PATH, position, { markdown: true });
    assert.ok(result);
    assert.deepEqual(result.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 19 } });
    const value = (result.contents as MarkupContent).value;
    assert.ok(value.startsWith('`websockets` — value of `protocol`'));
  });

  test('a value the selected release does not accept says so', () => {
    assert.match(
      contentsAt('listener 1883\nprotocol http_a|pi', { version: '2.0', markdown: false }).value,
      /Since 2\.1\.0\. Not accepted by mosquitto 2\.0\.22\./,
    );
  });

  test('topic direction', () => {
    assert.ok(contentsAt('connection b\ntopic # bo|th 0', { markdown: false }).value.startsWith('both — value of topic'));
  });

  test('one item of a comma list', () => {
    const { text, position } = cursor('listener 1883\naccept_protocol_versions 4,|5');
    const result = hover(analysisOf(text), DOCUMENT_PATH, position, { markdown: false });
    assert.ok(result);
    assert.deepEqual(result.range, { start: { line: 1, character: 27 }, end: { line: 1, character: 28 } });
    assert.ok((result.contents as MarkupContent).value.startsWith('5 — value of accept_protocol_versions'));
  });

  test('a value without its own explanation shows the directive', () => {
    const contents = contentsAt('listener 1883\nsocket_domain ipv4\nallow_anonymous tr|ue', { markdown: false });
    assert.ok(contents.value.startsWith('allow_anonymous'));
  });
});
