import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { ForeignPath } from '../../../server/src/service/rules/foreign-platform-path';
import { CodeActionKind } from 'vscode-languageserver-types';
import { codeActions } from '../../../server/src/service/features/codeActions';
import { findings, lint, withCode } from '../helpers';
import { analysisOf, diagnosticsOf, DOCUMENT_PATH, DOCUMENT_URI, editsOf } from '../features/featureHelpers';

const ID = 'foreign-platform-path';
const TLS = 'listener 8883\ncertfile C:/mosquitto/certs/server.crt\nkeyfile C:/mosquitto/certs/server.key\n';

// Refuse-to-start claims below were checked with mosquitto 1.5.11, 1.6.15, 2.0.11 (Debian),
// 2.0.22 and 2.1.2 in the sandbox (test/broker/path-claims.ts asserts them in the broker layer).
suite(ID, () => {
  test('a Windows password file for a Linux broker: error on the path, naming the platform', () => {
    const [d] = withCode(lint('listener 1883\npassword_file C:\\mosquitto\\passwd\n', '2.0.11'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 14 }, end: { line: 1, character: 33 } });
    assert.match(String(d.message), /Linux/);
  });
  test('forward slashes, UNC paths and macOS too', () => {
    assert.deepEqual(findings('listener 1883\nacl_file C:/mosquitto/acl\npsk_file \\\\server\\share\\psk\n', ID, '2.0.22'), ['2:error', '3:error']);
    assert.deepEqual(findings('listener 1883\nacl_file C:/mosquitto/acl\n', ID, '2.0.22', { platform: 'macos' }), ['2:error']);
  });
  test('certificate files: error when the listener uses TLS (2.0+: certfile and keyfile), warning before 2.0 without a CA', () => {
    assert.deepEqual(findings(TLS, ID, '2.0.11'), ['2:error', '3:error']);
    assert.deepEqual(findings(TLS, ID, '1.6.15'), ['2:warning', '3:warning']);
  });
  test('include_dir with a Windows path: the broker refuses to start', () => {
    assert.deepEqual(findings('include_dir C:/mosquitto/conf.d\n', ID, '2.0.11'), ['1:error']);
  });
  test('pid_file: a folder that cannot exist stops 2.0+; a backslash-only name is one odd file in the working directory', () => {
    assert.deepEqual(findings('pid_file C:/mosquitto/mosquitto.pid\n', ID, '2.0.11'), ['1:error']);
    assert.deepEqual(findings('pid_file C:/mosquitto/mosquitto.pid\n', ID, '1.6.15'), ['1:warning']);
    assert.deepEqual(findings('pid_file C:\\mosquitto\\mosquitto.pid\n', ID, '2.1.2'), ['1:warning']);
  });
  test('options the broker does not need to start: warnings (persistence, log file from 1.6, capath, bridge files)', () => {
    assert.deepEqual(findings('persistence_location C:/mosquitto/data/\nlog_dest file C:/mosquitto/log/m.log\n', ID, '2.0.11'), ['1:warning', '2:warning']);
    assert.deepEqual(findings('log_dest file C:/mosquitto/log/m.log\n', ID, '1.5.11'), ['1:error']);
  });
  test('the same file checked for Windows: nothing', () => {
    assert.deepEqual(findings(`${TLS}password_file C:\\mosquitto\\passwd\ninclude_dir C:/mosquitto/conf.d\n`, ID, '2.0.11', { platform: 'windows' }), []);
  });
  test('a POSIX path checked for Windows: warning (read on the current drive)', () => {
    const [d] = withCode(lint('listener 1883\npassword_file /etc/mosquitto/passwd\n', '2.0.11', { platform: 'windows' }), ID);
    assert.equal(d.severity, 2);
    assert.match(String(d.message), /C:\\etc\\mosquitto\\passwd/);
  });
  test('fix data: a mostly-Windows file offers the Windows check, and a POSIX spelling of the path', () => {
    const [d] = withCode(lint(`${TLS}password_file /etc/mosquitto/passwd\n`, '2.0.11'), ID);
    assert.deepEqual(d.data as ForeignPath, { style: 'windows', windowsConfig: true, posixPath: '/mosquitto/certs/server.crt' });
    const [mixed] = withCode(lint('password_file /etc/a\nacl_file /etc/b\npsk_file C:\\m\\psk\n', '2.0.11'), ID);
    assert.equal((mixed.data as ForeignPath).windowsConfig, false);
  });
  test('Linux paths on Linux and relative paths are not this rule', () => {
    assert.deepEqual(findings('password_file /etc/mosquitto/passwd\nacl_file acl\n', ID, '2.0.11'), []);
  });
  test('quick fixes: check the file for Windows (a client command), or use the path without its drive', () => {
    const text = `${TLS}password_file C:\\mosquitto\\passwd\n`;
    const analysis = analysisOf(text, '2.0.11');
    const diagnostic = diagnosticsOf(analysis).find((d) => d.code === ID && d.range.start.line === 3);
    assert.ok(diagnostic);
    const actions = codeActions(analysis, {
      uri: DOCUMENT_URI,
      fileId: DOCUMENT_PATH,
      range: diagnostic.range,
      diagnostics: [diagnostic],
      only: [CodeActionKind.QuickFix],
    }).filter((a) => !a.title.startsWith('Suppress'));
    assert.deepEqual(
      actions.map(
        (a) =>
          a.command?.command ??
          editsOf(a.edit)
            .map((e) => e.newText)
            .join(),
      ),
      ['mosquitto.selectTarget', '/mosquitto/passwd'],
    );
    assert.deepEqual(actions[0].command?.arguments, [{ platform: 'windows' }]);
    assert.equal(actions[0].isPreferred, true);
  });
  test('quick fixes: a POSIX path on Windows offers the Linux check only', () => {
    const analysis = analysisOf('listener 1883\npassword_file /etc/mosquitto/passwd\n', '2.0.11', { platform: 'windows' });
    const diagnostic = diagnosticsOf(analysis).find((d) => d.code === ID);
    assert.ok(diagnostic);
    const actions = codeActions(analysis, {
      uri: DOCUMENT_URI,
      fileId: DOCUMENT_PATH,
      range: diagnostic.range,
      diagnostics: [diagnostic],
      only: [CodeActionKind.QuickFix],
    }).filter((a) => !a.title.startsWith('Suppress'));
    assert.deepEqual(
      actions.map((a) => a.command?.arguments),
      [[{ platform: 'linux' }]],
    );
  });
});
