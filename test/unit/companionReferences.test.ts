import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { buildConfig, companionReferences, dynsecReferences, NO_FILE_SYSTEM, parse, updateConfig } from '../../server/src/service';
import { settings } from './helpers';

const URI = '/etc/mosquitto/mosquitto.conf';
const TEXT = [
  'listener 1883',
  'max_connections 10',
  'password_file /etc/mosquitto/passwd',
  'listener 8883',
  'acl_file /etc/mosquitto/acl',
  'plugin /usr/lib/mosquitto_dynamic_security.so',
  'plugin_opt_config_file /etc/mosquitto/dynsec.json',
  '',
].join('\n');

suite('companion-file references: kept per model and across patches', () => {
  test('asked twice for one model: one list; a patched model keeps it unless a line naming a companion file changed', () => {
    const s = settings('2.0.11');
    const first = parse(TEXT, URI);
    const model = buildConfig({ main: first, path: URI }, s, NO_FILE_SYSTEM);
    const refs = companionReferences(model, s, NO_FILE_SYSTEM);
    const dynsec = dynsecReferences(model, s, NO_FILE_SYSTEM);
    assert.deepEqual(
      refs.map((r) => `${r.kind} ${r.value}`),
      ['passwd /etc/mosquitto/passwd', 'acl /etc/mosquitto/acl'],
    );
    assert.equal(dynsec.length, 1);
    assert.equal(companionReferences(model, s, NO_FILE_SYSTEM), refs);

    // A value edit elsewhere: the patched model starts from the same lists.
    const valueEdit = TEXT.replace('max_connections 10', 'max_connections 20');
    const second = parse(valueEdit, URI, first);
    const patched = updateConfig(model, { main: second, path: URI }, s, NO_FILE_SYSTEM);
    assert.notEqual(patched, model);
    assert.equal(companionReferences(patched, s, NO_FILE_SYSTEM), refs);
    assert.equal(dynsecReferences(patched, s, NO_FILE_SYSTEM), dynsec);

    // The password_file line edited: worked out again, with the new path.
    const renamed = valueEdit.replace('/etc/mosquitto/passwd', '/etc/mosquitto/users');
    const third = parse(renamed, URI, second);
    const again = updateConfig(patched, { main: third, path: URI }, s, NO_FILE_SYSTEM);
    const now = companionReferences(again, s, NO_FILE_SYSTEM);
    assert.notEqual(now, refs);
    assert.deepEqual(
      now.map((r) => `${r.kind} ${r.value}`),
      ['passwd /etc/mosquitto/users', 'acl /etc/mosquitto/acl'],
    );
    assert.equal(dynsecReferences(again, s, NO_FILE_SYSTEM), dynsec);

    // The dynamic-security file edited: its list is worked out again.
    const moved = renamed.replace('dynsec.json', 'other.json');
    const fourth = updateConfig(again, { main: parse(moved, URI, third), path: URI }, s, NO_FILE_SYSTEM);
    assert.notEqual(dynsecReferences(fourth, s, NO_FILE_SYSTEM), dynsec);
    assert.equal(dynsecReferences(fourth, s, NO_FILE_SYSTEM)[0].value, '/etc/mosquitto/other.json');

    // Other settings than the model's: worked out for them, not kept.
    const other = settings('2.0.11');
    assert.notEqual(companionReferences(fourth, other, NO_FILE_SYSTEM), companionReferences(fourth, other, NO_FILE_SYSTEM));
  });
});
