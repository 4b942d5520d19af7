import * as assert from 'assert';
import { closeAllEditors, lineOf, openFixture, setSetting, waitForCode, waitForDiagnostics, withCode } from '../helpers';

const ADVICE = 'websockets-socket-domain';

suite('mosquitto.platform', () => {
  suiteSetup(() => setSetting('platform', 'linux'));
  suiteTeardown(() => setSetting('platform', undefined));
  teardown(closeAllEditors);

  test(`${ADVICE}: absent on linux, on each websockets listener once platform is windows`, async () => {
    const { document } = await openFixture('platform', 'mosquitto.conf');
    // The TLS diagnostic proves the file was analysed (with platform linux).
    const onLinux = await waitForDiagnostics(document.uri, 'the analysis on linux', (all) => withCode(all, 'tls-certfile-without-keyfile').length > 0);
    assert.deepStrictEqual(withCode(onLinux, ADVICE), [], 'no socket_domain advice on linux');

    await setSetting('platform', 'windows');
    const advice = await waitForCode(document.uri, ADVICE);
    assert.strictEqual(advice.length, 2, 'one advice per websockets listener (1884 and 1885)');
    // Each advice sits on its listener's `listener` or `protocol websockets` line.
    const second = lineOf(document, /^listener 1885/);
    const lines = advice.map((diagnostic) => diagnostic.range.start.line).sort((a, b) => a - b);
    assert.ok(lines[0] >= lineOf(document, /^listener 1884/) && lines[0] < second, `first advice (line ${lines[0] + 1}) in listener 1884`);
    assert.ok(lines[1] >= second, `second advice (line ${lines[1] + 1}) in listener 1885`);
  });
});
