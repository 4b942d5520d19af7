import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { CodeActionKind, CodeActionTriggerKind, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { AnalysisSettings, FileSystemAccess } from '../../../server/src/service';
import { NO_FILE_SYSTEM } from '../../../server/src/service';
import { codeActions, INSERT_WSS_LISTENER_KIND, INSERT_WSS_LISTENER_TITLE } from '../../../server/src/service/features/codeActions';
import { memoryFs } from '../helpers';
import { analysisOf, applyEdits, cursor, diagnosticsOf, DOCUMENT_PATH, DOCUMENT_URI, editsOf, errorCodes } from './featureHelpers';

interface Options {
  readonly version?: string;
  readonly settings?: Partial<AnalysisSettings>;
  readonly fs?: FileSystemAccess;
}

function diagnosticsFor(text: string, options: Options): Diagnostic[] {
  return diagnosticsOf(analysisOf(text, options.version, options.settings, options.fs ?? NO_FILE_SYSTEM));
}

/** Quick fixes the service offers for the first diagnostic with this code. */
function quickFixes(text: string, code: string, options: Options = {}): CodeAction[] {
  const analysis = analysisOf(text, options.version, options.settings, options.fs ?? NO_FILE_SYSTEM);
  const diagnostic = diagnosticsOf(analysis).find((d) => d.code === code);
  assert.ok(diagnostic, `no '${code}' diagnostic for ${JSON.stringify(text)}`);
  return codeActions(
    analysis,
    { uri: DOCUMENT_URI, fileId: DOCUMENT_PATH, range: diagnostic.range, diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] },
    { fs: options.fs },
  ).filter((a) => !a.title.startsWith('Suppress'));
}

/**
 * Applies the fix for `code` (the one whose title matches, else the only/preferred one) and
 * checks it: the result text is exactly `expected` (so every other line, comments included,
 * is byte-identical), that diagnostic is gone and no new error appears.
 */
function assertFix(text: string, code: string, expected: string, options: Options & { readonly title?: RegExp } = {}): CodeAction {
  const fixes = quickFixes(text, code, options);
  const fix = options.title ? fixes.find((f) => options.title?.test(f.title)) : fixes.length === 1 ? fixes[0] : fixes.find((f) => f.isPreferred);
  assert.ok(fix, `no matching fix for '${code}' among ${JSON.stringify(fixes.map((f) => f.title))}`);
  assert.equal(fix.kind, CodeActionKind.QuickFix);
  const result = applyEdits(text, editsOf(fix.edit));
  assert.equal(result, expected);
  const before = diagnosticsFor(text, options);
  const after = diagnosticsFor(result, options);
  assert.ok(after.filter((d) => d.code === code).length < before.filter((d) => d.code === code).length, `'${code}' is still reported after '${fix.title}'`);
  const errorsBefore = new Set(errorCodes(before));
  const newErrors = errorCodes(after).filter((c) => !errorsBefore.has(c));
  assert.deepEqual(newErrors, [], `'${fix.title}' introduced errors`);
  assert.ok(errorCodes(after).length <= errorCodes(before).length, 'no more errors than before');
  return fix;
}

suite('code actions: unknown-directive and directive-case', () => {
  test('rename to the did-you-mean candidate: allow_anonnymous', () => {
    assertFix('# who may connect\nallow_anonnymous true\nlistener 1883\n', 'unknown-directive', '# who may connect\nallow_anonymous true\nlistener 1883\n');
  });

  test('one action per candidate, each a rename of the keyword only', () => {
    const text = 'listener 8883\ncertfil /c/s.crt\nkeyfile /c/s.key\nallow_anonymous true\n';
    const candidates = (diagnosticsFor(text, {}).find((d) => d.code === 'unknown-directive')?.data as { candidates: string[] }).candidates;
    const fixes = quickFixes(text, 'unknown-directive');
    assert.ok(candidates.length >= 1);
    assert.deepEqual(
      fixes.map((f) => editsOf(f.edit)),
      candidates.map((c) => [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } }, newText: c }]),
    );
  });

  test('no candidate, no rename', () => {
    assert.deepEqual(quickFixes('xyzzy_plugh_frobnicate 1\n', 'unknown-directive'), []);
  });

  test('letter case: Listener becomes listener', () => {
    assertFix('listener 1883\nallow_anonymous true\nListener 1884\n', 'directive-case', 'listener 1883\nallow_anonymous true\nlistener 1884\n');
  });
});

