/**
 * Broker layer for paths as the broker reads them (issue 11): Windows paths on a Linux broker
 * (foreign-platform-path), missing folders of the files the broker writes (pid_file,
 * log_dest file, persistence_location: path-not-found) and the folders a packaged service
 * creates. Every case runs on every release here (releases.ts) in the sandbox (oracle.ts).
 * For each release:
 * - our analysis (Linux, path checks on) has an error exactly when the broker refuses to start;
 * - the rule the case is about reports on the case's line (any severity).
 * Service folders (`/run/mosquitto`, `/mosquitto/data`, `/mosquitto/log`) are the one place
 * where we say information although a broker without the folder behaves as its case says:
 * those cases assert what the broker does without the folder, and that we name who creates it.
 *
 * Prints `LAYER_RESULT broker-paths <passed> <failed>`.
 */
import * as fs from 'node:fs';
import { nodeFileSystem } from '../../server/src/nodeFileSystem';
import { analyze, defaultSettings, parseVersion } from '../../server/src/service';
import { sandboxProblem } from './oracle';
import { brokerFor, RELEASES, verdictsOf } from './releases';

interface PathCase {
  readonly id: string;
  readonly config: string;
  /** The rule that must report on `line` (1-based). */
  readonly rule: 'foreign-platform-path' | 'path-not-found';
  readonly line: number;
  /** Service-created folder: we report information; `refusesFrom`/`refusesBefore` say what the broker does without it. */
  readonly serviceFolder?: { readonly folder: string; readonly refusesFrom?: string; readonly refusesBefore?: string };
}

const L = 'listener 18830 127.0.0.1\nallow_anonymous true\n';
/** A folder that exists on no machine the tests run on. */
const MISSING = '/nonexistent-mosquitto-lint-folder';

export const CASES: readonly PathCase[] = [
  // Windows paths read by a Linux broker
  { id: 'password-file-backslashes', config: `${L}password_file C:\\mosquitto\\passwd\n`, rule: 'foreign-platform-path', line: 3 },
  { id: 'password-file-slashes', config: `${L}password_file C:/mosquitto/passwd\n`, rule: 'foreign-platform-path', line: 3 },
  { id: 'password-file-unc', config: `${L}password_file \\\\server\\share\\passwd\n`, rule: 'foreign-platform-path', line: 3 },
  { id: 'acl-file', config: `${L}acl_file C:\\mosquitto\\acl\n`, rule: 'foreign-platform-path', line: 3 },
  { id: 'psk-file', config: `${L}psk_hint hint\npsk_file C:/mosquitto/psk\n`, rule: 'foreign-platform-path', line: 4 },
  { id: 'auth-plugin', config: `${L}auth_plugin C:/mosquitto/auth.dll\n`, rule: 'foreign-platform-path', line: 3 },
  {
    id: 'certificate-pair',
    config: 'listener 18831 127.0.0.1\nallow_anonymous true\ncertfile C:/mosquitto/certs/server.crt\nkeyfile C:/mosquitto/certs/server.key\n',
    rule: 'foreign-platform-path',
    line: 3,
  },
  { id: 'include-dir', config: `${L}include_dir C:/mosquitto/conf.d\n`, rule: 'foreign-platform-path', line: 3 },
  { id: 'pid-file-folder', config: `${L}pid_file C:/mosquitto/mosquitto.pid\n`, rule: 'foreign-platform-path', line: 3 },
  { id: 'pid-file-one-name', config: `${L}pid_file C:\\mosquitto\\mosquitto.pid\n`, rule: 'foreign-platform-path', line: 3 },
  { id: 'log-file', config: `${L}log_dest file C:/mosquitto/log/mosquitto.log\n`, rule: 'foreign-platform-path', line: 3 },
  { id: 'persistence-location', config: `${L}persistence true\npersistence_location C:/mosquitto/data/\n`, rule: 'foreign-platform-path', line: 4 },
  { id: 'capath', config: 'listener 18831 127.0.0.1\nallow_anonymous true\ncapath C:/mosquitto/certs\n', rule: 'foreign-platform-path', line: 3 },
  // Missing folders of files the broker writes
  { id: 'missing-pid-folder', config: `${L}pid_file ${MISSING}/mosquitto.pid\n`, rule: 'path-not-found', line: 3 },
  { id: 'missing-log-folder', config: `${L}log_dest file ${MISSING}/mosquitto.log\n`, rule: 'path-not-found', line: 3 },
  { id: 'missing-persistence-folder', config: `${L}persistence true\npersistence_location ${MISSING}/\n`, rule: 'path-not-found', line: 4 },
  // Folders the packaged service creates before it starts the broker
  {
    id: 'debian-run-folder',
    config: `${L}pid_file /run/mosquitto/mosquitto.pid\n`,
    rule: 'path-not-found',
    line: 3,
    serviceFolder: { folder: '/run/mosquitto', refusesFrom: '2.0.0' },
  },
  {
    id: 'image-data-folder',
    config: `${L}persistence true\npersistence_location /mosquitto/data/\n`,
    rule: 'path-not-found',
    line: 4,
    serviceFolder: { folder: '/mosquitto/data' },
  },
  {
    id: 'image-log-folder',
    config: `${L}log_dest file /mosquitto/log/mosquitto.log\n`,
    rule: 'path-not-found',
    line: 3,
    serviceFolder: { folder: '/mosquitto/log', refusesBefore: '1.6.0' },
  },
];

