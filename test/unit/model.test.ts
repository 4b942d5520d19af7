import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { ConfigModel } from '../../server/src/service';
import { activeListeners, buildConfig, compareIncludeNames, describeSection, parse } from '../../server/src/service';
import { lineIn } from '../../server/src/service/model/positions';
import { memoryFs, settings } from './helpers';

const MAIN = '/etc/mosquitto/mosquitto.conf';

function build(text: string, version = '2.1.2', files: Record<string, string> = {}): ConfigModel {
  return buildConfig({ main: parse(text, MAIN), path: MAIN }, settings(version), memoryFs(files));
}

/** Where the directive on a 1-based line of a file went: 'kind -> section id'. */
function placed(model: ConfigModel, line: number, file = MAIN): string {
  const d = model.order.find((x) => x.file === file && lineIn(model, x) === line - 1);
  assert.ok(d, `no directive on line ${line} of ${file}`);
  const p = model.placements.get(d);
  return `${p?.kind ?? '?'} -> ${p?.target?.id ?? 'none'}`;
}

suite('model: sections', () => {
  test('listener opens a section; options below it belong to it', () => {
    const m = build('listener 1883\nmax_connections 10\nlistener 8883 127.0.0.1\nprotocol mqtt\n');
    assert.equal(placed(m, 2), 'listener -> listener:0');
    assert.equal(placed(m, 4), 'listener -> listener:1');
    assert.deepEqual(
      m.listeners.map((l) => [l.port, l.address]),
      [
        [1883, undefined],
        [8883, '127.0.0.1'],
      ],
    );
  });
  test('a unix socket listener keeps its path as the address: "listener 0 /run/m.sock"', () => {
    const m = build('listener 0 /run/m.sock\n');
    assert.deepEqual([m.listeners[0].port, m.listeners[0].address], [0, '/run/m.sock']);
    assert.equal(describeSection(m.listeners[0]), 'listener 0 /run/m.sock');
  });
  test('a comment after the port is no address from 1.5.6', () => {
    assert.equal(build('listener 1883 # plain\n', '1.5.6').listeners[0].address, undefined);
    assert.equal(build('listener 1883 # plain\n', '1.5.5').listeners[0].address, '#');
  });
  test('connection opens a bridge section with its name', () => {
    const m = build('connection cloud\naddress h:1883\n');
    assert.equal(placed(m, 2), 'bridge -> bridge:0');
    assert.equal(m.bridges[0].name, 'cloud');
  });
  test('global options stay global anywhere, also inside listener and bridge blocks', () => {
    const m = build('listener 1883\npersistence true\nconnection a\nsys_interval 10\n');
    assert.equal(placed(m, 2), 'global -> global');
    assert.equal(placed(m, 4), 'global -> global');
  });
  test('listener and bridge pointers are independent of each other', () => {
    const m = build('listener 1883\nconnection a\nmax_connections 5\naddress h:1883\nlistener 1884\ntopic # out 0\n');
    assert.equal(placed(m, 3), 'listener -> listener:0', 'a listener option after a connection goes to the last listener');
    assert.equal(placed(m, 6), 'bridge -> bridge:0', 'a bridge option after a listener goes to the last bridge');
  });
  test('bridge options with no connection above them have no section', () => {
    assert.equal(placed(build('topic # out 0\n'), 1), 'no-bridge -> none');
  });
});

suite('model: port and bind_address', () => {
  test('always configure the default listener, even after a listener line', () => {
    const m = build('listener 1884\nport 1883\nbind_address 127.0.0.1\n', '2.0.11');
    assert.equal(placed(m, 2), 'default-listener -> default');
    assert.equal(placed(m, 3), 'default-listener -> default');
    assert.equal(m.defaultListener.port, 1883);
    assert.equal(m.defaultListener.address, '127.0.0.1');
    assert.equal(m.defaultListener.explicit, true);
  });
  test('up to 2.0 the listener options after port still go to the last listener line', () => {
    const m = build('listener 1884\nport 1883\nmax_connections 5\n', '2.0.11');
    assert.equal(placed(m, 3), 'listener -> listener:0');
  });
  test('2.1: port makes the default listener current, so later listener options go there', () => {
    const m = build('listener 1884\nport 1883\nmax_connections 5\n', '2.1.2');
    assert.equal(placed(m, 3), 'implicit-default-listener -> default');
  });
});

