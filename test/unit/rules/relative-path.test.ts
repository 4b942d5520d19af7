import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'relative-path';

suite(ID, () => {
  test('a relative path is a warning on the path', () => {
    const [d] = withCode(lint('password_file passwd\n'), ID);
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 0, character: 14 }, end: { line: 0, character: 20 } });
  });
  test('absolute paths are fine; on Windows C:/ and C:\\ paths are absolute', () => {
    assert.deepEqual(findings('password_file /etc/mosquitto/passwd\n', ID), []);
    assert.deepEqual(findings('password_file C:\\mosquitto\\passwd\ncafile C:/m/ca.crt\n', ID, '2.0.11', { platform: 'windows' }), []);
  });
  test('paths with %VARIABLES% (expanded by Windows builds) are not reported', () => {
    assert.deepEqual(findings('password_file %MOSQUITTO_DIR%\\passwd\n', ID, '2.0.11', { platform: 'windows' }), []);
  });
  test('the log file of log_dest file, and the plugin path', () => {
    assert.deepEqual(findings('log_dest file mosquitto.log\nplugin ./auth.so\n', ID), ['1:warning', '2:warning']);
  });
  test('persistence_location is not reported (relative to the working directory by design)', () => {
    assert.deepEqual(findings('persistence_location data/\n', ID), []);
  });
  test('a relative include_dir too (the editor looks it up next to the file; the broker in its working directory)', () => {
    assert.deepEqual(findings('include_dir conf.d\ninclude_dir /etc/mosquitto/conf.d\n', ID), ['1:warning']);
  });
  test('a Windows drive path checked for Linux is written for another platform: no finding', () => {
    assert.deepEqual(
      findings('listener 1883\npassword_file C:\\Program Files\\mosquitto\\pwfile\nacl_file C:/mosquitto/acl\n', ID, '2.0.11', { platform: 'linux' }),
      [],
    );
  });
});
