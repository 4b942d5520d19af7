import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { Location, LocationLink } from 'vscode-languageserver-types';
import { analyze, parse } from '../../../server/src/service';
import type { LinkContext } from '../../../server/src/service/features/links';
import { definition, documentLinks } from '../../../server/src/service/features/links';
import { memoryFs, settings } from '../helpers';
import { cursor } from './featureHelpers';
import { range, version } from './structureHelpers';

const PATH = '/etc/mosquitto/mosquitto.conf';
const toUri = (p: string): string => `file://${p.replace(/\\/g, '/').replace(/ /g, '%20')}`;
const LINUX: LinkContext = { path: PATH, hostPlatform: 'linux', toUri };

function links(text: string, release = '2.1.2', context: LinkContext = LINUX): Array<[string, string | undefined]> {
  return documentLinks(parse(text, PATH), version(release), context).map((l) => [
    `${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`,
    l.target,
  ]);
}

suite('document links on path values', () => {
  test('every path option: the link covers the value and targets the file', () => {
    const text =
      'listener 8883\ncafile /etc/ca.pem\ncertfile /etc/c.pem\nkeyfile /etc/k.pem\npassword_file /etc/pw\nacl_file /etc/acl\npersistence_location /var/lib/mosquitto/\n';
    assert.deepEqual(links(text), [
      ['1:7-18', 'file:///etc/ca.pem'],
      ['2:9-19', 'file:///etc/c.pem'],
      ['3:8-18', 'file:///etc/k.pem'],
      ['4:14-21', 'file:///etc/pw'],
      ['5:9-17', 'file:///etc/acl'],
      ['6:21-40', 'file:///var/lib/mosquitto/'],
    ]);
  });
  test('include_dir links its folder; log_dest file links the log file; plugin_load its path', () => {
    assert.deepEqual(links('include_dir /etc/mosquitto/conf.d\nlog_dest file /var/log/m.log\nlog_dest stdout\nplugin_load dyn /usr/lib/dyn.so\n'), [
      ['0:12-33', 'file:///etc/mosquitto/conf.d'],
      ['1:14-28', 'file:///var/log/m.log'],
      ['3:16-31', 'file:///usr/lib/dyn.so'],
    ]);
  });
  test('no links on options that are not paths', () => {
    assert.deepEqual(links('listener 1883\nlog_type all\nuser mosquitto\nbogus /etc/x\n'), []);
  });
  test('the target is the path the broker reads: a trailing "# text" is part of a string value', () => {
    assert.deepEqual(links('password_file /etc/pw # users\n'), [['0:14-29', 'file:///etc/pw%20#%20users']]);
  });
  test('before 1.6.9 trailing blanks are part of the path; the link still covers only the visible text', () => {
    assert.deepEqual(links('password_file /etc/pw  \n', '1.6.8'), [['0:14-21', 'file:///etc/pw%20%20']]);
    assert.deepEqual(links('password_file /etc/pw  \n', '2.1.2'), [['0:14-21', 'file:///etc/pw']]);
  });
  test("relative paths resolve against the file's folder, with a tooltip saying the broker uses its working directory", () => {
    const found = documentLinks(parse('password_file pw/users\n', PATH), version('2.1.2'), LINUX);
    assert.equal(found[0].target, 'file:///etc/mosquitto/pw/users');
    assert.match(found[0].tooltip ?? '', /working directory/);
    assert.deepEqual(links('password_file pw/users\n', '2.1.2', { ...LINUX, path: undefined }), []);
  });
  test('paths that mean nothing on this host are not linked: Windows paths on Linux, %VAR%, POSIX paths on Windows', () => {
    assert.deepEqual(links('password_file C:\\mosquitto\\pw\ncafile %PROGRAMDATA%\\ca.pem\n'), []);
    const windows: LinkContext = { path: 'C:\\mosquitto\\mosquitto.conf', hostPlatform: 'windows', toUri };
    assert.deepEqual(links('password_file /etc/pw\ncafile C:\\certs\\ca.pem\nkeyfile certs\\k.pem\n', '2.1.2', windows), [
      ['1:7-22', 'file://C:/certs/ca.pem'],
      ['2:8-19', 'file://C:/mosquitto/certs/k.pem'],
    ]);
  });
  test('no links on the line with a NUL or after it (the broker stops reading there)', () => {
    assert.deepEqual(links('cafile /a\0\ncafile /b\n'), []);
    assert.deepEqual(links('cafile /a\ncafile /b\0\n'), [['0:7-9', 'file:///a']]);
  });
  test('a line starting with a NUL: no link on it; 2.1.2 links the lines after it, 2.0.11 does not', () => {
    assert.deepEqual(links('\0cafile /a\ncafile /b\n'), [['1:7-9', 'file:///b']]);
    assert.deepEqual(links('\0cafile /a\ncafile /b\n', '2.0.11'), []);
  });
});