suite('code actions: TLS pairs', () => {
  test('certfile without keyfile: the key is added below the certificate', () => {
    assertFix(
      'listener 8883\n# the server certificate\ncertfile /etc/mosquitto/certs/server.crt\nallow_anonymous true\n',
      'tls-certfile-without-keyfile',
      'listener 8883\n# the server certificate\ncertfile /etc/mosquitto/certs/server.crt\nkeyfile /etc/mosquitto/certs/server.key\nallow_anonymous true\n',
    );
  });

  test("Let's Encrypt: fullchain.pem goes with privkey.pem", () => {
    assertFix(
      'listener 8883\ncertfile /etc/letsencrypt/live/example.com/fullchain.pem\nallow_anonymous true\n',
      'tls-certfile-without-keyfile',
      'listener 8883\ncertfile /etc/letsencrypt/live/example.com/fullchain.pem\nkeyfile /etc/letsencrypt/live/example.com/privkey.pem\nallow_anonymous true\n',
    );
  });

  test('a guessed key path says so in the title, and is a selected placeholder for clients with snippet edits', () => {
    const text = 'listener 8883\ncertfile /etc/mosquitto/certs/server.crt\nallow_anonymous true\n';
    const analysis = analysisOf(text, '2.0.11');
    const diagnostic = diagnosticsOf(analysis).find((d) => d.code === 'tls-certfile-without-keyfile');
    assert.ok(diagnostic);
    const request = { uri: DOCUMENT_URI, fileId: DOCUMENT_PATH, range: diagnostic.range, diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] };
    const [plain] = codeActions(analysis, request).filter((a) => a.title.startsWith('Add'));
    assert.equal(plain.title, "Add 'keyfile /etc/mosquitto/certs/server.key' (the path is a guess)");
    assert.ok(plain.edit?.changes, 'plain text edits without snippet support');
    const [snippet] = codeActions(analysis, request, { snippetEdits: true }).filter((a) => a.title.startsWith('Add'));
    const change = snippet.edit?.documentChanges?.[0];
    assert.ok(change && 'edits' in change);
    const [edit] = change.edits;
    assert.ok('snippet' in edit);
    assert.equal(edit.snippet.value, 'keyfile ${1:/etc/mosquitto/certs/server.key}\n');
    assert.deepEqual(edit.range, plain.edit.changes[DOCUMENT_URI][0].range);
  });

  test('a found key file is not called a guess', () => {
    const fs = memoryFs({ '/etc/certs/broker.crt': '', '/etc/certs/broker-private.key': '' });
    const fixes = quickFixes('listener 8883\ncertfile /etc/certs/broker.crt\nallow_anonymous true\n', 'tls-certfile-without-keyfile', { fs });
    assert.deepEqual(
      fixes.map((f) => f.title),
      ["Add 'keyfile /etc/certs/broker-private.key' (found next to the certificate)"],
    );
  });

  test('the key file found next to the certificate is used', () => {
    const fs = memoryFs({ '/etc/certs/broker.crt': '', '/etc/certs/broker-private.key': '' });
    assertFix(
      'listener 8883\ncertfile /etc/certs/broker.crt\nallow_anonymous true\n',
      'tls-certfile-without-keyfile',
      'listener 8883\ncertfile /etc/certs/broker.crt\nkeyfile /etc/certs/broker-private.key\nallow_anonymous true\n',
      { fs },
    );
  });

  test('certfile written twice where the second is the key: rename it to keyfile', () => {
    assertFix(
      'listener 8883\ncertfile /c/server.crt\ncertfile /c/server.key\nallow_anonymous true\n',
      'tls-certfile-without-keyfile',
      'listener 8883\ncertfile /c/server.crt\nkeyfile /c/server.key\nallow_anonymous true\n',
      { title: /^Change the 'certfile' on line 3 to 'keyfile'$/ },
    );
  });

  test('keyfile without certfile: the certificate is added above the key', () => {
    assertFix(
      'listener 8883\nkeyfile /c/server.key\nallow_anonymous true\n',
      'tls-keyfile-without-certfile',
      'listener 8883\ncertfile /c/server.crt\nkeyfile /c/server.key\nallow_anonymous true\n',
    );
  });

  test("the seed's mistake: a wss listener with cafile and certfile only", () => {
    assertFix(
      'listener 1885\nprotocol websockets\n\n# CA certificate\ncafile C:/mosquitto/certs/CA.crt\n\n# Path to the PEM encoded server certificate.\ncertfile C:/mosquitto/certs/my.domain.name.tw.crt\nallow_anonymous true\n',
      'tls-certfile-without-keyfile',
      'listener 1885\nprotocol websockets\n\n# CA certificate\ncafile C:/mosquitto/certs/CA.crt\n\n# Path to the PEM encoded server certificate.\ncertfile C:/mosquitto/certs/my.domain.name.tw.crt\nkeyfile C:/mosquitto/certs/my.domain.name.tw.key\nallow_anonymous true\n',
      // The seed's broker runs on Windows, where these are absolute paths.
      { settings: { platform: 'windows' } },
    );
  });

  test('cafile alone (2.0+): certfile and keyfile are added', () => {
    assertFix(
      'listener 8883\ncafile /etc/mosquitto/certs/ca.crt\nallow_anonymous true\n',
      'tls-ca-without-certificate',
      'listener 8883\ncafile /etc/mosquitto/certs/ca.crt\ncertfile /etc/mosquitto/certs/server.crt\nkeyfile /etc/mosquitto/certs/server.key\nallow_anonymous true\n',
    );
  });

  test('certificate and key without a CA before 2.0: cafile is added', () => {
    assertFix(
      'listener 8883\ncertfile /c/server.crt\nkeyfile /c/server.key\n',
      'tls-ca-without-certificate',
      'listener 8883\ncafile /c/ca.crt\ncertfile /c/server.crt\nkeyfile /c/server.key\n',
      { version: '1.6' },
    );
  });
});

