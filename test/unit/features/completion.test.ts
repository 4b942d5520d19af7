import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-types';
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind } from 'vscode-languageserver-types';
import type { AnalysisSettings, FileSystemAccess } from '../../../server/src/service';
import { analyze, NO_FILE_SYSTEM } from '../../../server/src/service';
import type { CompletionClient } from '../../../server/src/service/features/completion';
import { complete, resolveCompletion } from '../../../server/src/service/features/completion';
import { landingPlace, lineContext } from '../../../server/src/service/model/lineContext';
import { memoryFs, settings } from '../helpers';
import { analysisOf, applyEdits, cursor, DOCUMENT_PATH, errorCodes, diagnosticsOf } from './featureHelpers';

const VS_CODE: CompletionClient = { markdown: true, snippets: true };
const PLAIN: CompletionClient = { markdown: false, snippets: false };

interface Options {
  readonly version?: string;
  readonly settings?: Partial<AnalysisSettings>;
  readonly client?: CompletionClient;
  readonly fs?: FileSystemAccess;
  readonly documentPath?: string | null;
}

function completionsAt(marked: string, options: Options = {}): CompletionList {
  const { text, position } = cursor(marked);
  const fs = options.fs ?? NO_FILE_SYSTEM;
  const analysis = analysisOf(text, options.version, options.settings, fs);
  const documentPath = options.documentPath === null ? undefined : (options.documentPath ?? DOCUMENT_PATH);
  return complete(analysis, DOCUMENT_PATH, position, options.client ?? VS_CODE, { documentPath, fs });
}

function labels(marked: string, options: Options = {}): string[] {
  return completionsAt(marked, options).items.map((i) => i.label);
}

function item(marked: string, label: string, options: Options = {}): CompletionItem {
  const found = completionsAt(marked, options).items.find((i) => i.label === label);
  assert.ok(found, `no completion item '${label}'`);
  return found;
}

function textEditOf(completion: CompletionItem): TextEdit {
  const edit = completion.textEdit;
  assert.ok(edit && 'range' in edit, 'the item carries a TextEdit');
  return edit;
}

function includesAll(actual: readonly string[], expected: readonly string[]): void {
  for (const e of expected) {
    assert.ok(actual.includes(e), `expected '${e}' among the completions`);
  }
}

function excludesAll(actual: readonly string[], unexpected: readonly string[]): void {
  for (const e of unexpected) {
    assert.ok(!actual.includes(e), `did not expect '${e}' among the completions`);
  }
}

