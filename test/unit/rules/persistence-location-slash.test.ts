import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'persistence-location-slash';

suite(ID, () => {
  test('before 2.0.3 a folder without trailing slash: a warning on the value', () => {
    const [d] = withCode(lint('persistence_location /var/lib/mosquitto\n', '2.0.2'), ID);
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 0, character: 21 }, end: { line: 0, character: 39 } });
  });
  test('from 2.0.3 the broker adds the separator itself', () => {
    assert.deepEqual(findings('persistence_location /var/lib/mosquitto\n', ID, '2.0.3'), []);
  });
  test('with a trailing slash (or backslash) it is fine in every version', () => {
    assert.deepEqual(findings('persistence_location /var/lib/mosquitto/\n', ID, '1.4.15'), []);
    assert.deepEqual(findings('persistence_location C:\\mosquitto\\data\\\n', ID, '1.6.15'), []);
  });
});
