import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'proxy-protocol-tls';

// Checked against the real brokers (test/broker/cases/proxy-protocol-v2-*.conf): 2.1.2 refuses,
// releases before 2.1 do not know enable_proxy_protocol at all (unavailable-in-version).
suite(ID, () => {
  test('certfile and keyfile on an enable_proxy_protocol 2 listener: errors on both (2.1.2)', () => {
    const text = 'listener 8883\nenable_proxy_protocol 2\ncertfile /s.crt\nkeyfile /s.key\n';
    const found = withCode(lint(text, '2.1.2'), ID);
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity]),
      [
        [2, 0, 8, 1],
        [3, 0, 7, 1],
      ],
    );
    assert.match(String(found[0].message), /enable_proxy_protocol 2/);
  });
  test('use_subject_as_username true on it is an error; false is not', () => {
    assert.deepEqual(findings('listener 1883\nenable_proxy_protocol 2\nuse_subject_as_username true\n', ID, '2.1.2'), ['3:error']);
    assert.deepEqual(findings('listener 1883\nenable_proxy_protocol 2\nuse_subject_as_username false\n', ID, '2.1.2'), []);
  });
  test('proxy protocol v1 keeps TLS on the listener: no finding', () => {
    assert.deepEqual(findings('listener 8883\nenable_proxy_protocol 1\ncertfile /s.crt\nkeyfile /s.key\n', ID, '2.1.2'), []);
  });
  test('certificates on another listener than the v2 one: no finding', () => {
    assert.deepEqual(findings('listener 1883\nenable_proxy_protocol 2\nlistener 8883\ncertfile /s.crt\nkeyfile /s.key\n', ID, '2.1.2'), []);
  });
  test('the check follows the listener, not the line order: certfile before enable_proxy_protocol 2', () => {
    assert.deepEqual(findings('listener 8883\ncertfile /s.crt\nenable_proxy_protocol 2\n', ID, '2.1.2'), ['2:error']);
  });
});