suite('completion: directive names for the section at the cursor', () => {
  test('in a websockets listener: listener options, not the protocol already set, no bridge options', () => {
    const found = labels('listener 1885\nprotocol websockets\n|');
    includesAll(found, ['socket_domain', 'cafile', 'certfile', 'keyfile', 'listener', 'connection']);
    excludesAll(found, ['protocol', 'address', 'topic', 'cleansession']);
  });

  test('in a bridge: bridge options; listener options left out; address only once', () => {
    const found = labels('connection cloud\naddress broker.example.com\n|');
    includesAll(found, ['topic', 'remote_username', 'bridge_cafile', 'listener']);
    excludesAll(found, ['address', 'addresses', 'socket_domain', 'cafile', 'protocol']);
  });

  test('before any listener: global options and section starters; no listener or bridge options', () => {
    const found = labels('|');
    includesAll(found, ['persistence', 'log_dest', 'listener', 'connection', 'include_dir', 'per_listener_settings', 'allow_anonymous']);
    excludesAll(found, ['socket_domain', 'protocol', 'certfile', 'address', 'topic']);
  });

  test('after port: the default listener is in use, so its options are offered', () => {
    includesAll(labels('port 1883\n|'), ['protocol', 'socket_domain', 'certfile']);
  });

  test('too-new directives are left out: listener_allow_anonymous needs 2.1', () => {
    includesAll(labels('listener 1883\n|', { version: '2.1' }), ['listener_allow_anonymous', 'accept_protocol_versions']);
    excludesAll(labels('listener 1883\n|', { version: '2.0' }), ['listener_allow_anonymous', 'accept_protocol_versions']);
  });

  test('removed directives are left out for versions that removed them', () => {
    includesAll(labels('|', { version: '1.6' }), ['store_clean_interval']);
    excludesAll(labels('|', { version: '2.0' }), ['store_clean_interval', 'max_log_entries']);
    includesAll(labels('listener 8883\n|', { version: '2.0' }), ['dhparamfile']);
    excludesAll(labels('listener 8883\n|', { version: '2.1' }), ['dhparamfile']);
  });

  test('deprecated directives are tagged, not hidden: port in 2.0, not in 1.6', () => {
    assert.deepEqual(item('|', 'port', { version: '2.0' }).tags, [CompletionItemTag.Deprecated]);
    assert.equal(item('|', 'port', { version: '1.6' }).tags, undefined);
  });

  test('platform: bind_interface only where the broker supports it (Linux)', () => {
    includesAll(labels('listener 1883\n|', { settings: { platform: 'linux' } }), ['bind_interface']);
    excludesAll(labels('listener 1883\n|', { settings: { platform: 'windows' } }), ['bind_interface']);
  });

  test('ranking: in a listener, its options sort before global ones', () => {
    const list = completionsAt('listener 1883\n|');
    const sortOf = (label: string): string => list.items.find((i) => i.label === label)?.sortText ?? '';
    assert.ok(sortOf('socket_domain') < sortOf('persistence'));
    assert.ok(sortOf('listener') < sortOf('persistence'));
  });

  test('per_listener_settings true: security options are offered inside a listener and belong to it', () => {
    const found = labels('per_listener_settings true\nlistener 1883\n|', { version: '2.0' });
    includesAll(found, ['password_file', 'allow_anonymous', 'acl_file']);
  });

  test('per_listener_settings true, 2.1: security options are left out before any listener (the broker refuses them)', () => {
    excludesAll(labels('per_listener_settings true\n|', { version: '2.1' }), ['password_file', 'allow_anonymous']);
  });

  test('plugin options only after a plugin line', () => {
    includesAll(labels('plugin /usr/lib/x.so\n|'), ['plugin_opt_*']);
    excludesAll(labels('|'), ['plugin_opt_*', 'auth_opt_*']);
  });

  test('plugin_opt_*: inserts the prefix with placeholders for key and value', () => {
    const completion = item('plugin /usr/lib/x.so\n|', 'plugin_opt_*');
    assert.equal(completion.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(textEditOf(completion).newText, 'plugin_opt_${1:key} ${2:value}');
    assert.equal(textEditOf(item('plugin /usr/lib/x.so\n|', 'plugin_opt_*', { client: PLAIN })).newText, 'plugin_opt_');
  });

  test('include_dir is not offered in an included file (the broker refuses nested includes)', () => {
    const main = '/etc/mosquitto/mosquitto.conf';
    const included = '/etc/mosquitto/conf.d/a.conf';
    const fs = memoryFs({ [main]: 'include_dir /etc/mosquitto/conf.d\n', [included]: 'persistence true\n\n' });
    const analysis = analyze({ text: 'include_dir /etc/mosquitto/conf.d\n', uri: main, path: main }, settings(), fs);
    const found = complete(analysis, included, { line: 1, character: 0 }, VS_CODE, { fs }).items.map((i) => i.label);
    includesAll(found, ['listener', 'log_dest']);
    excludesAll(found, ['include_dir']);
  });

  test('replaces the whole keyword under the cursor: "sock|et"', () => {
    const edit = textEditOf(item('listener 1883\nsock|et', 'socket_domain'));
    assert.deepEqual(edit.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
    assert.equal(edit.newText, 'socket_domain');
  });

  test('the directive on the cursor line does not count as a duplicate of itself', () => {
    includesAll(labels('listener 1883\nprot|ocol websockets'), ['protocol']);
  });

  test('documentation: markdown for markdown clients, plaintext otherwise', () => {
    const rich = item('listener 1883\n|', 'socket_domain').documentation;
    const plain = item('listener 1883\n|', 'socket_domain', { client: PLAIN }).documentation;
    assert.ok(typeof rich === 'object' && rich.kind === MarkupKind.Markdown && rich.value.includes('`socket_domain`'));
    assert.ok(typeof plain === 'object' && plain.kind === MarkupKind.PlainText && !plain.value.includes('`') && !plain.value.includes('**'));
  });

  test('a trigger character at the start of a line opens nothing (typing indentation)', () => {
    const { text, position } = cursor('listener 1883\n |');
    assert.deepEqual(complete(analysisOf(text), DOCUMENT_PATH, position, VS_CODE, { triggerCharacter: ' ' }).items, []);
    const values = cursor('listener 1883\nprotocol |');
    assert.equal(complete(analysisOf(values.text), DOCUMENT_PATH, values.position, VS_CODE, { triggerCharacter: ' ' }).items.length, 3);
  });

  test('nothing inside a comment, nothing before an indented keyword', () => {
    assert.deepEqual(labels('# a comm|ent'), []);
    assert.deepEqual(labels(' | listener 1883'), []);
  });
});

suite('completion: values after the directive', () => {
  test('protocol: mqtt, websockets, and http_api only from 2.1', () => {
    assert.deepEqual(labels('listener 1883\nprotocol |'), ['mqtt', 'websockets', 'http_api']);
    assert.deepEqual(labels('listener 1883\nprotocol |', { version: '2.0' }), ['mqtt', 'websockets']);
  });

  test('values carry their explanation and the default is marked', () => {
    const mqtt = item('listener 1883\nprotocol |', 'mqtt');
    assert.equal(mqtt.labelDetails?.description, 'default');
    assert.ok(typeof mqtt.documentation === 'object' && mqtt.documentation.value.length > 0);
    assert.equal(item('listener 1883\nprotocol |', 'websockets').labelDetails, undefined);
  });

  test('socket_domain, start_type, bridge_protocol_version (mqttv50 from 2.0)', () => {
    assert.deepEqual(labels('listener 1883\nsocket_domain |'), ['ipv4', 'ipv6']);
    assert.deepEqual(labels('connection b\nstart_type |'), ['automatic', 'lazy', 'once']);
    assert.deepEqual(labels('connection b\nbridge_protocol_version |', { version: '2.0' }), ['mqttv31', 'mqttv311', 'mqttv50']);
    assert.deepEqual(labels('connection b\nbridge_protocol_version |', { version: '1.6' }), ['mqttv31', 'mqttv311']);
  });

  test('log_dest: dlt from 2.0, android never (Android builds only)', () => {
    const found = labels('log_dest |');
    includesAll(found, ['syslog', 'stdout', 'stderr', 'file', 'topic', 'none', 'dlt']);
    excludesAll(found, ['android']);
    excludesAll(labels('log_dest |', { version: '1.6' }), ['dlt']);
  });

  test('log_type and tls_version follow the version: tlsv1 only before 1.6, tlsv1.3 from 1.6', () => {
    includesAll(labels('log_type |'), ['debug', 'all', 'websockets', 'internal']);
    const old = labels('listener 8883\ntls_version |', { version: '1.5' });
    includesAll(old, ['tlsv1', 'tlsv1.2']);
    excludesAll(old, ['tlsv1.3']);
    const current = labels('listener 8883\ntls_version |');
    includesAll(current, ['tlsv1.3', 'tlsv1.2']);
    excludesAll(current, ['tlsv1']);
  });

  test('booleans: true and false', () => {
    assert.deepEqual(labels('listener 1883\nallow_anonymous |'), ['true', 'false']);
    assert.equal(item('persistence |', 'false').labelDetails?.description, 'default');
  });

  test('topic directions on the second word of a bridge topic', () => {
    assert.deepEqual(labels('connection b\ntopic sensors/# |'), ['out', 'in', 'both']);
    assert.deepEqual(labels('connection b\ntopic |'), []);
  });

  test('comma lists: accept_protocol_versions offers the versions not listed yet', () => {
    assert.deepEqual(labels('listener 1883\naccept_protocol_versions 4,|'), ['3', '5']);
    const edit = textEditOf(item('listener 1883\naccept_protocol_versions 4,|', '5'));
    assert.deepEqual(edit.range, { start: { line: 1, character: 27 }, end: { line: 1, character: 27 } });
  });

  test('replaces the word being typed: "protocol web|s"', () => {
    const edit = textEditOf(item('listener 1883\nprotocol web|s', 'websockets'));
    assert.deepEqual(edit.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 13 } });
  });

  test('one-word options: nothing after the value (the broker ignores the rest)', () => {
    assert.deepEqual(labels('listener 1883\nallow_anonymous true |'), []);
  });

  test('unknown directives get no value completion', () => {
    assert.deepEqual(labels('protokol |'), []);
  });
});