suite('code actions: websockets and listeners', () => {
  test('websockets-socket-domain: socket_domain ipv4 goes into the listener', () => {
    assertFix(
      'listener 8080\nprotocol websockets\n\nlistener 1883\nallow_anonymous true\n',
      'websockets-socket-domain',
      'listener 8080\nprotocol websockets\nsocket_domain ipv4\n\nlistener 1883\nallow_anonymous true\n',
      { settings: { platform: 'windows' } },
    );
  });

  test('deprecated port + bind_address become one listener line', () => {
    assertFix(
      '# the LAN port\nport 1884\n# only the LAN\nbind_address 192.168.1.10\nallow_anonymous true\n',
      'deprecated-option',
      '# the LAN port\nlistener 1884 192.168.1.10\n# only the LAN\nallow_anonymous true\n',
    );
  });

  test('port alone becomes listener', () => {
    assertFix('port 1884\nallow_anonymous true\n', 'deprecated-option', 'listener 1884\nallow_anonymous true\n');
  });

  test('2.1: default listener options above the port line stay with the new listener', () => {
    assertFix('protocol websockets\nport 8080\nallow_anonymous true\n', 'deprecated-option', 'listener 8080\nprotocol websockets\nallow_anonymous true\n');
  });

  test("not offered when the new listener line would capture another listener's options (2.0)", () => {
    const text = 'listener 1884\nport 1883\nprotocol websockets\nallow_anonymous true\n';
    assert.deepEqual(quickFixes(text, 'deprecated-option', { version: '2.0' }), []);
  });

  test('deprecated synonyms with a drop-in replacement: clientid becomes remote_clientid', () => {
    assertFix('connection b\naddress x\ntopic #\nclientid site-a\n', 'deprecated-option', 'connection b\naddress x\ntopic #\nremote_clientid site-a\n');
  });

  test('deprecated option family: auth_opt_ becomes plugin_opt_', () => {
    assertFix('plugin /usr/lib/p.so\nauth_opt_backends files\n', 'deprecated-option', 'plugin /usr/lib/p.so\nplugin_opt_backends files\n', { version: '2.0' });
  });

  test('per_listener_settings after security options: moved to the top, comments stay', () => {
    assertFix(
      '# broker settings\n\n# LAN\nlistener 1883\npassword_file /etc/pw\n# per listener from here\nper_listener_settings true\n',
      'per-listener-settings-order',
      '# broker settings\n\nper_listener_settings true\n# LAN\nlistener 1883\npassword_file /etc/pw\n# per listener from here\n',
      { version: '2.0' },
    );
  });

  test('anonymous-refused, 2.1: listener_allow_anonymous true in the listener', () => {
    assertFix('listener 1883\n', 'anonymous-refused', 'listener 1883\nlistener_allow_anonymous true\n', { title: /listener_allow_anonymous/ });
  });

  test('anonymous-refused: allow_anonymous true above the listeners (global when per_listener_settings is false)', () => {
    assertFix('# LAN\nlistener 1883\n', 'anonymous-refused', 'allow_anonymous true\n# LAN\nlistener 1883\n', {
      title: /add 'allow_anonymous true'/,
      version: '2.0',
    });
  });

  test('anonymous-refused: an explicit allow_anonymous false is switched to true', () => {
    assertFix('allow_anonymous false\nlistener 1883\n', 'anonymous-refused', 'allow_anonymous true\nlistener 1883\n', {
      title: /set 'allow_anonymous true'/,
      version: '2.0',
    });
  });

  test('anonymous-refused: a password file line', () => {
    assertFix('listener 1883\n', 'anonymous-refused', 'password_file /etc/mosquitto/passwd\nlistener 1883\n', { title: /password_file/, version: '2.0' });
  });

  test('anonymous-refused, per_listener_settings true: the fixes go into that listener', () => {
    const text = 'per_listener_settings true\nlistener 1883\nallow_anonymous true\nlistener 1884\n';
    assertFix(text, 'anonymous-refused', 'per_listener_settings true\nlistener 1883\nallow_anonymous true\nlistener 1884\nallow_anonymous true\n', {
      title: /add 'allow_anonymous true'/,
      version: '2.0',
    });
    assertFix(
      text,
      'anonymous-refused',
      'per_listener_settings true\nlistener 1883\nallow_anonymous true\nlistener 1884\npassword_file /etc/mosquitto/passwd\n',
      { title: /password_file/, version: '2.0' },
    );
  });
});

