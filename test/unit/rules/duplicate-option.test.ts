import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { analyze, defaultSettings, parseVersion } from '../../../server/src/service';
import { findings, lint, memoryFs, withCode } from '../helpers';

const ID = 'duplicate-option';

suite(ID, () => {
  test('a string option twice globally is an error on the second, related to the first', () => {
    const [d] = withCode(lint('pid_file /a\npid_file /b\n', '2.0.11'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
    assert.equal(d.relatedInformation?.[0].location.range.start.line, 0);
  });
  test('2.1 lets some string options be repeated (last wins): cafile, acl_file, user', () => {
    const text = 'user a\nuser b\n';
    assert.deepEqual(findings(text, ID, '2.0.11'), ['2:error']);
    assert.deepEqual(findings(text, ID, '2.1.2'), ['2:warning']);
  });
  test('booleans and numbers: the last one wins silently: information', () => {
    assert.deepEqual(findings('allow_anonymous true\nallow_anonymous false\n', ID), ['2:information']);
  });
  test('port twice: the broker warns and uses the last', () => {
    assert.deepEqual(findings('port 1883\nport 1884\n', ID, '2.0.11'), ['2:warning']);
  });
  test('security options are global unless per_listener_settings is true', () => {
    const text = 'listener 1883\npassword_file /a\nlistener 1884\npassword_file /b\n';
    assert.deepEqual(findings(text, ID, '2.0.11'), ['4:error']);
    assert.deepEqual(findings(`per_listener_settings true\n${text}`, ID, '2.0.11'), []);
  });
  test('the same option in two listeners is fine; twice in one listener is not', () => {
    assert.deepEqual(findings('listener 1883\nmount_point a/\nlistener 1884\nmount_point b/\n', ID, '2.0.11'), []);
    assert.deepEqual(findings('listener 1883\nmount_point a/\nmount_point b/\n', ID, '2.0.11'), ['3:error']);
  });
  test('synonyms count as the same option: "address" and "addresses" in one bridge', () => {
    assert.deepEqual(findings('connection c\naddress a:1883\naddresses b:1883\n', ID), ['3:error']);
  });
  test('accumulating options may repeat: log_dest, log_type, topic, listener', () => {
    assert.deepEqual(findings('log_dest stdout\nlog_dest syslog\nlog_type error\nlog_type warning\nlistener 1883\nlistener 1884\n', ID), []);
  });
  test('only one "log_dest file"', () => {
    assert.deepEqual(findings('log_dest file /a.log\nlog_dest file /b.log\n', ID), ['2:error']);
  });
  test('across the main file and an included file, shown in the included file', () => {
    const fs = memoryFs({ '/etc/mosquitto/conf.d/a.conf': 'pid_file /b\n' });
    const path = '/etc/mosquitto/mosquitto.conf';
    const analysis = analyze(
      { text: 'pid_file /a\ninclude_dir /etc/mosquitto/conf.d\n', uri: path, path },
      defaultSettings({ brokerVersion: parseVersion('2.0.11')!, checkPaths: false }),
      fs,
    );
    const included = (analysis.diagnostics.get('/etc/mosquitto/conf.d/a.conf') ?? []).filter((d) => d.code === ID);
    assert.equal(included.length, 1);
    assert.equal(included[0].severity, 1);
    assert.equal(included[0].relatedInformation?.[0].location.uri, path);
  });
});
