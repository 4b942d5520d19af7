import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'trailing-whitespace';

suite(ID, () => {
  test('before 1.6.9 blanks after a needed path are kept: an error on the blanks', () => {
    const text = 'listener 8883\ncafile /etc/ca.crt\ncertfile /etc/server.crt   \nkeyfile /etc/server.key\n';
    const [d] = withCode(lint(text, '1.6.8'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 2, character: 24 }, end: { line: 2, character: 27 } });
  });
  test('from 1.6.9 string values are trimmed: no finding', () => {
    assert.deepEqual(findings('listener 8883\ncertfile /etc/server.crt   \nkeyfile /etc/k\n', ID, '1.6.9'), []);
  });
  test('before 1.6.9, blanks after a free-text value only change it: a warning', () => {
    assert.deepEqual(findings('clientid_prefixes abc \n', ID, '1.6.8'), ['1:warning']);
  });
  test('plugin paths are raw from 2.1.1: blanks are part of the file name (error)', () => {
    assert.deepEqual(findings('plugin /usr/lib/p.so  \n', ID, '2.1.2'), ['1:error']);
    assert.deepEqual(findings('plugin /usr/lib/p.so  \n', ID, '2.0.11'), []);
  });
  test('the log file of "log_dest file" keeps blanks in every version: a warning (not needed to start)', () => {
    assert.deepEqual(findings('log_dest file /var/log/m.log \n', ID, '2.1.2'), ['1:warning']);
  });
  test('one-word values ignore blanks: "allow_anonymous true   "', () => {
    assert.deepEqual(findings('allow_anonymous true   \n', ID, '1.5.0'), []);
  });
  test('include_dir is left to the include-dir rule', () => {
    assert.deepEqual(findings('include_dir /etc/mosquitto/conf.d \n', ID), []);
  });
});