suite('model: listener options before any listener', () => {
  test('up to 2.0 they configure the default listener', () => {
    assert.equal(placed(build('max_connections 5\ncafile /c\n', '2.0.11'), 2), 'implicit-default-listener -> default');
  });
  test('2.1: options that need a listener have none; others create the default listener', () => {
    const m = build('cafile /c\nmax_connections 5\ncafile /d\n', '2.1.2');
    assert.equal(placed(m, 1), 'no-listener -> none');
    assert.equal(placed(m, 2), 'implicit-default-listener -> default');
    assert.equal(placed(m, 3), 'implicit-default-listener -> default', 'the created default listener is now current');
  });
  test('2.1: accept_protocol_versions needs a listener line; the default listener does not do', () => {
    assert.equal(placed(build('port 1883\naccept_protocol_versions 4\n', '2.1.2'), 2), 'no-explicit-listener -> none');
  });
  test('which listeners the broker opens: options alone open the default listener only before 2.0.12 (or in 1.x)', () => {
    const ids = (text: string, version: string): string[] => activeListeners(build(text, version)).map((s) => s.id);
    assert.deepEqual(ids('max_connections 5\n', '2.0.11'), ['default']);
    assert.deepEqual(ids('max_connections 5\n', '2.0.12'), []);
    assert.deepEqual(ids('max_connections 5\nlistener 1884\n', '2.0.12'), ['default', 'listener:0']);
    assert.deepEqual(ids('listener 1884\n', '2.0.11'), ['listener:0']);
    assert.deepEqual(ids('allow_anonymous true\n', '1.6.15'), ['default']);
    assert.deepEqual(ids('port 1883\nlistener 1884\n', '2.1.2'), ['default', 'listener:0']);
  });
});

suite('model: per_listener_settings', () => {
  test('false (default): security options are global wherever they are written', () => {
    const m = build('listener 1883\npassword_file /p\n', '2.0.11');
    assert.equal(placed(m, 2), 'security-global -> global');
    assert.equal(m.perListenerSettings, false);
  });
  test('true: security options go to the current listener', () => {
    const m = build('per_listener_settings true\nlistener 1883\npassword_file /p\nlistener 1884\nallow_anonymous true\n', '2.0.11');
    assert.equal(placed(m, 3), 'security-listener -> listener:0');
    assert.equal(placed(m, 5), 'security-listener -> listener:1');
    assert.equal(m.perListenerSettings, true);
  });
  test('true, above the first listener: the default listener up to 2.0, no listener (refused) in 2.1', () => {
    const text = 'per_listener_settings true\npassword_file /p\nlistener 1883\n';
    assert.equal(placed(build(text, '2.0.11'), 2), 'security-default-listener -> default');
    assert.equal(placed(build(text, '2.1.2'), 2), 'no-listener -> none');
  });
  test('true after port in 2.1: the default listener is current', () => {
    assert.equal(placed(build('per_listener_settings true\nport 1883\npassword_file /p\n', '2.1.2'), 3), 'security-default-listener -> default');
  });
  test('global_plugin stays global with per_listener_settings true (2.1)', () => {
    assert.match(placed(build('per_listener_settings true\nlistener 1883\nglobal_plugin /p.so\n', '2.1.2'), 3), /-> global$/);
  });
  test('2.1 cannot switch it off again; 2.0 takes the last value', () => {
    assert.equal(build('per_listener_settings true\nper_listener_settings false\n', '2.1.2').perListenerSettings, true);
    assert.equal(build('per_listener_settings true\nper_listener_settings false\n', '2.0.11').perListenerSettings, false);
  });
  test('1.4 has no per-listener security: always global', () => {
    assert.equal(placed(build('per_listener_settings true\nlistener 1883\npassword_file /p\n', '1.4.15'), 3), 'security-global -> global');
  });
  test('plugin options follow their plugin line', () => {
    const m = build('per_listener_settings true\nlistener 1883\nplugin /p.so\nplugin_opt_abc x\n', '2.0.11');
    assert.equal(placed(m, 4), 'plugin -> listener:0');
    assert.equal(placed(build('plugin_opt_abc x\n', '2.0.11'), 1), 'no-plugin -> none');
  });
});

