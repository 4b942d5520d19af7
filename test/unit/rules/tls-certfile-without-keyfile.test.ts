import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'tls-certfile-without-keyfile';
const TEXT = 'listener 8883\ncafile /etc/ca.crt\ncertfile /etc/server.crt\nallow_anonymous true\n';

suite(ID, () => {
  test('from 2.0.21 the broker refuses to start: an error on certfile', () => {
    const [d] = withCode(lint(TEXT, '2.0.21'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } });
    assert.deepEqual(d.data, { missing: 'keyfile', section: 'listener:0' });
  });
  test('up to 2.0.20 the listener silently runs without TLS: a warning', () => {
    assert.deepEqual(findings(TEXT, ID, '2.0.20'), ['3:warning']);
    assert.deepEqual(findings(TEXT, ID, '2.0.11'), ['3:warning']);
    assert.deepEqual(findings(TEXT, ID, '1.6.15'), ['3:warning']);
  });
  test('per listener: the key of another listener does not count', () => {
    assert.deepEqual(findings('listener 8883\ncertfile /s.crt\nlistener 8884\ncertfile /s.crt\nkeyfile /s.key\n', ID), ['2:error']);
  });
  test('both present: no finding', () => {
    assert.deepEqual(findings('listener 8883\ncertfile /s.crt\nkeyfile /s.key\n', ID), []);
  });
  test('the default listener counts when it is opened: "certfile" after "port"', () => {
    assert.deepEqual(findings('port 8883\ncertfile /s.crt\n', ID, '2.0.21'), ['2:error']);
  });
});