suite('code actions: how the broker reads the text', () => {
  test('tab-separator: tabs become spaces', () => {
    assertFix('listener\t1883\nallow_anonymous true\n', 'tab-separator', 'listener 1883\nallow_anonymous true\n');
  });

  test('tab-separator on a tab-indented comment: the comment moves to the first column', () => {
    assertFix('listener 1883\n\t# note\nallow_anonymous true\n', 'tab-separator', 'listener 1883\n# note\nallow_anonymous true\n');
  });

  test('indented-comment: un-indented, text kept', () => {
    assertFix('listener 1883\n   # note: keep  this\nallow_anonymous true\n', 'indented-comment', 'listener 1883\n# note: keep  this\nallow_anonymous true\n');
  });

  test('trailing-comment: the comment moves to its own line above, byte for byte', () => {
    assertFix(
      'listener 1883\npassword_file /etc/pw   #  users,  see README\n',
      'trailing-comment',
      'listener 1883\n#  users,  see README\npassword_file /etc/pw\n',
    );
  });

  test('trailing-comment on a listener line', () => {
    assertFix('listener 1883 # plain MQTT\nallow_anonymous true\n', 'trailing-comment', '# plain MQTT\nlistener 1883\nallow_anonymous true\n');
  });

  test('quoted-value: quotes removed, spaces inside kept', () => {
    assertFix(
      'password_file "C:/Program Files/mosquitto/passwd"\nlistener 1883\n',
      'quoted-value',
      'password_file C:/Program Files/mosquitto/passwd\nlistener 1883\n',
      { settings: { platform: 'windows' } },
    );
  });

  test('assignment-syntax: "key = value" and "key=value"', () => {
    assertFix('listener 1883\nallow_anonymous = true\n', 'assignment-syntax', 'listener 1883\nallow_anonymous true\n');
    assertFix(
      'listener 1883\nallow_anonymous true\npid_file=/run/mosquitto.pid\n',
      'assignment-syntax',
      'listener 1883\nallow_anonymous true\npid_file /run/mosquitto.pid\n',
    );
    assertFix('listener 1883\nallow_anonymous: true\n', 'assignment-syntax', 'listener 1883\nallow_anonymous true\n');
  });

  test('invalid-boolean: yes becomes true', () => {
    assertFix('listener 1883\nallow_anonymous yes\n', 'invalid-boolean', 'listener 1883\nallow_anonymous true\n');
  });

  test('invalid-boolean without a clear replacement: no fix', () => {
    assert.deepEqual(quickFixes('listener 1883\nallow_anonymous maybe\n', 'invalid-boolean'), []);
  });

  test('invalid-enum: the closest accepted value', () => {
    assertFix('listener 1883\nprotocol websocket\nallow_anonymous true\n', 'invalid-enum', 'listener 1883\nprotocol websockets\nallow_anonymous true\n');
  });

  test('byte-order-mark: removed', () => {
    assertFix('\ufeff# config\nlistener 1883\nallow_anonymous true\n', 'byte-order-mark', '# config\nlistener 1883\nallow_anonymous true\n');
  });

  test('trailing-whitespace (before 1.6.9): trimmed', () => {
    assertFix('password_file /etc/pw  \n', 'trailing-whitespace', 'password_file /etc/pw\n', { version: '1.6.8' });
  });
});