suite('completion: file and folder paths', () => {
  const fs = memoryFs({
    '/etc/mosquitto/mosquitto.conf': '',
    '/etc/mosquitto/passwd': '',
    '/etc/mosquitto/certs/ca.crt': '',
    '/etc/mosquitto/certs/server.crt': '',
    '/etc/mosquitto/certs/server.key': '',
    '/etc/mosquitto/certs/.hidden': '',
    '/etc/mosquitto/conf.d/': '',
    '/var/log/mosquitto/': '',
  });

  test('absolute folder: lists its files', () => {
    assert.deepEqual(labels('listener 8883\ncafile /etc/mosquitto/certs/|', { fs }).sort(), ['ca.crt', 'server.crt', 'server.key']);
  });

  test('folders come first and end with a separator', () => {
    const list = completionsAt('listener 8883\ncafile /etc/mosquitto/|', { fs });
    const folders = list.items
      .filter((i) => i.kind === CompletionItemKind.Folder)
      .map((i) => i.label)
      .sort();
    assert.deepEqual(folders, ['certs/', 'conf.d/']);
    const sorted = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.equal(sorted[0].kind, CompletionItemKind.Folder);
    includesAll(
      list.items.map((i) => i.label),
      ['passwd', 'mosquitto.conf'],
    );
  });

  test('relative paths resolve against the folder of the configuration file', () => {
    assert.deepEqual(labels('listener 8883\ncertfile certs/|', { fs }).sort(), ['ca.crt', 'server.crt', 'server.key']);
    includesAll(labels('password_file |', { fs }), ['passwd', 'certs/']);
  });

  test('relative paths in a document that is not on disk: nothing to list', () => {
    assert.deepEqual(labels('password_file |', { fs, documentPath: null }), []);
  });

  test('folder options list folders only: capath, include_dir', () => {
    assert.deepEqual(labels('listener 8883\ncapath /etc/mosquitto/|', { fs }).sort(), ['certs/', 'conf.d/']);
    assert.deepEqual(labels('include_dir |', { fs }).sort(), ['certs/', 'conf.d/']);
  });

  test('the typed part of the name is replaced, the folder is kept', () => {
    const edit = textEditOf(item('listener 8883\nkeyfile /etc/mosquitto/certs/ser|', 'server.key', { fs }));
    assert.deepEqual(edit.range, { start: { line: 1, character: 29 }, end: { line: 1, character: 32 } });
    assert.equal(applyEdits('listener 8883\nkeyfile /etc/mosquitto/certs/ser', [edit]), 'listener 8883\nkeyfile /etc/mosquitto/certs/server.key');
  });

  test('hidden entries only when the typed name starts with a dot', () => {
    excludesAll(labels('listener 8883\ncafile /etc/mosquitto/certs/|', { fs }), ['.hidden']);
    includesAll(labels('listener 8883\ncafile /etc/mosquitto/certs/.|', { fs }), ['.hidden']);
  });

  test('log_dest file: the path after "file"', () => {
    assert.deepEqual(labels('log_dest file /var/log/|', { fs }), ['mosquitto/']);
  });

  test('a Windows path cannot be listed on a Linux host', () => {
    assert.deepEqual(labels('listener 8883\ncafile C:/mosquitto/|', { fs }), []);
  });
});

