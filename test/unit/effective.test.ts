import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { EffectiveConfig, EffectiveListener, EffectiveOption } from '../../server/src/service';
import { buildConfig, effectiveConfig, listenerSummary, parse, renderEffectiveView } from '../../server/src/service';
import { memoryFs, settings } from './helpers';

const MAIN = '/etc/mosquitto/mosquitto.conf';

function effective(text: string, version = '2.1.2', files: Record<string, string> = {}): EffectiveConfig {
  return effectiveConfig(buildConfig({ main: parse(text, MAIN), path: MAIN }, settings(version), memoryFs(files)));
}

/** An option of a listener or of the global list, as 'value @ origin' (1-based lines). */
function describe(options: readonly EffectiveOption[], name: string): string {
  const found = options.filter((o) => o.name === name);
  assert.equal(found.length, 1, `expected one ${name}, got ${found.length}`);
  const o = found[0];
  switch (o.origin.kind) {
    case 'line':
      return `${o.value} @ ${o.origin.file.replace('/etc/mosquitto/', '')}:${o.origin.line + 1}`;
    case 'inherited':
      return `${o.value} @ inherited ${o.origin.file.replace('/etc/mosquitto/', '')}:${o.origin.line + 1} (${o.origin.from})`;
    case 'default':
      return `${o.value} @ default`;
  }
}

function listener(config: EffectiveConfig, title: string): EffectiveListener {
  const found = config.listeners.find((l) => l.title === title);
  assert.ok(found, `no ${title} in ${config.listeners.map((l) => l.title).join(', ')}`);
  return found;
}

/** The seed: default listener on 1883, ws on 1884, wss on 1885 (keyfile included). */
const SEED = [
  '# Port to use for the default listener.',
  'port 1883',
  '',
  'listener 1884',
  'protocol websockets',
  '',
  'listener 1885',
  'protocol websockets',
  'cafile /etc/mosquitto/certs/CA.crt',
  'certfile /etc/mosquitto/certs/server.crt',
  'keyfile /etc/mosquitto/certs/server.key',
  '',
].join('\n');

suite('effective configuration: listeners', () => {
  test('the seed opens three listeners with their protocols and TLS', () => {
    const config = effective(SEED, '2.0.11');
    assert.deepEqual(
      config.listeners.map((l) => [l.title, l.port, l.protocol, l.tls]),
      [
        ['default listener (port 1883)', 1883, 'mqtt', false],
        ['listener 1884', 1884, 'websockets', false],
        ['listener 1885', 1885, 'websockets', true],
      ],
    );
    assert.equal(describe(listener(config, 'default listener (port 1883)').options, 'port'), '1883 @ mosquitto.conf:2');
    assert.equal(describe(listener(config, 'listener 1885').options, 'certfile'), '/etc/mosquitto/certs/server.crt @ mosquitto.conf:10');
    assert.equal(describe(listener(config, 'listener 1884').options, 'protocol'), 'websockets @ mosquitto.conf:5');
    assert.equal(describe(listener(config, 'default listener (port 1883)').options, 'protocol'), 'mqtt @ default');
  });

  test('2.0 refuses anonymous clients on configured listeners by default; 1.6 allows them', () => {
    assert.deepEqual(
      effective(SEED, '2.0.11').listeners.map((l) => l.authentication.anonymous),
      ['refused', 'refused', 'refused'],
    );
    assert.deepEqual(
      effective(SEED, '1.6.15').listeners.map((l) => l.authentication.anonymous),
      ['allowed', 'allowed', 'allowed'],
    );
    assert.equal(describe(listener(effective(SEED, '2.0.11'), 'listener 1884').options, 'allow_anonymous'), 'false @ default');
  });

  test('1.5-1.6: a password file turns the anonymous default off', () => {
    const config = effective('listener 1883\npassword_file /etc/mosquitto/passwd\n', '1.6.15');
    assert.equal(config.listeners[0].authentication.anonymous, 'refused');
    assert.equal(effective('listener 1883\n', '1.4.15').listeners[0].authentication.anonymous, 'allowed');
  });

  test('no listener in 2.0+: local-only mode on loopback with anonymous clients allowed', () => {
    const config = effective('persistence true\n', '2.0.22');
    assert.equal(config.localOnly, true);
    assert.deepEqual(
      config.listeners.map((l) => [l.kind, l.address, l.authentication.anonymous]),
      [['local-only', '127.0.0.1 and ::1', 'allowed']],
    );
    const old = effective('persistence true\n', '1.6.15');
    assert.equal(old.localOnly, false);
    assert.deepEqual(
      old.listeners.map((l) => [l.kind, l.port, l.address]),
      [['default-listener', 1883, undefined]],
    );
  });

  test('2.0.21+: an explicit allow_anonymous false applies in local-only mode too', () => {
    assert.equal(effective('allow_anonymous false\n', '2.0.22').listeners[0].authentication.anonymous, 'refused');
    assert.equal(effective('allow_anonymous false\n', '2.0.11').listeners[0].authentication.anonymous, 'allowed');
  });

  test('summary line: protocol, TLS, authentication', () => {
    const config = effective(SEED, '2.0.11');
    assert.equal(listenerSummary(listener(config, 'listener 1885')), 'websockets · TLS · anonymous refused');
    const withPassword = effective('listener 1883\nallow_anonymous true\npassword_file /p\n', '2.0.11');
    assert.equal(listenerSummary(withPassword.listeners[0]), 'mqtt · no TLS · password file · anonymous allowed');
  });
});