suite('code actions: suppression comments', () => {
  function suppression(text: string, code: string): CodeAction {
    const analysis = analysisOf(text);
    const diagnostic = diagnosticsOf(analysis).find((d) => d.code === code);
    assert.ok(diagnostic);
    const found = codeActions(analysis, { uri: DOCUMENT_URI, fileId: DOCUMENT_PATH, range: diagnostic.range, diagnostics: [diagnostic] }).find((a) =>
      a.title.startsWith('Suppress'),
    );
    assert.ok(found, 'a suppression action');
    return found;
  }

  test('inserts the comment above the line; the broker-level lines are unchanged and the diagnostic is gone', () => {
    const text = 'listener 1883\n  protocol websockets\n';
    const result = applyEdits(text, editsOf(suppression(text, 'anonymous-refused').edit));
    assert.equal(result, '# mosquitto-lint-disable-next-line anonymous-refused\nlistener 1883\n  protocol websockets\n');
    assert.ok(!diagnosticsFor(result, {}).some((d) => d.code === 'anonymous-refused'));
  });

  test('adds the id to a suppression comment already above the line', () => {
    const text = 'listener 1883\n# mosquitto-lint-disable-next-line global-option-in-section\nallow_anonymous yes\n';
    const result = applyEdits(text, editsOf(suppression(text, 'invalid-boolean').edit));
    assert.equal(result, 'listener 1883\n# mosquitto-lint-disable-next-line global-option-in-section invalid-boolean\nallow_anonymous yes\n');
    assert.deepEqual(
      diagnosticsFor(result, {})
        .filter((d) => d.range.start.line === 2)
        .map((d) => d.code),
      [],
    );
  });
});

