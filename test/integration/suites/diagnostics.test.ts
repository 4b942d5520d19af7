import * as assert from 'assert';
import { closeAllEditors, lineOf, openFixture, waitForCode } from '../helpers';

suite('diagnostics', () => {
  teardown(closeAllEditors);

  test('tls-certfile-without-keyfile: the seed wss listener without keyfile', async () => {
    const { document } = await openFixture('diagnostics', 'mosquitto.conf');
    const found = await waitForCode(document.uri, 'tls-certfile-without-keyfile');
    assert.strictEqual(found.length, 1, 'one listener (1885) lacks its keyfile');
    assert.strictEqual(found[0].range.start.line, lineOf(document, /^certfile\b/), 'reported on the certfile line');
  });

  test('unknown-directive: misspelt max_conections', async () => {
    const { document } = await openFixture('diagnostics', 'mosquitto', 'unknown.conf');
    const found = await waitForCode(document.uri, 'unknown-directive');
    assert.strictEqual(found.length, 1);
    assert.strictEqual(found[0].range.start.line, lineOf(document, /^max_conections\b/));
  });
});
