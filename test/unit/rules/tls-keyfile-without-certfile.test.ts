import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'tls-keyfile-without-certfile';
const TEXT = 'listener 8883\nkeyfile /etc/server.key\n';

suite(ID, () => {
  test('from 2.0.21 the broker refuses to start: an error on keyfile', () => {
    const [d] = withCode(lint(TEXT, '2.1.2'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } });
    assert.deepEqual(d.data, { missing: 'certfile', section: 'listener:0' });
  });
  test('before 2.0.21 the listener silently runs without TLS: a warning', () => {
    assert.deepEqual(findings(TEXT, ID, '2.0.20'), ['2:warning']);
  });
  test('both present, or neither: no finding', () => {
    assert.deepEqual(findings('listener 8883\ncertfile /s.crt\nkeyfile /s.key\n', ID), []);
    assert.deepEqual(findings('listener 1883\n', ID), []);
  });
});