suite('code actions: what is offered', () => {
  test('no fixes for diagnostics from other sources', () => {
    const text = 'allow_anonnymous true\nlistener 1883\n';
    const analysis = analysisOf(text);
    const ours = diagnosticsOf(analysis).find((d) => d.code === 'unknown-directive');
    assert.ok(ours);
    const foreign: Diagnostic = { ...ours, source: 'spellchecker' };
    assert.deepEqual(
      codeActions(analysis, { uri: DOCUMENT_URI, fileId: DOCUMENT_PATH, range: ours.range, diagnostics: [foreign], only: [CodeActionKind.QuickFix] }),
      [],
    );
  });

  test('no fixes for a stale diagnostic (its range no longer matches)', () => {
    const analysis = analysisOf('allow_anonnymous true\nlistener 1883\n');
    const stale: Diagnostic = {
      range: { start: { line: 5, character: 0 }, end: { line: 5, character: 3 } },
      code: 'unknown-directive',
      source: 'mosquitto',
      message: 'x',
      severity: DiagnosticSeverity.Error,
      data: { candidates: ['port'] },
    };
    assert.deepEqual(
      codeActions(analysis, { uri: DOCUMENT_URI, fileId: DOCUMENT_PATH, range: stale.range, diagnostics: [stale], only: [CodeActionKind.QuickFix] }),
      [],
    );
  });

  test("the fix is linked to the client's diagnostic", () => {
    const text = 'listener 1883\nallow_anonymous yes\n';
    const analysis = analysisOf(text);
    const diagnostic = diagnosticsOf(analysis).find((d) => d.code === 'invalid-boolean');
    assert.ok(diagnostic);
    const sent: Diagnostic = { ...diagnostic, data: undefined }; // some clients drop data
    const [fix] = codeActions(analysis, { uri: DOCUMENT_URI, fileId: DOCUMENT_PATH, range: sent.range, diagnostics: [sent], only: [CodeActionKind.QuickFix] });
    assert.equal(fix.title, "Change to 'true'");
    assert.deepEqual(fix.diagnostics, [sent]);
    assert.equal(fix.isPreferred, true);
  });

  test('only: quickfix leaves out the refactoring; refactor leaves out the fixes', () => {
    const text = 'listener 1883\nallow_anonymous yes\n';
    const analysis = analysisOf(text);
    const diagnostics = diagnosticsOf(analysis);
    const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } };
    const quick = codeActions(analysis, { uri: DOCUMENT_URI, fileId: DOCUMENT_PATH, range, diagnostics, only: [CodeActionKind.QuickFix] });
    assert.ok(quick.length > 0 && quick.every((a) => a.kind === CodeActionKind.QuickFix));
    const refactor = codeActions(analysis, { uri: DOCUMENT_URI, fileId: DOCUMENT_PATH, range, diagnostics, only: [CodeActionKind.Refactor] });
    assert.deepEqual(
      refactor.map((a) => a.kind),
      [INSERT_WSS_LISTENER_KIND],
    );
  });

  test('automatic (light bulb) requests do not list the refactoring on every line', () => {
    const analysis = analysisOf('listener 1883\nallow_anonymous true\n');
    const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } };
    assert.deepEqual(
      codeActions(analysis, { uri: DOCUMENT_URI, fileId: DOCUMENT_PATH, range, diagnostics: [], triggerKind: CodeActionTriggerKind.Automatic }),
      [],
    );
    assert.deepEqual(
      codeActions(analysis, { uri: DOCUMENT_URI, fileId: DOCUMENT_PATH, range, diagnostics: [], triggerKind: CodeActionTriggerKind.Invoked }).map(
        (a) => a.title,
      ),
      [INSERT_WSS_LISTENER_TITLE],
    );
  });
});

