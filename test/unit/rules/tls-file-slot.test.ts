import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { analyze } from '../../../server/src/service';
import { codeActions } from '../../../server/src/service/features/codeActions';
import { settings } from '../helpers';
import { diskWithTls, MQTT, tlsDiagnostics, tlsFindings, withMaterial } from '../tls/tlsHelpers';

const ID = 'tls-file-slot';
const LE = '$T/letsencrypt/live/mqtt.example.test';

suite(ID, () => {
  test('certfile and keyfile swapped: one error on certfile (every release refuses), none on keyfile', () => {
    const text = `${MQTT}certfile $T/server.key\nkeyfile $T/server.crt\n`;
    assert.deepEqual(tlsFindings(text, ID, '2.0.11'), ['3:error']);
    assert.match(tlsDiagnostics(text, ID)[0].message, /swapped/);
  });
  test('swapped: the quick fix puts each path in the other line', () => {
    const text = withMaterial(`${MQTT}certfile $T/server.key\nkeyfile $T/server.crt\n`);
    const uri = '/etc/mosquitto/mosquitto.conf';
    const analysis = analyze({ text, uri }, settings('2.0.11', { checkPaths: true }), diskWithTls());
    const diagnostic = analysis.diagnostics.get(uri)?.find((d) => d.code === ID);
    assert.ok(diagnostic);
    const actions = codeActions(analysis, { uri, fileId: uri, range: diagnostic.range, diagnostics: [diagnostic] });
    const swap = actions.find((a) => a.title.startsWith('Swap'));
    assert.ok(swap?.edit?.changes);
    const lines = text.split('\n');
    for (const e of [...swap.edit.changes[uri]].sort((a, b) => b.range.start.character - a.range.start.character)) {
      const l = lines[e.range.start.line];
      lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
    }
    const fixed = lines.join('\n');
    assert.match(fixed, /certfile \S+\/server\.crt\nkeyfile \S+\/server\.key\n/);
    assert.deepEqual(tlsFindings(fixed, ID), []);
  });
  test('a key in certfile, or certificates in keyfile (not a swap): error', () => {
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/server.key\nkeyfile $T/server.key\n`, ID), ['3:error']);
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/fullchain.pem\nkeyfile $T/fullchain.pem\n`, ID), ['4:error']);
  });
  test('a CA certificate in certfile: warning (the broker starts with it when the key matches)', () => {
    assert.deepEqual(tlsFindings(`${MQTT}certfile $T/ca.crt\nkeyfile $T/ca.key\n`, ID), ['3:warning']);
  });
  test('a leaf certificate in cafile: warning, and it says what require_certificate makes of it', () => {
    const text = `${MQTT}cafile $T/server.crt\nrequire_certificate true\ncertfile $T/fullchain.pem\nkeyfile $T/server.key\n`;
    assert.deepEqual(tlsFindings(text, ID), ['3:warning']);
    assert.match(tlsDiagnostics(text, ID)[0].message, /require_certificate/);
  });
  test("Let's Encrypt: cert.pem in certfile gets the fullchain.pem hint; the right layout is clean", () => {
    const text = `${MQTT}certfile ${LE}/cert.pem\nkeyfile ${LE}/privkey.pem\n`;
    assert.deepEqual(tlsFindings(text, ID), ['3:warning']);
    assert.match(tlsDiagnostics(text, ID)[0].message, /fullchain\.pem/);
    assert.deepEqual(tlsFindings(`${MQTT}cafile ${LE}/chain.pem\ncertfile ${LE}/fullchain.pem\nkeyfile ${LE}/privkey.pem\n`, ID), []);
    assert.match(tlsDiagnostics(`${MQTT}cafile ${LE}/cert.pem\ncertfile ${LE}/fullchain.pem\nkeyfile ${LE}/privkey.pem\n`, ID)[0].message, /chain\.pem/);
    assert.match(tlsDiagnostics(`${MQTT}certfile ${LE}/fullchain.pem\nkeyfile ${LE}/chain.pem\n`, ID)[0].message, /privkey\.pem/);
  });
  test('certificates in crlfile: error', () => {
    assert.deepEqual(tlsFindings(`${MQTT}cafile $T/cachain.pem\ncrlfile $T/server.crt\ncertfile $T/fullchain.pem\nkeyfile $T/server.key\n`, ID), ['4:error']);
  });
});