suite('completion: snippets', () => {
  const snippetLabels = (list: CompletionList): string[] => list.items.filter((i) => i.kind === CompletionItemKind.Snippet).map((i) => i.label);

  test('offered at the start of a line: wss, ws and TLS listeners, password file, bridge', () => {
    assert.deepEqual(snippetLabels(completionsAt('port 1883\n|')).sort(), ['bridge', 'password-file', 'tls-listener', 'ws-listener', 'wss-listener']);
  });

  test('not offered on an indented line or after a value', () => {
    assert.deepEqual(snippetLabels(completionsAt('  |')), []);
    assert.deepEqual(snippetLabels(completionsAt('listener 1883\nlis|tener 1884')), []);
  });

  test('snippet clients get tab stops; others plain text with the defaults filled in', () => {
    const rich = item('|', 'wss-listener');
    assert.equal(rich.insertTextFormat, InsertTextFormat.Snippet);
    assert.match(textEditOf(rich).newText, /^listener \$\{1:\d+\}\nprotocol websockets\n/);
    const plain = item('|', 'wss-listener', { client: PLAIN });
    assert.equal(plain.insertTextFormat, InsertTextFormat.PlainText);
    assert.ok(!textEditOf(plain).newText.includes('$'));
    assert.match(textEditOf(plain).newText, /^listener 8081\nprotocol websockets\ncafile \S+\ncertfile \S+\nkeyfile \S+$/);
  });

  test('wss listener on Windows adds socket_domain ipv4', () => {
    const windows = textEditOf(item('|', 'wss-listener', { client: PLAIN, settings: { platform: 'windows' } })).newText;
    assert.match(windows, /^protocol websockets\nsocket_domain ipv4$/m);
    assert.ok(!textEditOf(item('|', 'wss-listener', { client: PLAIN })).newText.includes('socket_domain'));
  });

  test('the proposed port is one no listener uses yet', () => {
    const text = textEditOf(item('listener 8081\nallow_anonymous true\n\n|', 'wss-listener', { client: PLAIN })).newText;
    assert.match(text, /^listener 8082$/m);
  });

  test('inserting the wss snippet on a Windows config gives a listener with no errors and no websockets advice', () => {
    const { text, position } = cursor('allow_anonymous true\n|');
    const analysis = analysisOf(text, '2.1', { platform: 'windows' });
    const snippet = complete(analysis, DOCUMENT_PATH, position, PLAIN, {}).items.find((i) => i.label === 'wss-listener');
    assert.ok(snippet);
    const result = applyEdits(text, [textEditOf(snippet)]);
    const diagnostics = diagnosticsOf(analysisOf(result, '2.1', { platform: 'windows' }));
    assert.deepEqual(errorCodes(diagnostics), []);
    assert.ok(!diagnostics.some((d) => d.code === 'websockets-socket-domain' || d.code === 'tls-certfile-without-keyfile'));
  });
});

