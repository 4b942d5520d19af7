import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { analyze, defaultSettings, parseVersion } from '../../../server/src/service';
import { findings, lint, memoryFs, withCode } from '../helpers';

const ID = 'per-listener-settings-order';

suite(ID, () => {
  test('per_listener_settings true after a security option is an error on it, related to that option', () => {
    const [d] = withCode(lint('allow_anonymous true\nper_listener_settings true\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 21 } });
    assert.equal(d.relatedInformation?.[0].location.range.start.line, 0);
  });
  test('per_listener_settings false after security options is accepted', () => {
    assert.deepEqual(findings('password_file /p\nper_listener_settings false\n', ID), []);
  });
  test('first is fine: "per_listener_settings true" then security options', () => {
    assert.deepEqual(findings('per_listener_settings true\nlistener 1883\nallow_anonymous true\n', ID), []);
  });
  test('check_retain_source counts as a security option from 1.5.6 to 2.0', () => {
    const text = 'check_retain_source true\nper_listener_settings true\n';
    assert.deepEqual(findings(text, ID, '2.0.11'), ['2:error']);
    assert.deepEqual(findings(text, ID, '2.1.2'), []);
    assert.deepEqual(findings(text, ID, '1.5.5'), []);
  });
  test('non-security options before it are fine: "persistence true"', () => {
    assert.deepEqual(findings('persistence true\nlistener 1883\nper_listener_settings true\n', ID), []);
  });
  test('1.4 has no per_listener_settings ordering rule', () => {
    assert.deepEqual(findings('allow_anonymous true\nper_listener_settings true\n', ID, '1.4.15'), []);
  });
  test('across files from 1.5.7 (in include order), within one file only before', () => {
    const fs = memoryFs({ '/etc/mosquitto/conf.d/a.conf': 'per_listener_settings true\n' });
    const path = '/etc/mosquitto/mosquitto.conf';
    const text = 'password_file /p\ninclude_dir /etc/mosquitto/conf.d\n';
    const run = (version: string): number => {
      const analysis = analyze({ text, uri: path, path }, defaultSettings({ brokerVersion: parseVersion(version)!, checkPaths: false }), fs);
      return (analysis.diagnostics.get('/etc/mosquitto/conf.d/a.conf') ?? []).filter((d) => d.code === ID).length;
    };
    assert.equal(run('1.5.7'), 1);
    assert.equal(run('1.5.6'), 0);
  });
});