suite('model: include_dir', () => {
  test('files are sorted as the broker sorts them: per character, upper-cased first, then upper case before lower case', () => {
    // The order mosquitto 2.0.11 printed ("Loading config file ...") for these names.
    const names = ['b.conf', 'a.conf', 'B.conf', 'A.conf', '01.conf', '00.conf', 'aa.conf', 'Ab.conf', 'a_b.conf', 'aab.conf'];
    assert.deepEqual([...names].sort(compareIncludeNames), [
      '00.conf',
      '01.conf',
      'A.conf',
      'Ab.conf',
      'a.conf',
      'aa.conf',
      'aab.conf',
      'a_b.conf',
      'B.conf',
      'b.conf',
    ]);
  });
  test('only names ending in .conf and longer than 5 characters are read, in that order', () => {
    const dir = '/etc/mosquitto/conf.d';
    const files = {
      [`${dir}/b.conf`]: 'listener 1885\n',
      [`${dir}/A.conf`]: 'listener 1884\n',
      [`${dir}/.conf`]: 'listener 1\n',
      [`${dir}/c.conf~`]: 'listener 2\n',
      [`${dir}/README`]: 'x\n',
      [`${dir}/d.CONF`]: 'listener 3\n',
    };
    const m = build(`include_dir ${dir}\n`, '2.0.11', files);
    assert.deepEqual(m.includes[0].files, [`${dir}/A.conf`, `${dir}/b.conf`]);
    assert.deepEqual(
      m.files.map((f) => f.uri),
      [MAIN, `${dir}/A.conf`, `${dir}/b.conf`],
    );
    assert.deepEqual(
      m.listeners.map((l) => l.port),
      [1884, 1885],
    );
    assert.deepEqual([...m.includes[0].skipped].sort(), ['.conf', 'README', 'c.conf~', 'd.CONF']);
  });
  test('included files are read in place, between the lines around include_dir', () => {
    const m = build('listener 1883\ninclude_dir /d\nlistener 1885\n', '2.0.11', { '/d/x.conf': 'listener 1884\n' });
    assert.deepEqual(
      m.listeners.map((l) => l.port),
      [1883, 1884, 1885],
    );
    assert.deepEqual(
      m.order.map((d) => d.name),
      ['listener', 'include_dir', 'listener', 'listener'],
    );
  });
  test('each included file starts fresh: no current listener, bridge or plugin', () => {
    const files = { '/d/a.conf': 'max_connections 5\ntopic # out 0\nplugin_opt_abc x\n' };
    const m = build('listener 1883\nconnection c\nplugin /p.so\ninclude_dir /d\nmax_connections 6\n', '2.0.11', files);
    assert.equal(placed(m, 1, '/d/a.conf'), 'implicit-default-listener -> default');
    assert.equal(placed(m, 2, '/d/a.conf'), 'no-bridge -> none');
    assert.equal(placed(m, 3, '/d/a.conf'), 'no-plugin -> none');
    assert.equal(placed(m, 5), 'listener -> listener:0', 'the main file keeps its own state after the include');
  });
  test('a listener opened in one included file does not carry into the next', () => {
    const m = build('include_dir /d\n', '2.0.11', { '/d/a.conf': 'listener 1884\n', '/d/b.conf': 'max_connections 5\n' });
    assert.equal(placed(m, 1, '/d/b.conf'), 'implicit-default-listener -> default');
  });
  test('include_dir in an included file is not followed (status nested)', () => {
    const m = build('include_dir /d\n', '2.0.11', { '/d/a.conf': 'include_dir /e\n', '/e/b.conf': 'listener 1\n' });
    assert.deepEqual(m.includes.map((i) => i.status).sort(), ['nested', 'ok']);
    assert.equal(m.listeners.length, 0);
  });
  test('the main file itself is not read twice when its folder is included', () => {
    const m = build('include_dir /etc/mosquitto\n', '2.0.11', { [MAIN]: 'x', '/etc/mosquitto/other.conf': 'listener 1884\n' });
    assert.deepEqual(m.includes[0].files, ['/etc/mosquitto/other.conf']);
  });
  test('statuses: unreadable folder, empty value, path for another platform', () => {
    assert.equal(build('include_dir /nope\n').includes[0].status, 'unreadable');
    assert.equal(build('include_dir\n').includes[0].status, 'empty-value');
    assert.equal(build('include_dir C:/mosquitto/conf.d\n').includes[0].status, 'foreign');
  });
  test('a relative folder is looked up next to the main file (the editor has no broker working directory)', () => {
    const m = build('include_dir conf.d\n', '2.0.11', { '/etc/mosquitto/conf.d/a.conf': 'listener 1884\n' });
    assert.equal(m.includes[0].directory, '/etc/mosquitto/conf.d');
    assert.equal(m.listeners.length, 1);
  });
  test('a NUL byte ends the file for the broker: its line and the rest are not read', () => {
    const m = build('listener 1883\nmax_connections 5\0\nlistener 1884\n');
    assert.deepEqual(
      m.order.map((d) => lineIn(m, d)),
      [0],
    );
  });
});