suite('completion: suppression comments', () => {
  test('rule ids after "# mosquitto-lint-disable-next-line"', () => {
    const found = labels('# mosquitto-lint-disable-next-line |');
    includesAll(found, ['unknown-directive', 'anonymous-refused', 'tab-separator']);
    excludesAll(found, ['included-file-errors']);
  });

  test('ids already listed are not offered again', () => {
    excludesAll(labels('# mosquitto-lint-disable-next-line anonymous-refused |'), ['anonymous-refused']);
  });
});

suite('landing place: the completion context mirrors the section model', () => {
  const texts = [
    'port 1883\nprotocol websockets\nlistener 1884\nprotocol websockets\nconnection b\naddress x\ncafile /c\nlistener 1885\nmax_connections 5\n',
    'per_listener_settings true\npassword_file /p\nlistener 1883\nallow_anonymous true\nplugin /x.so\nplugin_opt_a b\nport 1884\nacl_file /a\n',
    'max_connections 3\nlistener 1883\nconnection c\nprotocol websockets\nsocket_domain ipv4\nlisten 1\nplugin_opt_x y\nconnection d\ntopic #\n',
    'allow_anonymous true\nbind_address 127.0.0.1\nmount_point x/\nlistener 1883 ::1\nmount_point y/\nuse_identity_as_username true\n',
    'listener 1883\nper_listener_settings true\nallow_anonymous true\nlistener_allow_anonymous true\naccept_protocol_versions 4\nplugin_use a\n',
  ];
  for (const version of ['1.4', '1.6', '2.0', '2.1']) {
    test(`every directive lands where the model puts it (${version})`, () => {
      for (const text of texts) {
        const analysis = analysisOf(text, version);
        const model = analysis.model;
        for (const [line, { directive: d }] of model.main.lines.entries()) {
          const placement = d && model.placements.get(d);
          if (!d?.spec || !placement) {
            continue;
          }
          const place = landingPlace(model, lineContext(model, DOCUMENT_PATH, line), d.spec);
          assert.equal(place.kind, placement.kind, `line ${line + 1} '${d.name}' of ${JSON.stringify(text)}`);
          if (place.kind !== 'section-start') {
            assert.equal(place.target, placement.target, `target of line ${line + 1} '${d.name}'`);
          }
        }
      }
    });
  }
});