function definitions(marked: string, files: Record<string, string> = {}, linkSupport = false): Location[] | LocationLink[] {
  const { text, position } = cursor(marked);
  const analysis = analyze({ text, uri: PATH, path: PATH }, settings('2.1.2'), memoryFs({ [PATH]: text, ...files }));
  return definition(analysis.model, analysis.parsed, position, LINUX, linkSupport);
}

suite('go to definition', () => {
  const confD = {
    '/etc/mosquitto/conf.d/b.conf': 'listener 1884\n',
    '/etc/mosquitto/conf.d/A.conf': 'listener 1883\n',
    '/etc/mosquitto/conf.d/notes.txt': 'x',
  };
  test('include_dir → the included files, in the order the broker reads them', () => {
    const found = definitions('include_|dir /etc/mosquitto/conf.d\n', confD) as Location[];
    assert.deepEqual(found, [
      { uri: 'file:///etc/mosquitto/conf.d/A.conf', range: range(0, 0, 0, 0) },
      { uri: 'file:///etc/mosquitto/conf.d/b.conf', range: range(0, 0, 0, 0) },
    ]);
  });
  test('include_dir from the value too; as LocationLinks the origin is the folder', () => {
    const found = definitions('include_dir /etc/mosq|uitto/conf.d\n', confD, true) as LocationLink[];
    assert.deepEqual(
      found.map((l) => [l.targetUri, l.originSelectionRange]),
      [
        ['file:///etc/mosquitto/conf.d/A.conf', range(0, 12, 0, 33)],
        ['file:///etc/mosquitto/conf.d/b.conf', range(0, 12, 0, 33)],
      ],
    );
  });
  test('include_dir of a folder that cannot be read: no definition', () => {
    assert.deepEqual(definitions('include_dir /nowhere|\n'), []);
  });
  test('plugin option → the plugin line it attaches to', () => {
    const found = definitions('plugin /usr/lib/a.so\nplugin /usr/lib/b.so\nplugin_opt_|db x\n') as Location[];
    assert.deepEqual(found, [{ uri: 'file:///etc/mosquitto/mosquitto.conf', range: range(1, 0, 1, 6) }]);
  });
  test('plugin_use → its plugin_load', () => {
    const found = definitions('plugin_load dyn /usr/lib/dyn.so\nlistener 1883\nplugin_use d|yn\n', {}, true) as LocationLink[];
    assert.deepEqual(
      found.map((l) => [l.targetRange, l.targetSelectionRange, l.originSelectionRange]),
      [[range(0, 0, 0, 31), range(0, 12, 0, 15), range(2, 11, 2, 14)]],
    );
  });
  test('a file path value → the file; a folder value is no definition', () => {
    assert.deepEqual(definitions('cafile /etc/c|a.pem\n'), [{ uri: 'file:///etc/ca.pem', range: range(0, 0, 0, 0) }]);
    assert.deepEqual(definitions('capath /etc/c|erts\n'), []);
    assert.deepEqual(definitions('caf|ile /etc/ca.pem\n'), []);
  });
  test('nothing on comments, blank lines and unknown directives', () => {
    assert.deepEqual(definitions('# include_dir /x|\n'), []);
    assert.deepEqual(definitions('|\n'), []);
    assert.deepEqual(definitions('bogus /x|\n'), []);
  });
});
