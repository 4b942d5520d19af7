import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { DiagnosticTag } from 'vscode-languageserver-types';
import { findings, lint, withCode } from '../helpers';

const ID = 'deprecated-option';

suite(ID, () => {
  test('"port" is deprecated since 2.0: information with the Deprecated tag and the replacement', () => {
    const [d] = withCode(lint('port 1883\n', '2.0.11'), ID);
    assert.equal(d.severity, 3);
    assert.deepEqual(d.tags, [DiagnosticTag.Deprecated]);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
    assert.ok(typeof (d.data as { replacement?: string }).replacement === 'string');
  });
  test('not yet deprecated in older releases: "port 1883" (1.6.15)', () => {
    assert.deepEqual(findings('port 1883\n', ID, '1.6.15'), []);
  });
  test('2.1 deprecations: per_listener_settings, password_file, acl_file', () => {
    const text = 'per_listener_settings true\nlistener 1883\npassword_file /p\nacl_file /a\n';
    assert.deepEqual(findings(text, ID, '2.1.0'), ['1:information', '3:information', '4:information']);
    assert.deepEqual(findings(text, ID, '2.0.22'), []);
  });
  test('removed options are unavailable-in-version, not deprecated: store_clean_interval (2.0)', () => {
    assert.deepEqual(findings('store_clean_interval 10\n', ID, '2.0.11'), []);
  });
  test('current options are not reported: "listener 1883"', () => {
    assert.deepEqual(findings('listener 1883\n', ID), []);
  });
});