suite('completion: documentation resolved lazily (completionItem/resolve)', () => {
  const LAZY: CompletionClient = { ...VS_CODE, resolvesDocumentation: true };
  const PLAIN_LAZY: CompletionClient = { ...PLAIN, resolvesDocumentation: true };
  const places: [string, Options][] = [
    ['|', {}],
    ['listener 1883\n|', {}],
    ['listener 1883\n|', { version: '1.6', settings: { platform: 'windows' } }],
    ['connection b\naddress h\n|', {}],
    ['listener 1883\nprotocol |', {}],
    ['listener 1883\nprotocol |', { version: '2.0' }],
    ['log_type |', {}],
  ];

  test('the lazy list carries no directive or value documentation, and resolving gives exactly what other clients get in the list', () => {
    for (const [eagerClient, lazyClient] of [
      [VS_CODE, LAZY],
      [PLAIN, PLAIN_LAZY],
    ] as const) {
      for (const [marked, options] of places) {
        const eager = completionsAt(marked, { ...options, client: eagerClient }).items;
        const lazy = completionsAt(marked, { ...options, client: lazyClient }).items;
        assert.deepEqual(
          lazy.map((i) => i.label),
          eager.map((i) => i.label),
          marked,
        );
        assert.ok(
          lazy.some((i) => i.data !== undefined),
          `${marked}: some items to resolve`,
        );
        for (const [i, item] of lazy.entries()) {
          if (item.data !== undefined) {
            assert.equal(item.documentation, undefined, `${marked} ${item.label}`);
          }
          // What the client sends back is the item as JSON.
          const resolved = resolveCompletion(JSON.parse(JSON.stringify(item)) as CompletionItem, eagerClient);
          const { data: _data, ...withoutData } = resolved;
          assert.deepEqual(withoutData, eager[i], `${marked} ${item.label}`);
        }
      }
    }
  });

  test('with a default edit range the list carries its range once; expanding it gives the same items', () => {
    const COMPACT: CompletionClient = { ...LAZY, editRangeDefault: true };
    for (const marked of ['|', 'listener 1883\n|', 'listener 1883\nprot|ocol websockets', 'plug|']) {
      const eager = completionsAt(marked).items;
      const compact = completionsAt(marked, { client: COMPACT });
      const range = compact.itemDefaults?.editRange;
      assert.ok(range && 'start' in range, `${marked}: a default edit range`);
      const expanded = compact.items.map((item) => {
        assert.equal(item.textEdit, undefined, `${marked} ${item.label}: no TextEdit of its own`);
        const { textEditText, ...rest } = JSON.parse(JSON.stringify(item)) as CompletionItem;
        return resolveCompletion({ ...rest, textEdit: { range, newText: textEditText ?? item.label } }, VS_CODE);
      });
      assert.deepEqual(
        expanded.map(({ data: _data, ...withoutData }) => withoutData),
        eager.map((item) => JSON.parse(JSON.stringify(item)) as CompletionItem),
        marked,
      );
    }
  });

  test('the lazy list is much smaller than the full one', () => {
    const eager = JSON.stringify(completionsAt('listener 1883\n|').items).length;
    const lazy = JSON.stringify(completionsAt('listener 1883\n|', { client: LAZY }).items).length;
    assert.ok(lazy * 2 < eager, `${lazy} bytes lazily against ${eager}`);
  });

  test('items without resolve data (paths, rule ids, other servers) come back unchanged', () => {
    const other: CompletionItem = { label: 'x', data: { something: 1 } };
    assert.equal(resolveCompletion(other, VS_CODE), other);
    const unknown: CompletionItem = { label: 'y', data: { directive: 'no_such_option', release: '2.0.11', platform: 'linux' } };
    assert.equal(resolveCompletion(unknown, VS_CODE), unknown);
  });
});

