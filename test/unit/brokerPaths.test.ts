import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { PathMapping } from '../../server/src/service';
import { resolveBrokerPath, serviceFolder } from '../../server/src/service';
import { findMapping, foreignStyle } from '../../server/src/service/model/brokerPaths';
import { lint, memoryFs } from './helpers';

const CONFIG: PathMapping = { brokerPath: '/mosquitto/config', localPath: '/repo/config', origin: 'setting' };
const CERTS: PathMapping = { brokerPath: '/mosquitto/config/certs', localPath: '/repo/certs', origin: 'setting' };
const DATA: PathMapping = { brokerPath: '/mosquitto/data', origin: 'compose', volume: 'data' };
const linux = { platform: 'linux' as const, hostPlatform: 'linux' as const, mappings: [CONFIG, CERTS, DATA], baseDir: '/repo/config' };

suite('model: paths as the broker sees them', () => {
  test('a path under a mapped folder is looked up in the local folder', () => {
    assert.deepEqual(resolveBrokerPath('/mosquitto/config/passwd', linux), { kind: 'local', local: '/repo/config/passwd', mapping: CONFIG, relative: false });
  });
  test('the longest mapping wins, and the mapped folder itself resolves to the local folder', () => {
    assert.deepEqual(resolveBrokerPath('/mosquitto/config/certs/a.crt', linux), { kind: 'local', local: '/repo/certs/a.crt', mapping: CERTS, relative: false });
    assert.deepEqual(resolveBrokerPath('/mosquitto/config/', linux), { kind: 'local', local: '/repo/config', mapping: CONFIG, relative: false });
  });
  test('a mapping matches whole folder names only', () => {
    assert.equal(findMapping('/mosquitto/configuration/x', [CONFIG], 'linux'), undefined);
  });
  test('inside a named volume: not checkable', () => {
    assert.deepEqual(resolveBrokerPath('/mosquitto/data/mosquitto.db', linux), { kind: 'volume', mapping: DATA });
  });
  test('unmapped absolute paths are looked up as they are; relative ones next to the file', () => {
    assert.deepEqual(resolveBrokerPath('/etc/mosquitto/passwd', linux), { kind: 'local', local: '/etc/mosquitto/passwd', relative: false });
    assert.deepEqual(resolveBrokerPath('passwd', linux), { kind: 'local', local: '/repo/config/passwd', relative: true });
    assert.deepEqual(resolveBrokerPath('passwd', { ...linux, baseDir: undefined }), { kind: 'unknown' });
  });
  test('Windows paths for a Linux broker, POSIX paths for a Windows broker: foreign', () => {
    assert.equal(foreignStyle('C:\\mosquitto\\passwd', 'linux'), 'windows');
    assert.equal(foreignStyle('C:/mosquitto/passwd', 'macos'), 'windows');
    assert.equal(foreignStyle('\\\\server\\share\\passwd', 'linux'), 'windows');
    assert.equal(foreignStyle('/etc/mosquitto/passwd', 'windows'), 'posix');
    assert.equal(foreignStyle('C:\\mosquitto\\passwd', 'windows'), undefined);
    assert.equal(foreignStyle('/etc/mosquitto/passwd', 'linux'), undefined);
    assert.deepEqual(resolveBrokerPath('C:/mosquitto/passwd', linux), { kind: 'foreign', style: 'windows' });
  });
  test('Windows broker: mappings compare case-insensitively with either slash', () => {
    const windows = {
      platform: 'windows' as const,
      hostPlatform: 'linux' as const,
      mappings: [{ brokerPath: 'C:\\Mosquitto', localPath: '/repo/win', origin: 'setting' }],
    };
    assert.deepEqual(resolveBrokerPath('c:/mosquitto/certs/a.crt', windows), {
      kind: 'local',
      local: '/repo/win/certs/a.crt',
      mapping: windows.mappings[0],
      relative: false,
    });
    assert.deepEqual(resolveBrokerPath('C:\\other\\a.crt', windows), { kind: 'unknown' });
    assert.deepEqual(resolveBrokerPath('%PROGRAMDATA%\\a.crt', windows), { kind: 'unknown' });
  });
  test('folders created by the packaged service or image (Linux only)', () => {
    assert.match(serviceFolder('/run/mosquitto', 'linux') ?? '', /Debian/);
    assert.match(serviceFolder('/mosquitto/data/', 'linux') ?? '', /Docker image/);
    assert.match(serviceFolder('/mosquitto/log', 'linux') ?? '', /Docker image/);
    assert.equal(serviceFolder('/run/mosquitto', 'windows'), undefined);
    assert.equal(serviceFolder('/etc/mosquitto', 'linux'), undefined);
  });
});

suite('model: every reader of named files goes through the mappings', () => {
  const pathMappings = [{ brokerPath: '/mosquitto/config', localPath: '/repo/config', origin: 'test' }];
  const files = { '/repo/config/passwd': 'user:$7$broken\n', '/repo/config/server.crt': '', '/repo/config/server.key': '' };
  const text = 'listener 8883\ncertfile /mosquitto/config/server.crt\nkeyfile /mosquitto/config/server.key\npassword_file /mosquitto/config/passwd\n';
  const codes = (ds: readonly { code?: unknown }[]): string[] => [...new Set(ds.map((d) => String(d.code)))].sort();

  test('companion files (the password file) are read from the mapped folder', () => {
    const mapped = codes(lint(text, '2.1.2', { checkPaths: true, pathMappings }, memoryFs(files)));
    assert.ok(mapped.includes('companion-file-errors') && !mapped.includes('path-not-found'), mapped.join());
    const unmapped = codes(lint(text, '2.1.2', { checkPaths: true }, memoryFs(files)));
    assert.ok(unmapped.includes('path-not-found') && !unmapped.includes('companion-file-errors'), unmapped.join());
  });

  test('TLS files are inspected at the mapped path', () => {
    const asked: string[] = [];
    const tls = {
      inspect: (p: string) => {
        asked.push(p);
        return undefined;
      },
      verifyChain: () => undefined,
      inspectCaPath: () => undefined,
      userAccess: () => undefined,
    };
    lint(text, '2.1.2', { checkPaths: true, pathMappings }, { ...memoryFs(files), tls });
    assert.deepEqual([...new Set(asked)].sort(), ['/repo/config/server.crt', '/repo/config/server.key']);
  });
});
