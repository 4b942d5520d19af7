import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { analyze, defaultSettings, parseVersion } from '../../../server/src/service';
import { findings, lint, memoryFs, withCode } from '../helpers';

const ID = 'listener-option-before-listener';

suite(ID, () => {
  test('before 2.1 it silently configures the default listener next to yours: a warning on the option', () => {
    const [d] = withCode(lint('max_connections 10\nlistener 1884\n', '2.0.11'), ID);
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 15 } });
  });
  test('2.1 creates the default listener for "listener-or-default" options: a warning', () => {
    assert.deepEqual(findings('max_connections 10\nlistener 1884\n', ID, '2.1.2'), ['1:warning']);
  });
  test('2.1 refuses options that need a listener: "mount_point" and "cafile" before any listener', () => {
    assert.deepEqual(findings('mount_point a/\ncafile /c\nlistener 1883\n', ID, '2.1.2'), ['1:error', '2:error']);
  });
  test('2.1 needs an explicit listener for accept_protocol_versions, even after "port"', () => {
    assert.deepEqual(findings('port 1883\naccept_protocol_versions 4\n', ID, '2.1.2'), ['2:error']);
  });
  test('up to 2.0, mount_point needs a real listener line, even after port', () => {
    assert.deepEqual(findings('port 1883\nmount_point a/\n', ID, '2.0.11'), ['2:error']);
    assert.deepEqual(findings('listener 1883\nmount_point a/\n', ID, '2.0.11'), []);
  });
  test('without any listener, 2.0.12+ runs local-only and discards the setting: a warning', () => {
    assert.deepEqual(findings('max_connections 10\n', ID, '2.0.12'), ['1:warning']);
  });
  test('in 1.x an options-only default listener is the intended single listener: no finding', () => {
    assert.deepEqual(findings('max_connections 10\n', ID, '1.6.15'), []);
  });
  test('2.0.0-2.0.11 open that default listener publicly instead of local-only mode: a warning', () => {
    assert.deepEqual(findings('max_connections 10\n', ID, '2.0.11'), ['1:warning']);
    assert.deepEqual(findings('max_connections 10\n', ID, '2.0.0'), ['1:warning']);
    // Options that keep their default value do not open it.
    assert.deepEqual(findings('max_connections -1\n', ID, '2.0.11'), []);
  });
  test('per_listener_settings true sends security options above the first listener to the default listener', () => {
    assert.deepEqual(findings('per_listener_settings true\npassword_file /p\nlistener 1884\n', ID, '2.0.11'), ['2:warning']);
  });
  test('each included file starts without a current listener (2.1 refuses cafile at its top)', () => {
    const fs = memoryFs({ '/etc/mosquitto/conf.d/tls.conf': 'cafile /c\n' });
    const path = '/etc/mosquitto/mosquitto.conf';
    const analysis = analyze(
      { text: 'listener 8883\ninclude_dir /etc/mosquitto/conf.d\n', uri: path, path },
      defaultSettings({ brokerVersion: parseVersion('2.1.2')!, checkPaths: false }),
      fs,
    );
    const codes = (analysis.diagnostics.get('/etc/mosquitto/conf.d/tls.conf') ?? [])
      .filter((d) => d.code === ID)
      .map((d) => `${d.range.start.line + 1}:${d.severity}`);
    assert.deepEqual(codes, ['1:1']);
  });
  test('options below a listener, or after "port", are fine', () => {
    assert.deepEqual(findings('listener 1883\nmax_connections 10\n', ID), []);
    assert.deepEqual(findings('port 1883\nmax_connections 10\n', ID, '2.0.11'), []);
  });
});