suite('code actions: Insert secure WebSocket (wss) listener', () => {
  function insertWss(marked: string, options: Options = {}): string {
    const { text, position } = cursor(marked);
    const analysis = analysisOf(text, options.version, options.settings);
    const actions = codeActions(analysis, { uri: DOCUMENT_URI, fileId: DOCUMENT_PATH, range: { start: position, end: position }, diagnostics: [] });
    const action = actions.find((a) => a.title === INSERT_WSS_LISTENER_TITLE);
    assert.ok(action);
    assert.equal(action.kind, INSERT_WSS_LISTENER_KIND);
    return applyEdits(text, editsOf(action.edit));
  }

  test('at the end of the document, separated by a blank line, with a free port', () => {
    assert.equal(
      insertWss('listener 8081\nallow_anonymous true\n|'),
      'listener 8081\nallow_anonymous true\n\nlistener 8082\nprotocol websockets\ncafile /etc/mosquitto/certs/ca.crt\ncertfile /etc/mosquitto/certs/server.crt\nkeyfile /etc/mosquitto/certs/server.key\n',
    );
  });

  test('Windows: socket_domain ipv4 and Windows paths; the result has no errors', () => {
    const result = insertWss('allow_anonymous true|', { settings: { platform: 'windows' } });
    assert.equal(
      result,
      'allow_anonymous true\n\nlistener 8081\nprotocol websockets\nsocket_domain ipv4\ncafile C:/mosquitto/certs/ca.crt\ncertfile C:/mosquitto/certs/server.crt\nkeyfile C:/mosquitto/certs/server.key\n',
    );
    assert.deepEqual(errorCodes(diagnosticsFor(result, { settings: { platform: 'windows' } })), []);
  });

  test('at the cursor on a blank line just before another listener', () => {
    assert.equal(
      insertWss('allow_anonymous true\n\n|\nlistener 1883\n'),
      'allow_anonymous true\n\nlistener 8081\nprotocol websockets\ncafile /etc/mosquitto/certs/ca.crt\ncertfile /etc/mosquitto/certs/server.crt\nkeyfile /etc/mosquitto/certs/server.key\n\nlistener 1883\n',
    );
  });

  test('not in the middle of a listener block (it would capture the options below): at the end instead', () => {
    const result = insertWss('listener 1883\n|\nallow_anonymous true\nmax_connections 10\n');
    assert.ok(result.startsWith('listener 1883\n\nallow_anonymous true\nmax_connections 10\n\nlistener 8081\n'));
  });

  test('an empty document', () => {
    assert.equal(
      insertWss('|'),
      'listener 8081\nprotocol websockets\ncafile /etc/mosquitto/certs/ca.crt\ncertfile /etc/mosquitto/certs/server.crt\nkeyfile /etc/mosquitto/certs/server.key\n',
    );
  });

  test('CRLF documents get CRLF lines', () => {
    const result = insertWss('listener 1883\r\nallow_anonymous true\r\n|');
    assert.ok(result.startsWith('listener 1883\r\nallow_anonymous true\r\n\r\nlistener 8081\r\nprotocol websockets\r\n'));
    assert.ok(!/[^\r]\n/.test(result), 'every line break is CRLF');
  });
});

suite('code actions: line edits keep the file intact', () => {
  test('a fix on the last line of a file without a final line break', () => {
    assertFix('listener 8883\ncertfile /c/server.crt', 'tls-certfile-without-keyfile', 'listener 8883\ncertfile /c/server.crt\nkeyfile /c/server.key', {
      settings: { rules: { 'anonymous-refused': 'off' } },
    });
  });

  test('CRLF: inserted lines use CRLF', () => {
    assertFix(
      'listener 8883\r\ncertfile /c/server.crt\r\nallow_anonymous true\r\n',
      'tls-certfile-without-keyfile',
      'listener 8883\r\ncertfile /c/server.crt\r\nkeyfile /c/server.key\r\nallow_anonymous true\r\n',
    );
  });

  test('moving per_listener_settings from the last line without a final line break', () => {
    assertFix(
      'listener 1883\npassword_file /etc/pw\nper_listener_settings true',
      'per-listener-settings-order',
      'per_listener_settings true\nlistener 1883\npassword_file /etc/pw',
      { version: '2.0' },
    );
  });
});