let passed = 0;
let failed = 0;
function check(name: string, ok: boolean, detail: string): void {
  if (ok) {
    passed++;
  } else {
    failed++;
    console.log(`FAIL ${name}: ${detail}`);
  }
}

async function runRelease(release: string): Promise<void> {
  const version = parseVersion(release);
  if (!version) {
    return;
  }
  const verdicts = await verdictsOf(
    release,
    CASES.map((c) => ({ id: `paths-${c.id}`, config: c.config })),
    { cacheDir: null },
  );
  for (const c of CASES) {
    const verdict = verdicts.get(`paths-${c.id}`);
    if (!verdict) {
      check(`${release} ${c.id}`, false, 'no verdict');
      continue;
    }
    const refused = verdict.verdict === 'rejected';
    const uri = '/etc/mosquitto/mosquitto.conf';
    const ours =
      analyze({ text: c.config, uri }, defaultSettings({ brokerVersion: version, checkPaths: true, platform: 'linux' }), nodeFileSystem()).diagnostics.get(
        uri,
      ) ?? [];
    const errors = ours.filter((d) => d.severity === 1);
    const shown = ours.map((d) => `${d.range.start.line + 1}:${String(d.code)}:${d.severity ?? 0}`).join(', ');
    const onLine = ours.filter((d) => d.code === c.rule && d.range.start.line + 1 === c.line);
    if (c.serviceFolder) {
      const { folder, refusesFrom, refusesBefore } = c.serviceFolder;
      if (fs.existsSync(folder)) {
        console.log(`skipped ${release} ${c.id}: ${folder} exists on this machine`);
        continue;
      }
      const expectRefusal =
        (refusesFrom !== undefined && compare(release, refusesFrom) >= 0) || (refusesBefore !== undefined && compare(release, refusesBefore) < 0);
      check(
        `${release} ${c.id}: without the folder the broker ${expectRefusal ? 'refuses' : 'starts'}`,
        refused === expectRefusal,
        `broker ${verdict.verdict} ${verdict.message}`,
      );
      check(
        `${release} ${c.id}: information naming who creates the folder, no error`,
        errors.length === 0 && onLine.some((d) => d.severity === 3),
        `we report: ${shown}`,
      );
      continue;
    }
    check(
      `${release} ${c.id}: error exactly when the broker refuses`,
      refused === errors.length > 0,
      `broker ${verdict.verdict}${refused ? ` (${verdict.message})` : ''}, we report ${errors.length} error(s): ${shown}`,
    );
    check(`${release} ${c.id}: ${c.rule} reports line ${c.line}`, onLine.length > 0, `we report: ${shown}`);
  }
}

function compare(a: string, b: string): number {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  return x && y ? x.major - y.major || x.minor - y.minor || x.patch - y.patch : 0;
}

async function main(): Promise<void> {
  const problem = sandboxProblem();
  if (problem) {
    console.log(`Path broker cases need the sandbox: ${problem}`);
    console.log('LAYER_RESULT broker-paths 0 1');
    process.exitCode = 1;
    return;
  }
  const releases = RELEASES.filter((r) => brokerFor(r) !== null);
  for (const release of releases) {
    await runRelease(release);
  }
  console.log(`Paths: ${passed} passed, ${failed} failed (brokers: ${releases.join(', ')})`);
  console.log(`LAYER_RESULT broker-paths ${passed} ${failed}`);
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();
