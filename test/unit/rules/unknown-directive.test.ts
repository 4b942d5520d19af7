import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'unknown-directive';

suite(ID, () => {
  test('a misspelt keyword is an error on its name: "pasword_file /x"', () => {
    const [d] = withCode(lint('listener 1883\npasword_file /etc/mosquitto/passwd\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } });
  });
  test('did-you-mean candidates ranked by edit distance: "allow_anonnymous"', () => {
    const [d] = withCode(lint('allow_anonnymous true\n'), ID);
    const candidates = (d.data as { candidates: string[] }).candidates;
    assert.equal(candidates[0], 'allow_anonymous');
    assert.ok(candidates.length <= 3);
  });
  test('no candidates for text far from every keyword: "xyzzy 1"', () => {
    const [d] = withCode(lint('xyzzy 1\n'), ID);
    assert.deepEqual((d.data as { candidates: string[] }).candidates, []);
  });
  test('known keywords and comments are not reported: "listener 1883" and "# x"', () => {
    assert.deepEqual(findings('# a comment\nlistener 1883\nallow_anonymous true\n', ID), []);
  });
  test('every unknown line is reported, not only the first: two typos', () => {
    assert.deepEqual(findings('lisener 1883\nalow_anonymous true\n', ID), ['1:error', '2:error']);
  });
  test('left to the more specific rules: tab, indented "#", letter case, BOM, "key=value"', () => {
    assert.deepEqual(findings('listener\t1883\n  # c\nListener 1883\nallow_anonymous=true\n', ID), []);
    assert.deepEqual(findings('\ufefflistener 1883\n', ID), []);
  });
  test('"=" or ":" glued to an unknown key is still an unknown directive: "foo=bar", "Listener:"', () => {
    assert.deepEqual(findings('foo=bar\nListener: 1883\n', ID), ['1:error', '2:error']);
  });
  test('plugin option families are known: "plugin_opt_config_file x" after a plugin', () => {
    assert.deepEqual(findings('plugin /usr/lib/p.so\nplugin_opt_config_file /x\n', ID), []);
  });
  test('a plugin option key shorter than 3 characters is refused: "plugin_opt_ab x"', () => {
    assert.deepEqual(findings('plugin /usr/lib/p.so\nplugin_opt_ab x\nplugin_opt_abc x\n', ID), ['2:error']);
  });
  test('the same key rule for the old prefix in every version: "auth_opt_db x" (1.4.15)', () => {
    assert.deepEqual(findings('auth_plugin /usr/lib/p.so\nauth_opt_db x\nauth_opt_ x\n', ID, '1.4.15'), ['2:error', '3:error']);
  });
  test('keywords unknown to the selected version are left to unavailable-in-version: "store_clean_interval" (2.1.2)', () => {
    assert.deepEqual(findings('store_clean_interval 10\n', ID), []);
  });
  test('suppressed by a disable comment on the line above', () => {
    assert.deepEqual(findings('# mosquitto-lint-disable-next-line unknown-directive\nxyzzy 1\nxyzzy 2\n', ID), ['3:error']);
  });
});
