import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'bridge-tls';
const B = 'connection a\naddress h:8883\ntopic # out 0\n';

suite(ID, () => {
  test('bridge_insecure true is a warning on that line', () => {
    const [d] = withCode(lint(`${B}bridge_cafile /c\nbridge_insecure true\n`), ID);
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 15 } });
  });
  test('bridge_identity without bridge_psk (and the reverse) is an error', () => {
    assert.deepEqual(findings(`${B}bridge_identity id\n`, ID), ['4:error']);
    assert.deepEqual(findings(`${B}bridge_psk 0011\n`, ID), ['4:error']);
  });
  test('certificate options after PSK options, and the reverse, are errors', () => {
    assert.deepEqual(findings(`${B}bridge_identity id\nbridge_psk 00\nbridge_cafile /c\n`, ID), ['6:error']);
    assert.deepEqual(findings(`${B}bridge_cafile /c\nbridge_identity id\nbridge_psk 00\n`, ID), ['5:error', '6:error']);
  });
  test('a client certificate without its key, or without a CA (TLS stays off): warnings', () => {
    assert.deepEqual(findings(`${B}bridge_cafile /c\nbridge_certfile /s.crt\n`, ID), ['5:warning']);
    assert.deepEqual(findings(`${B}bridge_certfile /s.crt\nbridge_keyfile /s.key\n`, ID), ['4:warning']);
  });
  test('a complete TLS bridge and a complete PSK bridge are fine', () => {
    assert.deepEqual(findings(`${B}bridge_cafile /c\nbridge_certfile /s.crt\nbridge_keyfile /s.key\nbridge_insecure false\n`, ID), []);
    assert.deepEqual(findings(`${B}bridge_identity id\nbridge_psk 0011\n`, ID), []);
  });
});
