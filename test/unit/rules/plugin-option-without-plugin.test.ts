import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'plugin-option-without-plugin';

suite(ID, () => {
  test('plugin_opt_* before any plugin line is an error on its name', () => {
    const [d] = withCode(lint('plugin_opt_config_file /x\nplugin /p.so\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 22 } });
  });
  test('auth_opt_* and auth_plugin_deny_special_chars need a plugin too (2.0.11)', () => {
    assert.deepEqual(findings('auth_opt_host x\nauth_plugin_deny_special_chars true\n', ID, '2.0.11'), ['1:error', '2:error']);
  });
  test('1.4 attaches auth_opt_* globally and needs no plugin', () => {
    assert.deepEqual(findings('auth_opt_host x\n', ID, '1.4.15'), []);
  });
  test('after plugin, auth_plugin, global_plugin or plugin_load the option is fine', () => {
    assert.deepEqual(findings('plugin /p.so\nplugin_opt_a_b x\n', ID), []);
    assert.deepEqual(findings('global_plugin /p.so\nplugin_opt_abc x\n', ID, '2.1.2'), []);
    assert.deepEqual(findings('plugin_load x /p.so\nplugin_opt_abc x\n', ID, '2.1.2'), []);
  });
});
