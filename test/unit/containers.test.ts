import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { suite, test } from 'node:test';
import { detectContainers, formatVersion, readCompose, readDockerfile, versionFromTag } from '../../server/src/service';
import { nodeFileSystem } from '../../server/src/nodeFileSystem';
import { memoryFs } from './helpers';

const WORKSPACES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspaces');
const tagVersion = (tag: string | undefined): string | undefined => {
  const found = versionFromTag(tag);
  return found ? formatVersion(found) : undefined;
};

suite('model: Compose and Dockerfile projects', () => {
  test('image tag → release: exact, X.Y, X, latest/none, -openssl, unknown', () => {
    assert.equal(tagVersion('2.0.18'), '2.0.18');
    assert.equal(tagVersion('2.0'), '2.0.22');
    assert.equal(tagVersion('2'), '2.1.2');
    assert.equal(tagVersion('1'), '1.6.15');
    assert.equal(tagVersion('latest'), '2.1.2');
    assert.equal(tagVersion(undefined), '2.1.2');
    assert.equal(tagVersion('2.0.18-openssl'), '2.0.18');
    assert.equal(tagVersion('2.0.99'), undefined);
    assert.equal(tagVersion('nightly'), undefined);
  });

  test('Compose fixture: short and long bind mounts, :ro, a single file, named and anonymous volumes', () => {
    const dir = path.join(WORKSPACES, 'compose');
    const config = path.join(dir, 'config', 'mosquitto.conf');
    const found = detectContainers(config, nodeFileSystem(), dir);
    assert.ok(found);
    assert.equal(found.kind, 'compose');
    assert.equal(found.service, 'mqtt');
    assert.equal(found.platform, 'linux');
    assert.equal(found.version && formatVersion(found.version), '2.0.18');
    const byTarget = Object.fromEntries(found.mappings.map((m) => [m.brokerPath, m.localPath ?? `volume:${m.volume ?? '(anonymous)'}`]));
    assert.deepEqual(byTarget, {
      '/mosquitto/config': path.join(dir, 'config'),
      '/mosquitto/certs': path.join(dir, 'certs'),
      '/mosquitto/passwd/users': path.join(dir, 'passwd'),
      '/mosquitto/data': 'volume:data',
      '/mosquitto/log': 'volume:logs',
      '/mosquitto/spool': 'volume:(anonymous)',
    });
  });

  test('Dockerfile fixture: FROM eclipse-mosquitto:TAG and COPY of the configuration', () => {
    const dir = path.join(WORKSPACES, 'dockerfile');
    const found = detectContainers(path.join(dir, 'mosquitto.conf'), nodeFileSystem(), dir);
    assert.ok(found);
    assert.equal(found.kind, 'dockerfile');
    assert.equal(found.version && formatVersion(found.version), '1.6.15');
    assert.deepEqual(
      found.mappings.map((m) => [m.brokerPath, m.localPath]),
      [
        ['/mosquitto/config/mosquitto.conf', path.join(dir, 'mosquitto.conf')],
        ['/mosquitto/config/passwd', path.join(dir, 'passwd')],
      ],
    );
  });

  test('a Dockerfile that does not copy this configuration does not count', () => {
    const fs = memoryFs({
      '/p/Dockerfile': 'FROM eclipse-mosquitto:2\nCOPY other.conf /mosquitto/config/mosquitto.conf\n',
      '/p/other.conf': '',
      '/p/mosquitto.conf': '',
    });
    assert.equal(readDockerfile('/p/Dockerfile', fs.readFile('/p/Dockerfile') ?? '', '/p/mosquitto.conf', fs), undefined);
  });

  test('services that are not the broker are skipped; a service mounting the file counts without the image', () => {
    const text =
      'services:\n  db:\n    image: postgres:16\n    volumes: ["./db:/var/lib/postgresql/data"]\n  broker:\n    image: registry.example.com/my-mosquitto:5\n    volumes:\n      - ./conf:/mosquitto/config\n';
    const found = readCompose('/p/compose.yaml', text, '/p/conf/mosquitto.conf', memoryFs({}));
    assert.equal(found?.service, 'broker');
    assert.equal(found?.version, undefined);
    assert.deepEqual(
      found?.mappings.map((m) => m.localPath),
      ['/p/conf'],
    );
  });

  test('mounts that depend on the environment are not followed but mentioned; broken YAML is no project', () => {
    const found = readCompose(
      '/p/compose.yaml',
      'services:\n  m:\n    image: eclipse-mosquitto\n    volumes: ["${CONF_DIR}:/mosquitto/config", "~/certs:/certs"]\n',
      '/p/mosquitto.conf',
      memoryFs({}),
    );
    assert.deepEqual(found?.mappings, []);
    assert.equal(found?.notes.length, 2);
    assert.equal(readCompose('/p/compose.yaml', 'services: [\n  : :', '/p/mosquitto.conf', memoryFs({})), undefined);
  });

  test('a service built from a Dockerfile FROM eclipse-mosquitto', () => {
    const fs = memoryFs({ '/p/broker/Dockerfile': 'FROM eclipse-mosquitto:2.0.15 AS base\nCOPY ["acl", "/mosquitto/config/acl"]\n', '/p/broker/acl': '' });
    const found = readCompose(
      '/p/compose.yml',
      'services:\n  mqtt:\n    build: ./broker\n    volumes:\n      - ./conf:/mosquitto/config/conf.d\n',
      '/p/conf/x.conf',
      fs,
    );
    assert.equal(found?.version && formatVersion(found.version), '2.0.15');
    assert.deepEqual(
      found?.mappings.map((m) => [m.brokerPath, m.localPath]),
      [
        ['/mosquitto/config/conf.d', '/p/conf'],
        ['/mosquitto/config/acl', '/p/broker/acl'],
      ],
    );
  });

  test('detection stops at the given folder', () => {
    const fs = memoryFs({ '/p/compose.yaml': 'services:\n  m:\n    image: eclipse-mosquitto:2\n', '/p/a/b/mosquitto.conf': '' });
    assert.equal(detectContainers('/p/a/b/mosquitto.conf', fs, '/p/a'), undefined);
    assert.equal(detectContainers('/p/a/b/mosquitto.conf', fs, '/p')?.service, 'm');
  });
});
