import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { AnalysisSettings } from '../../../server/src/service';
import { lint, memoryFs } from '../helpers';

const ID = 'path-not-found';

function run(text: string, files: Record<string, string>, version = '2.0.11', overrides: Partial<AnalysisSettings> = {}): string[] {
  return lint(text, version, { checkPaths: true, ...overrides }, memoryFs(files))
    .filter((d) => d.code === ID)
    .map((d) => `${d.range.start.line + 1}:${d.severity}`);
}

suite(ID, () => {
  test('a missing password file stops the broker: an error on the path', () => {
    const [d] = lint('listener 1883\npassword_file /etc/mosquitto/passwd\n', '2.0.11', { checkPaths: true }, memoryFs({})).filter((x) => x.code === ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 14 }, end: { line: 1, character: 35 } });
    assert.deepEqual(d.data, { path: '/etc/mosquitto/passwd' });
  });
  test('existing files are fine', () => {
    assert.deepEqual(run('password_file /etc/p\nacl_file /etc/a\n', { '/etc/p': '', '/etc/a': '' }), []);
  });
  test('no check when path checks are off', () => {
    assert.deepEqual(
      lint('password_file /nope\n', '2.0.11', { checkPaths: false }, memoryFs({})).filter((d) => d.code === ID),
      [],
    );
  });
  test('listener TLS files: an error on a TLS listener, a warning where TLS is off', () => {
    assert.deepEqual(run('listener 8883\ncertfile /s.crt\nkeyfile /s.key\ncafile /ca.crt\n', { '/s.crt': '', '/s.key': '' }), ['4:1']);
    assert.deepEqual(run('listener 8883\ncafile /ca.crt\n', {}), ['2:2']);
  });
  test('paths that are not needed to start: persistence folder, log file folder, bridge files, capath (warnings)', () => {
    const text =
      'persistence_location /var/lib/m/\nlog_dest file /var/log/m/m.log\nlistener 8883\ncertfile /s\nkeyfile /k\ncapath /certs\nconnection a\nbridge_cafile /c\n';
    assert.deepEqual(run(text, { '/s': '', '/k': '' }), ['1:2', '2:2', '6:2', '8:2']);
  });
  test('pid_file: the folder must exist (2.0+; 1.5 and 1.6 start without a pid file)', () => {
    assert.deepEqual(run('pid_file /var/run/m/m.pid\n', {}), ['1:1']);
    assert.deepEqual(run('pid_file /var/run/m/m.pid\n', { '/var/run/m/': '' }), []);
    assert.deepEqual(run('pid_file /var/run/m/m.pid\n', {}, '1.6.15'), ['1:2']);
  });
  test('folders the packaged service creates: information, saying who creates them', () => {
    const [d] = lint('pid_file /run/mosquitto/mosquitto.pid\n', '2.0.11', { checkPaths: true }, memoryFs({})).filter((x) => x.code === ID);
    assert.equal(d.severity, 3);
    assert.match(String(d.message), /Debian/);
    assert.deepEqual(run('persistence_location /mosquitto/data/\nlog_dest file /mosquitto/log/m.log\nlog_dest file /var/log/mosquitto/m.log\n', {}), [
      '1:3',
      '2:3',
      '3:3',
    ]);
    assert.deepEqual(run('pid_file /run/mosquitto/mosquitto.pid\n', {}, '2.0.11', { platform: 'windows' }), []);
  });
  test('a missing log file folder stops 1.5 (it exits without a message), not 1.6', () => {
    assert.deepEqual(run('log_dest file /var/log/m/m.log\n', {}, '1.5.11'), ['1:1']);
    assert.deepEqual(run('log_dest file /var/log/m/m.log\n', {}, '1.6.15'), ['1:2']);
  });
  test('paths are looked up through the path mappings', () => {
    const pathMappings = [{ brokerPath: '/mosquitto/config', localPath: '/repo/config', origin: 'setting' }];
    assert.deepEqual(run('password_file /mosquitto/config/passwd\n', { '/repo/config/passwd': '' }, '2.0.11', { pathMappings }), []);
    const [d] = lint('password_file /mosquitto/config/passwd\n', '2.0.11', { checkPaths: true, pathMappings }, memoryFs({})).filter((x) => x.code === ID);
    assert.equal(d.severity, 1);
    assert.match(String(d.message), /\/repo\/config\/passwd/);
  });
  test('inside a named volume: an information note, never an error', () => {
    const pathMappings = [{ brokerPath: '/mosquitto/data', origin: 'compose.yaml', volume: 'data' }];
    assert.deepEqual(run('persistence_location /mosquitto/data/\npassword_file /mosquitto/data/passwd\n', {}, '2.0.11', { pathMappings }), ['1:3', '2:3']);
  });
  // Release-specific behaviours, each checked against the real brokers (test/broker/cases/).
  test('pid_file with a missing folder: an error from 2.0, a warning on 1.5 and 1.6 (written only with -d)', () => {
    for (const version of ['2.0.11', '2.0.22', '2.1.2']) {
      assert.deepEqual(run('pid_file /run/nowhere/m.pid\nlistener 1883\n', {}, version), ['1:1'], version);
    }
    for (const version of ['1.5.11', '1.6.15']) {
      assert.deepEqual(run('pid_file /run/nowhere/m.pid\nlistener 1883\n', {}, version), ['1:2'], version);
    }
  });
  test('log_dest file with a missing folder: an error on 1.5 only, a warning from 1.6', () => {
    assert.deepEqual(run('log_dest file /var/log/nowhere/m.log\nlistener 1883\n', {}, '1.5.11'), ['1:1']);
    for (const version of ['1.6.15', '2.0.11', '2.0.22', '2.1.2']) {
      assert.deepEqual(run('log_dest file /var/log/nowhere/m.log\nlistener 1883\n', {}, version), ['1:2'], version);
    }
  });
  test('acl_file before the first listener with per_listener_settings true: never read up to 2.0 (a warning)', () => {
    const text = 'per_listener_settings true\nacl_file /etc/nowhere.acl\nlistener 1883\nallow_anonymous true\n';
    for (const version of ['1.5.11', '1.6.15', '2.0.11', '2.0.22']) {
      assert.deepEqual(run(text, {}, version), ['2:2'], version);
    }
    const [d] = lint(text, '2.0.22', { checkPaths: true }, memoryFs({})).filter((x) => x.code === ID);
    assert.match(String(d.message), /default listener, which this file does not open/);
    // When other options open the default listener, its ACL file is read: an error.
    assert.deepEqual(run('per_listener_settings true\nacl_file /etc/nowhere.acl\nmount_point a/\nlistener 1884\n', {}, '2.0.22'), ['2:1']);
  });
  test('acl_file before the first listener with per_listener_settings true on 2.1: refused for want of a listener', () => {
    const text = 'per_listener_settings true\nacl_file /etc/nowhere.acl\nlistener 1883\nallow_anonymous true\n';
    const errors = lint(text, '2.1.2', { checkPaths: true }, memoryFs({}))
      .filter((x) => x.severity === 1)
      .map((x) => `${x.range.start.line + 1}:${String(x.code)}`);
    assert.ok(errors.includes('2:listener-option-before-listener'), errors.join(' '));
  });
  test('a folder where a file is needed, and a file where a folder is needed', () => {
    assert.deepEqual(run('password_file /etc/mosquitto\n', { '/etc/mosquitto/': '' }), ['1:1']);
    assert.deepEqual(run('listener 9001\nprotocol websockets\nhttp_dir /www\n', { '/www': '' }), ['3:1']);
  });
  test('paths for another platform and relative paths are not checked', () => {
    assert.deepEqual(run('password_file C:/mosquitto/passwd\npassword_file passwd\n', {}), []);
  });
  test('dhparamfile is ignored by 2.1: a warning there', () => {
    const text = 'listener 8883\ncertfile /s\nkeyfile /k\ndhparamfile /dh.pem\n';
    assert.deepEqual(run(text, { '/s': '', '/k': '' }, '2.0.11'), ['4:1']);
    assert.deepEqual(run(text, { '/s': '', '/k': '' }, '2.1.2'), ['4:2']);
  });
  // Per release, as the brokers answered in test/broker/tls.ts (missing-* cases).
  const WSS = 'listener 1883\nlistener 8080\nprotocol websockets\n';
  for (const release of ['1.5.11', '1.6.15', '2.0.11', '2.0.22', '2.1.2']) {
    test(`${release}: a missing certfile or keyfile on a websockets listener without cafile: an error (the broker refuses)`, () => {
      assert.deepEqual(run(`${WSS}certfile /s.crt\nkeyfile /s.key\n`, { '/s.key': '' }, release), ['4:1']);
      assert.deepEqual(run(`${WSS}certfile /s.crt\nkeyfile /s.key\n`, { '/s.crt': '' }, release), ['5:1']);
    });
    test(`${release}: the same line gives one story: no 'runs unencrypted' warning and no 'not read yet' wording`, () => {
      const ds = lint(`${WSS}certfile /s.crt\nkeyfile /s.key\n`, release, { checkPaths: true }, memoryFs({ '/s.key': '' })).filter(
        (d) => d.range.start.line === 3,
      );
      assert.deepEqual(
        ds.map((d) => d.code),
        [ID],
      );
      assert.match(String(ds[0].message), /refuses to start/);
    });
    const websocketsCaFatal = release === '2.1.2';
    test(`${release}: a missing cafile or crlfile on a websockets listener: ${websocketsCaFatal ? 'an error' : 'a warning (libwebsockets goes on)'}`, () => {
      const files = { '/s.crt': '', '/s.key': '', '/ca.crt': '' };
      assert.deepEqual(run(`${WSS}cafile /missing-ca.crt\ncertfile /s.crt\nkeyfile /s.key\n`, files, release), [`4:${websocketsCaFatal ? 1 : 2}`]);
      assert.deepEqual(run(`${WSS}cafile /ca.crt\ncrlfile /missing.crl\ncertfile /s.crt\nkeyfile /s.key\n`, files, release), [
        `5:${websocketsCaFatal ? 1 : 2}`,
      ]);
    });
    const mqttWithoutCaFatal = !release.startsWith('1.');
    test(`${release}: a missing certfile on an MQTT listener without cafile: ${mqttWithoutCaFatal ? 'an error' : 'a warning (1.x runs it without TLS)'}`, () => {
      assert.deepEqual(run('listener 8883\ncertfile /s.crt\nkeyfile /s.key\n', { '/s.key': '' }, release), [`2:${mqttWithoutCaFatal ? 1 : 2}`]);
      assert.deepEqual(run('listener 8883\ncafile /ca.crt\ncertfile /s.crt\nkeyfile /s.key\n', { '/s.key': '', '/ca.crt': '' }, release), ['3:1']);
    });
  }
  test('a TLS-PSK listener reads dhparamfile (1.6 until 2.1) but no CA file', () => {
    assert.deepEqual(run('listener 8883\npsk_hint h\ndhparamfile /dh.pem\n', {}, '1.6.15'), ['3:1']);
    assert.deepEqual(run('listener 8883\npsk_hint h\ndhparamfile /dh.pem\n', {}, '2.0.22'), ['3:1']);
    assert.deepEqual(run('listener 8883\npsk_hint h\ndhparamfile /dh.pem\n', {}, '2.1.2'), ['3:2']);
    for (const release of ['1.6.15', '2.0.22', '2.1.2']) {
      const [d] = lint('listener 8883\npsk_hint h\ncrlfile /x.crl\n', release, { checkPaths: true }, memoryFs({})).filter((x) => x.code === ID);
      assert.equal(d.severity, 2);
      assert.match(String(d.message), /TLS-PSK without a certificate/);
    }
  });
  test('certificate options after psk_hint: the broker stops at the mix (tls-psk-and-certificate), and path-not-found says so', () => {
    const ds = lint('listener 8883\npsk_hint h\ncertfile /s.crt\nkeyfile /s.key\n', '1.6.15', { checkPaths: true }, memoryFs({})).filter(
      (x) => x.range.start.line === 2,
    );
    assert.deepEqual(
      ds
        .filter((d) => d.code === ID || d.code === 'tls-psk-and-certificate')
        .map((d) => `${String(d.code)}:${d.severity}`)
        .sort(),
      ['path-not-found:2', 'tls-psk-and-certificate:1'],
    );
    assert.match(String(ds.find((d) => d.code === ID)?.message), /stops at this listener's mix of PSK and certificate options/);
  });
  test('before 1.6.9 the trailing blanks are part of the path that is looked up', () => {
    assert.deepEqual(run('password_file /etc/p  \n', { '/etc/p': '' }, '1.6.8'), ['1:1']);
    assert.deepEqual(run('password_file /etc/p  \n', { '/etc/p': '' }, '1.6.9'), []);
  });
});
