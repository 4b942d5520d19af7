import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import type { FileSystemAccess } from '../../../server/src/service';
import { hover } from '../../../server/src/service/features/hover';
import { analysisOf, cursor, DOCUMENT_PATH } from '../features/featureHelpers';
import { diskWithoutTls, diskWithTls, withMaterial } from './tlsHelpers';

function hoverText(marked: string, fs: FileSystemAccess = diskWithTls(), checkPaths = true): string | undefined {
  const { text, position } = cursor(withMaterial(marked));
  const result = hover(analysisOf(text, '2.0.11', { checkPaths }, fs), DOCUMENT_PATH, position, { markdown: false }, fs);
  return result ? (result.contents as MarkupContent).value : undefined;
}

suite('hover on certificate and key paths', () => {
  test('certfile: subject, issuer, SANs, validity dates, key type and size of each certificate', () => {
    const text = hoverText('listener 8883\ncertfile $T/full|chain.pem\nkeyfile $T/server.key\n');
    assert.ok(text);
    assert.match(text, /Subject: CN=mqtt\.example\.test, O=mosquitto-lint tests|Subject: O=mosquitto-lint tests, CN=mqtt\.example\.test/);
    assert.match(text, /Issuer: .*Test Intermediate CA/);
    assert.match(text, /DNS:localhost, DNS:mqtt\.example\.test, IP Address:127\.0\.0\.1/);
    assert.match(text, /Valid: \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
    assert.match(text, /Key: RSA, 2048 bits/);
    assert.match(text, /Certificate 2/);
    assert.match(text, /CA: yes/);
  });
  test('keyfile: type and size only; an EC key names its size', () => {
    assert.match(hoverText('listener 8883\ncertfile $T/fullchain.pem\nkeyfile $T/ser|ver.key\n') ?? '', /Private key: RSA, 2048 bits/);
    assert.match(hoverText('listener 8883\ncertfile $T/ec.crt\nkeyfile $T/e|c.key\n') ?? '', /Private key: EC, 256 bits/);
    assert.match(hoverText('listener 8883\ncertfile $T/fullchain.pem\nkeyfile $T/encr|ypted.key\n') ?? '', /protected by a passphrase/);
  });
  test('a PFX path: the format and the openssl command that converts it', () => {
    const text = hoverText('listener 8883\ncertfile $T/server.p|fx\nkeyfile $T/server.key\n') ?? '';
    assert.match(text, /PKCS#12/);
    assert.match(text, /openssl pkcs12 -in \S+server\.pfx -nokeys -out/);
  });
  test('capath: how many certificates have hashed names', () => {
    assert.match(
      hoverText('listener 8883\ncapath $T/cap|ath\ncertfile $T/fullchain.pem\nkeyfile $T/server.key\n') ?? '',
      /2 certificate\(s\), 2 reachable by hashed name/,
    );
  });
  test('untrusted workspace or path checks off: the directive documentation, nothing from the file', () => {
    const untrusted = hoverText('listener 8883\ncertfile $T/full|chain.pem\nkeyfile $T/server.key\n', diskWithoutTls()) ?? '';
    assert.doesNotMatch(untrusted, /Subject:/);
    const off = hoverText('listener 8883\ncertfile $T/full|chain.pem\nkeyfile $T/server.key\n', diskWithTls(), false) ?? '';
    assert.doesNotMatch(off, /Subject:/);
  });
  test('one story: the hover of a DER file and the diagnostic on it name the same format', () => {
    const text = hoverText('listener 8883\ncertfile $T/server.d|er\nkeyfile $T/server.key\n') ?? '';
    assert.match(text, /binary \(DER\) certificate/);
  });
});