suite('code actions: fix all (source.fixAll.mosquitto)', () => {
  const fixAll = (text: string, version = '2.0.11', overrides: Partial<AnalysisSettings> = {}): CodeAction | undefined => {
    const analysis = analysisOf(text, version, overrides);
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return codeActions(analysis, {
      uri: DOCUMENT_URI,
      fileId: DOCUMENT_PATH,
      range: whole,
      diagnostics: [],
      only: [`${CodeActionKind.SourceFixAll}.mosquitto`],
    }).find((a) => a.kind === 'source.fixAll.mosquitto');
  };

  test('tabs, indented comments, socket_domain on every websockets listener (Windows) and a single-candidate rename in one edit', () => {
    const text = [
      '  # websockets for the browser',
      'listener\t8080',
      'protocol websockets',
      'listener 8081',
      'protocol websockets',
      'allow_anonymous true',
      'max_conections 10',
      '',
    ].join('\n');
    const action = fixAll(text, '2.0.11', { platform: 'windows' });
    assert.ok(action, 'a fix-all action');
    assert.equal(action.title, 'Fix all auto-fixable problems');
    const fixed = applyEdits(text, editsOf(action.edit));
    assert.equal(
      fixed,
      [
        '# websockets for the browser',
        'listener 8080',
        'protocol websockets',
        'socket_domain ipv4',
        'listener 8081',
        'protocol websockets',
        'socket_domain ipv4',
        'allow_anonymous true',
        'max_connections 10',
        '',
      ].join('\n'),
    );
    assert.deepEqual(errorCodes(diagnosticsOf(analysisOf(fixed, '2.0.11', { platform: 'windows' }))), []);
  });

  test('fixes that would touch each other: the second waits for the next run', () => {
    // socket_domain goes in before the indented comment, whose fix starts at the same place.
    const text = 'listener 8080\nprotocol websockets\n  # comment\nallow_anonymous true\n';
    const first = applyEdits(text, editsOf(fixAll(text, '2.0.11', { platform: 'windows' })?.edit));
    assert.equal(first, 'listener 8080\nprotocol websockets\nsocket_domain ipv4\n  # comment\nallow_anonymous true\n');
    const second = applyEdits(first, editsOf(fixAll(first, '2.0.11', { platform: 'windows' })?.edit));
    assert.equal(second, 'listener 8080\nprotocol websockets\nsocket_domain ipv4\n# comment\nallow_anonymous true\n');
  });

  test('an unknown directive with several candidates is left alone', () => {
    const text = 'listener 1883\nallow_anonymous true\nmax_inflight_mesages 5\n';
    const analysis = analysisOf(text, '2.0.11');
    const unknown = diagnosticsOf(analysis).find((d) => d.code === 'unknown-directive');
    assert.ok(unknown && (unknown.data as { candidates: string[] }).candidates.length > 1, 'the example has several candidates');
    assert.equal(fixAll(text), undefined);
  });

  test('not offered to a quick-fix or light bulb request', () => {
    const analysis = analysisOf('listener\t1883\n', '2.0.11');
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const kinds = codeActions(analysis, {
      uri: DOCUMENT_URI,
      fileId: DOCUMENT_PATH,
      range: whole,
      diagnostics: diagnosticsOf(analysis),
      triggerKind: CodeActionTriggerKind.Automatic,
    }).map((a) => a.kind);
    assert.ok(!kinds.includes('source.fixAll.mosquitto'));
  });
});
