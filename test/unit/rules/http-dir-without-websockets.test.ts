import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'http-dir-without-websockets';

suite(ID, () => {
  test('http_dir on an MQTT listener: a warning on http_dir', () => {
    const [d] = withCode(lint('listener 1883\nhttp_dir /var/www\n'), ID);
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
  });
  test('on a websockets listener it is fine', () => {
    assert.deepEqual(findings('listener 9001\nprotocol websockets\nhttp_dir /var/www\n', ID, '2.0.11'), []);
  });
  test('2.1 also serves files on http_api listeners', () => {
    assert.deepEqual(findings('listener 8080\nprotocol http_api\nhttp_dir /var/www\n', ID, '2.1.2'), []);
  });
});
