import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { analyze, defaultSettings, parseVersion } from '../../../server/src/service';
import { findings, lint, memoryFs, withCode } from '../helpers';

const ID = 'bridge-option-outside-bridge';

suite(ID, () => {
  test('a bridge option before any connection is an error on its name: "keepalive_interval 60"', () => {
    const [d] = withCode(lint('listener 1883\nkeepalive_interval 60\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 18 } });
  });
  test('the same in every version: "address h:1883" (1.4.15, 2.0.11)', () => {
    assert.deepEqual(findings('address h:1883\n', ID, '1.4.15'), ['1:error']);
    assert.deepEqual(findings('address h:1883\n', ID, '2.0.11'), ['1:error']);
  });
  test('after a connection line it belongs to that bridge, also after a later listener line', () => {
    assert.deepEqual(findings('connection a\naddress h:1883\nlistener 1883\ntopic # both 0\n', ID), []);
  });
  test('each included file starts without a current bridge', () => {
    const fs = memoryFs({ '/etc/mosquitto/conf.d/b.conf': 'topic # both 0\n' });
    const analysis = analyze(
      {
        text: 'connection a\naddress h:1883\ninclude_dir /etc/mosquitto/conf.d\n',
        uri: '/etc/mosquitto/mosquitto.conf',
        path: '/etc/mosquitto/mosquitto.conf',
      },
      defaultSettings({ brokerVersion: parseVersion('2.0.11')!, checkPaths: false }),
      fs,
    );
    const codes = (analysis.diagnostics.get('/etc/mosquitto/conf.d/b.conf') ?? []).map((x) => `${x.range.start.line + 1}:${String(x.code)}`);
    assert.ok(codes.includes('1:bridge-option-outside-bridge'));
  });
});