suite('completion: work kept per analysis', () => {
  // Reader states of every kind: the global area before and after per_listener_settings,
  // listeners with taken options, a plugin and its options, a bridge, and (2.1) the default
  // listener made current by `port` inside a listener's block.
  const TEXT = [
    '',
    'per_listener_settings true',
    '',
    'max_connections 5',
    '',
    'listener 1883',
    'allow_anonymous true',
    'max_connections 10',
    '',
    'plugin /usr/lib/mosquitto_dynamic_security.so',
    'plugin_opt_config_file /etc/mosquitto/dynsec.json',
    '',
    'connection bridge-a',
    'address broker.example.com:1883',
    'topic # both 0',
    '',
    'listener 8883',
    'max_connections 3',
    '',
    'port 1884',
    '',
  ].join('\n');
  const positions = TEXT.split('\n').flatMap((line, i) => {
    const nameEnd = line.indexOf(' ') === -1 ? line.length : line.indexOf(' ');
    return [
      { line: i, character: 0 },
      { line: i, character: nameEnd },
    ];
  });

  test('completions on one analysis, asked at every line twice over in both orders, equal those of a fresh analysis', () => {
    for (const client of [VS_CODE, PLAIN, { ...VS_CODE, resolvesDocumentation: true, editRangeDefault: true }]) {
      for (const version of ['1.6.15', '2.0.22', '2.1.2']) {
        const shared = analysisOf(TEXT, version);
        const fresh = (position: { line: number; character: number }): CompletionList =>
          complete(analysisOf(TEXT, version), DOCUMENT_PATH, position, client, { documentPath: DOCUMENT_PATH });
        for (const position of [...positions, ...[...positions].reverse(), ...positions]) {
          assert.deepEqual(
            complete(shared, DOCUMENT_PATH, position, client, { documentPath: DOCUMENT_PATH }),
            fresh(position),
            `${version} ${position.line}:${position.character}`,
          );
        }
      }
    }
  });
});
