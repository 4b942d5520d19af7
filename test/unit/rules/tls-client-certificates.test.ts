import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'tls-client-certificates';

suite(ID, () => {
  test('require_certificate true without cafile/capath: a warning on require_certificate', () => {
    const [d] = withCode(lint('listener 8883\ncertfile /s.crt\nkeyfile /s.key\nrequire_certificate true\n'), ID);
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 19 } });
  });
  test('use_identity_as_username / use_subject_as_username without require_certificate true: a warning', () => {
    const text = 'listener 8883\ncafile /c\ncertfile /s.crt\nkeyfile /s.key\nuse_identity_as_username true\nuse_subject_as_username true\n';
    assert.deepEqual(findings(text, ID), ['5:warning', '6:warning']);
  });
  test('use_identity_as_username on a PSK listener takes the PSK identity: no finding', () => {
    assert.deepEqual(findings('listener 8883\npsk_hint h\nuse_identity_as_username true\n', ID), []);
  });
  test('a complete client-certificate setup: no finding', () => {
    const text = 'listener 8883\ncafile /c\ncertfile /s.crt\nkeyfile /s.key\nrequire_certificate true\nuse_identity_as_username true\n';
    assert.deepEqual(findings(text, ID), []);
  });
  test('options set to false are not checked', () => {
    assert.deepEqual(findings('listener 8883\nrequire_certificate false\nuse_identity_as_username false\n', ID), []);
  });
});