suite('effective configuration: per_listener_settings', () => {
  const text = ['listener 1883', 'password_file /etc/mosquitto/passwd', 'allow_anonymous true', 'listener 8883', ''].join('\n');

  test('false: security options written under a listener apply to every listener (inherited from global)', () => {
    const config = effective(text, '2.0.11');
    assert.equal(config.perListenerSettings, false);
    for (const l of config.listeners) {
      assert.equal(describe(l.options, 'password_file'), '/etc/mosquitto/passwd @ inherited mosquitto.conf:2 (global)');
      assert.equal(l.authentication.anonymous, 'allowed');
    }
  });

  test('true: they apply only to the listener they are written in', () => {
    const config = effective(`per_listener_settings true\n${text}`, '2.0.11');
    assert.equal(config.perListenerSettings, true);
    assert.equal(describe(listener(config, 'listener 1883').options, 'password_file'), '/etc/mosquitto/passwd @ mosquitto.conf:3');
    assert.equal(describe(listener(config, 'listener 1883').options, 'allow_anonymous'), 'true @ mosquitto.conf:4');
    assert.equal(
      listener(config, 'listener 8883').options.some((o) => o.name === 'password_file'),
      false,
    );
    assert.equal(describe(listener(config, 'listener 8883').options, 'allow_anonymous'), 'false @ default');
    assert.equal(listener(config, 'listener 8883').authentication.anonymous, 'refused');
  });

  test('2.1: listener_allow_anonymous overrides allow_anonymous for its listener', () => {
    const config = effective('allow_anonymous false\nlistener 1883\nlistener_allow_anonymous true\nlistener 1884\n', '2.1.2');
    assert.deepEqual(
      config.listeners.map((l) => l.authentication.anonymous),
      ['allowed', 'refused'],
    );
    assert.equal(describe(listener(config, 'listener 1884').options, 'allow_anonymous'), 'false @ inherited mosquitto.conf:1 (global)');
  });
});

suite('effective configuration: include_dir', () => {
  const files = {
    '/etc/mosquitto/conf.d/b.conf': 'listener 8883\nprotocol websockets\n',
    '/etc/mosquitto/conf.d/A.conf': 'listener 1884\n',
    '/etc/mosquitto/conf.d/a.conf~': 'listener 9999\n',
    '/etc/mosquitto/conf.d/aa.conf': 'max_queued_messages 5\n',
  };

  test('files are listed and read in the broker order; backups are skipped', () => {
    const config = effective('listener 1883\ninclude_dir /etc/mosquitto/conf.d\n', '2.0.11', files);
    assert.deepEqual(config.files, [MAIN, '/etc/mosquitto/conf.d/A.conf', '/etc/mosquitto/conf.d/aa.conf', '/etc/mosquitto/conf.d/b.conf']);
    assert.deepEqual(
      config.listeners.map((l) => l.port),
      [1883, 1884, 8883],
    );
    assert.equal(describe(listener(config, 'listener 8883').options, 'protocol'), 'websockets @ conf.d/b.conf:2');
    assert.equal(describe(config.global, 'max_queued_messages'), '5 @ conf.d/aa.conf:1');
  });
});

suite('effective configuration: release defaults (reference/versions.md)', () => {
  // Each expectation is a default change listed in reference/versions.md.
  const defaults = (version: string): Record<string, string> =>
    Object.fromEntries(
      effective('listener 1883\n', version)
        .global.filter((o) => o.origin.kind === 'default')
        .map((o) => [o.name, o.value]),
    );

  test('max_queued_messages: 100 before 2.0, 1000 from 2.0', () => {
    assert.equal(defaults('1.6.15').max_queued_messages, '100');
    assert.equal(defaults('2.0.11').max_queued_messages, '1000');
  });
  test('max_packet_size: no limit until 2.0, 2000000 bytes in 2.1; unknown before 1.6', () => {
    assert.equal(defaults('2.0.22').max_packet_size, '0 (no limit)');
    assert.equal(defaults('2.1.2').max_packet_size, '2000000 bytes');
    assert.equal(defaults('1.5.11').max_packet_size, undefined);
  });
  test('allow_duplicate_messages: false until 2.0, true in 2.1', () => {
    assert.equal(defaults('2.0.22').allow_duplicate_messages, 'false');
    assert.equal(defaults('2.1.2').allow_duplicate_messages, 'true');
  });
  test('per_listener_settings is false by default and absent in 1.4', () => {
    assert.equal(defaults('2.0.11').per_listener_settings, 'false');
    assert.equal(defaults('1.4.15').per_listener_settings, undefined);
  });
  test('an option written in the file replaces its default', () => {
    const config = effective('max_queued_messages 10\nlistener 1883\n', '2.0.11');
    assert.equal(describe(config.global, 'max_queued_messages'), '10 @ mosquitto.conf:1');
  });
});

suite('effective configuration: text view', () => {
  test('origins are column-0 comments with file:line links; options are plain lines', () => {
    const view = renderEffectiveView(effective(SEED, '2.0.11'));
    const lines = view.text.split('\n');
    assert.ok(lines.includes('listener 1885'));
    const certLink = view.links.find((l) => l.targetLine === 9);
    assert.ok(certLink, 'a link to the certfile line');
    assert.equal(lines[certLink.line].slice(certLink.start, certLink.end), 'mosquitto.conf:10');
    assert.equal(lines[certLink.line + 1], 'certfile /etc/mosquitto/certs/server.crt');
    for (const line of lines) {
      assert.ok(line === '' || line.startsWith('#') || /^[a-z_]+( |$)/.test(line), `not a plain line: ${line}`);
    }
  });
});
