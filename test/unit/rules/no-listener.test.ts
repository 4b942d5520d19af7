import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { analyze, isFragmentPath } from '../../../server/src/service';
import { findings, lint, settings, withCode } from '../helpers';

const ID = 'no-listener';

suite(ID, () => {
  test('no listener in 2.0+: information on the first line of the main file', () => {
    const [d] = withCode(lint('allow_anonymous true\npersistence true\n', '2.0.11'), ID);
    assert.equal(d.severity, 3);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 20 } });
  });
  test('an empty file too', () => {
    assert.deepEqual(findings('', ID), ['1:information']);
  });
  test('listener, port or bind_address leave local-only mode', () => {
    assert.deepEqual(findings('listener 1883\n', ID), []);
    assert.deepEqual(findings('port 1883\n', ID, '2.0.11'), []);
    assert.deepEqual(findings('bind_address 0.0.0.0\n', ID, '2.0.11'), []);
  });
  test('options that create the default listener do not leave local-only mode (2.0.12+)', () => {
    assert.deepEqual(findings('max_connections 10\n', ID, '2.1.2'), ['1:information']);
    assert.deepEqual(findings('max_connections 10\n', ID, '2.0.12'), ['1:information']);
  });
  test('2.0.0-2.0.11 open the default listener for such options: not local-only, no finding', () => {
    assert.deepEqual(findings('max_connections 10\n', ID, '2.0.11'), []);
    assert.deepEqual(findings('allow_anonymous true\n', ID, '2.0.11'), ['1:information']);
  });
  test('1.x always opens the default listener: no finding', () => {
    assert.deepEqual(findings('allow_anonymous true\n', ID, '1.6.15'), []);
  });
  test('a conf.d fragment analysed on its own is not a whole configuration: no finding', () => {
    const path = '/etc/mosquitto/conf.d/auth.conf';
    const fragment = analyze({ text: 'allow_anonymous false\npassword_file /etc/mosquitto/passwd\n', uri: path, path, fragment: true }, settings('2.0.11'));
    assert.deepEqual(withCode(fragment.diagnostics.get(path) ?? [], ID), []);
  });
  test('fragment paths: a .conf file in a folder whose name ends in .d', () => {
    assert.equal(isFragmentPath('/etc/mosquitto/conf.d/auth.conf'), true);
    assert.equal(isFragmentPath('C:\\mosquitto\\conf.d\\tls.conf'), true);
    assert.equal(isFragmentPath('/etc/mosquitto/mosquitto.conf'), false);
    assert.equal(isFragmentPath('/etc/mosquitto/conf.d/notes.txt'), false);
  });
});
