/**
 * Broker layer for the TLS material rules: each case points a listener (MQTT or websockets) or
 * a bridge at certificate and key files generated with openssl (test/unit/tlsMaterial.ts) and
 * runs every broker here in the sandbox (oracle.ts). The broker loads these files only when it
 * opens the listener, so this needs a real start, not --test-config. For each release:
 * - our analysis has an error exactly when the broker refuses to start;
 * - the rule the case is about reports the file (any severity), so the verdict is ours.
 * Permission cases run with the broker's real privilege drop (they need root and a mosquitto
 * user to create files that user cannot read).
 *
 * Prints `LAYER_RESULT broker-tls <passed> <failed>`.
 */
import { nodeFileSystem } from '../../server/src/nodeFileSystem';
import { analyze, atLeast, defaultSettings, parseVersion } from '../../server/src/service';
import { canTestRuntimeUser, opensslAvailable, tlsMaterial } from '../unit/tlsMaterial';
import type { OracleVerdict } from './oracle';
import { sandboxProblem } from './oracle';
import { brokerFor, RELEASES, verdictsOf } from './releases';
import { Tally } from './tally';

interface TlsCase {
  readonly id: string;
  /** Configuration; `$T` is the material folder. */
  readonly config: string;
  /** The rule that must report something (undefined: a clean case, no TLS material finding). */
  readonly rule?: string;
  /** Run with the broker's real privilege drop. */
  readonly realDrop?: boolean;
}

const MQTT = 'listener 8883\nallow_anonymous true\n';
const WSS = 'listener 1883\nallow_anonymous true\nlistener 8080\nprotocol websockets\n';
/** Before 2.0 an MQTT listener switches TLS on only with a CA file. */
const CA = 'cafile $T/cachain.pem\n';
const PAIR = 'certfile $T/fullchain.pem\nkeyfile $T/server.key\n';
const LE = '$T/letsencrypt/live/mqtt.example.test';

const TLS_RULES = [
  'tls-file-format',
  'tls-file-slot',
  'tls-key-mismatch',
  'tls-encrypted-key',
  'tls-certificate-validity',
  'tls-chain',
  'tls-file-permissions',
];

export const CASES: readonly TlsCase[] = [
  { id: 'clean-mqtt', config: `${MQTT}${CA}${PAIR}` },
  { id: 'clean-letsencrypt-wss', config: `${WSS}cafile ${LE}/chain.pem\ncertfile ${LE}/fullchain.pem\nkeyfile ${LE}/privkey.pem\n` },
  { id: 'clean-crl', config: `${MQTT}${CA}crlfile $T/int.crl\n${PAIR}` },
  { id: 'clean-dhparam', config: `${MQTT}${CA}dhparamfile $T/dhparam.pem\n${PAIR}` },
  { id: 'cert-der', config: `${MQTT}${CA}certfile $T/server.der\nkeyfile $T/server.key\n`, rule: 'tls-file-format' },
  { id: 'cert-pfx', config: `${MQTT}${CA}certfile $T/server.pfx\nkeyfile $T/server.key\n`, rule: 'tls-file-format' },
  { id: 'cert-p7b', config: `${MQTT}${CA}certfile $T/server.p7b\nkeyfile $T/server.key\n`, rule: 'tls-file-format' },
  { id: 'cert-p7b-der', config: `${MQTT}${CA}certfile $T/server-der.p7b\nkeyfile $T/server.key\n`, rule: 'tls-file-format' },
  { id: 'cert-empty', config: `${MQTT}${CA}certfile $T/empty.pem\nkeyfile $T/server.key\n`, rule: 'tls-file-format' },
  { id: 'cert-text', config: `${MQTT}${CA}certfile $T/notes.txt\nkeyfile $T/server.key\n`, rule: 'tls-file-format' },
  { id: 'cert-der-wss', config: `${WSS}certfile $T/server.der\nkeyfile $T/server.key\n`, rule: 'tls-file-format' },
  { id: 'key-der', config: `${MQTT}${CA}certfile $T/fullchain.pem\nkeyfile $T/server-key.der\n`, rule: 'tls-file-format' },
  { id: 'key-pfx', config: `${MQTT}${CA}certfile $T/fullchain.pem\nkeyfile $T/server.pfx\n`, rule: 'tls-file-format' },
  { id: 'key-openssh', config: `${MQTT}${CA}certfile $T/fullchain.pem\nkeyfile $T/ssh.key\n`, rule: 'tls-file-format' },
  { id: 'ca-der', config: `${MQTT}cafile $T/server.der\n${PAIR}`, rule: 'tls-file-format' },
  { id: 'ca-pfx', config: `${MQTT}cafile $T/server.pfx\n${PAIR}`, rule: 'tls-file-format' },
  { id: 'ca-der-wss', config: `${WSS}cafile $T/server.der\n${PAIR}`, rule: 'tls-file-format' },
  { id: 'crl-text', config: `${MQTT}${CA}crlfile $T/notes.txt\n${PAIR}`, rule: 'tls-file-format' },
  { id: 'crl-text-wss', config: `${WSS}${CA}crlfile $T/notes.txt\n${PAIR}`, rule: 'tls-file-format' },
  { id: 'dhparam-text', config: `${MQTT}${CA}dhparamfile $T/notes.txt\n${PAIR}`, rule: 'tls-file-format' },
  {
    id: 'bridge-der',
    config: `${MQTT}${CA}${PAIR}connection b\naddress 127.0.0.1:8883\ntopic # both 0\nbridge_cafile $T/server.der\nbridge_certfile $T/server.der\nbridge_keyfile $T/server-key.der\n`,
    rule: 'tls-file-format',
  },
  { id: 'swapped', config: `${MQTT}${CA}certfile $T/server.key\nkeyfile $T/server.crt\n`, rule: 'tls-file-slot' },
  { id: 'swapped-wss', config: `${WSS}certfile $T/server.key\nkeyfile $T/server.crt\n`, rule: 'tls-file-slot' },
  { id: 'key-in-certfile', config: `${MQTT}${CA}certfile $T/server.key\nkeyfile $T/server.key\n`, rule: 'tls-file-slot' },
  { id: 'certificates-in-keyfile', config: `${MQTT}${CA}certfile $T/fullchain.pem\nkeyfile $T/fullchain.pem\n`, rule: 'tls-file-slot' },
  { id: 'ca-in-certfile', config: `${MQTT}${CA}certfile $T/ca.crt\nkeyfile $T/ca.key\n`, rule: 'tls-file-slot' },
  { id: 'leaf-in-cafile', config: `${MQTT}cafile $T/server.crt\nrequire_certificate true\n${PAIR}`, rule: 'tls-file-slot' },
  { id: 'letsencrypt-cert-pem', config: `${MQTT}cafile ${LE}/chain.pem\ncertfile ${LE}/cert.pem\nkeyfile ${LE}/privkey.pem\n`, rule: 'tls-file-slot' },
  { id: 'certificates-in-crlfile', config: `${MQTT}${CA}crlfile $T/server.crt\n${PAIR}`, rule: 'tls-file-slot' },
  { id: 'key-mismatch', config: `${MQTT}${CA}certfile $T/fullchain.pem\nkeyfile $T/other.key\n`, rule: 'tls-key-mismatch' },
  { id: 'key-mismatch-wss', config: `${WSS}certfile $T/fullchain.pem\nkeyfile $T/other.key\n`, rule: 'tls-key-mismatch' },
  { id: 'encrypted-key', config: `${MQTT}${CA}certfile $T/fullchain.pem\nkeyfile $T/encrypted.key\n`, rule: 'tls-encrypted-key' },
  { id: 'encrypted-key-wss', config: `${WSS}certfile $T/fullchain.pem\nkeyfile $T/encrypted.key\n`, rule: 'tls-encrypted-key' },
  { id: 'expired', config: `${MQTT}${CA}certfile $T/expired-fullchain.pem\nkeyfile $T/server.key\n`, rule: 'tls-certificate-validity' },
  { id: 'not-yet-valid', config: `${MQTT}${CA}certfile $T/notyet.crt\nkeyfile $T/server.key\n`, rule: 'tls-certificate-validity' },
  { id: 'expires-soon', config: `${MQTT}${CA}certfile $T/soon.crt\nkeyfile $T/server.key\n`, rule: 'tls-certificate-validity' },
  { id: 'other-ca', config: `${MQTT}cafile $T/ca.crt\ncertfile $T/rogue.crt\nkeyfile $T/server.key\n`, rule: 'tls-chain' },
  { id: 'capath-unhashed', config: `${MQTT}capath $T/capath-unhashed\n${PAIR}`, rule: 'tls-chain' },
  { id: 'world-readable-key', config: `${MQTT}${CA}certfile $T/fullchain.pem\nkeyfile $T/world.key\n`, rule: 'tls-file-permissions' },
  { id: 'root-only-key', config: `${MQTT}${CA}certfile $T/fullchain.pem\nkeyfile $T/rootonly.key\n`, rule: 'tls-file-permissions', realDrop: true },
  {
    id: 'key-behind-private-folder',
    config: `${MQTT}${CA}certfile $T/fullchain.pem\nkeyfile $T/private/server.key\n`,
    rule: 'tls-file-permissions',
    realDrop: true,
  },
  { id: 'root-only-acl-file', config: `${MQTT}${CA}${PAIR}acl_file $T/rootonly.acl\n`, rule: 'tls-file-permissions', realDrop: true },
  { id: 'root-only-password-file', config: `${MQTT}${CA}${PAIR}password_file $T/rootonly.passwd\n`, rule: 'tls-file-permissions', realDrop: true },
  { id: 'root-only-psk-file', config: `${MQTT}psk_hint hint\npsk_file $T/rootonly.psk\n`, rule: 'tls-file-permissions', realDrop: true },
  { id: 'clean-real-drop', config: `${MQTT}${CA}${PAIR}`, realDrop: true },
  // Missing files (path-not-found): whether the release reads the slot at all decides the severity.
  // Before 2.0 a websockets listener hands certfile and keyfile to libwebsockets without a CA file.
  { id: 'missing-cert-wss', config: `${WSS}certfile $T/missing.crt\nkeyfile $T/server.key\n`, rule: 'path-not-found' },
  { id: 'missing-key-wss', config: `${WSS}certfile $T/fullchain.pem\nkeyfile $T/missing.key\n`, rule: 'path-not-found' },
  { id: 'missing-ca-wss', config: `${WSS}cafile $T/missing-ca.pem\n${PAIR}`, rule: 'path-not-found' },
  { id: 'missing-crl-wss', config: `${WSS}${CA}crlfile $T/missing.crl\n${PAIR}`, rule: 'path-not-found' },
  { id: 'missing-cert-mqtt', config: `${MQTT}${CA}certfile $T/missing.crt\nkeyfile $T/server.key\n`, rule: 'path-not-found' },
  { id: 'missing-cert-mqtt-no-ca', config: `${MQTT}certfile $T/missing.crt\nkeyfile $T/server.key\n`, rule: 'path-not-found' },
  { id: 'missing-dhparam-psk', config: `${MQTT}psk_hint hint\ndhparamfile $T/missing-dh.pem\n`, rule: 'path-not-found' },
  { id: 'missing-crl-psk', config: `${MQTT}psk_hint hint\ncrlfile $T/missing.crl\n`, rule: 'path-not-found' },
  { id: 'missing-ca-psk', config: `${MQTT}psk_hint hint\ncafile $T/missing-ca.pem\n`, rule: 'path-not-found' },
];

const tally = new Tally();
const check = (name: string, ok: boolean, detail: string): void => tally.check(name, ok, detail);
const table: string[] = [];

/** One release: every case through the oracle (no verdict cache: the material is outside the
 * case folder and the privilege-drop mode is not part of the cache key). */
async function runRelease(release: string, dir: string): Promise<void> {
  const version = parseVersion(release);
  if (!version) {
    return;
  }
  const cases = CASES.filter((c) => !c.realDrop || canTestRuntimeUser());
  const configOf = (c: TlsCase): string => c.config.replace(/\$T/g, dir);
  const verdicts = new Map<string, OracleVerdict>();
  for (const realDrop of [false, true]) {
    const group = cases.filter((c) => (c.realDrop === true) === realDrop).map((c) => ({ id: `tls-${c.id}`, config: configOf(c) }));
    for (const [id, verdict] of await verdictsOf(release, group, { cacheDir: null, realPrivilegeDrop: realDrop })) {
      verdicts.set(id, verdict);
    }
  }
  const fs = nodeFileSystem();
  for (const c of cases) {
    const config = configOf(c);
    const verdict = verdicts.get(`tls-${c.id}`);
    if (!verdict) {
      check(`${release} ${c.id}: the broker gave a verdict`, false, 'no verdict');
      continue;
    }
    const uri = '/etc/mosquitto/mosquitto.conf';
    const ours =
      analyze({ text: config, uri }, defaultSettings({ brokerVersion: version, checkPaths: true, platform: 'linux' }), fs).diagnostics.get(uri) ?? [];
    const errors = ours.filter((d) => d.severity === 1);
    const refused = verdict.verdict === 'rejected';
    const shown = ours.map((d) => `${d.range.start.line + 1}:${String(d.code)}:${d.severity ?? 0}`).join(', ');
    table.push(`${c.id}\t${release}\t${refused ? 'refuses' : 'starts'}\t${verdict.message}`);
    check(
      `${release} ${c.id}: error exactly when the broker refuses`,
      refused === errors.length > 0,
      `broker ${verdict.verdict}${refused ? ` (${verdict.message})` : ''}, we report ${errors.length} error(s): ${shown}`,
    );
    const material = ours.filter((d) => TLS_RULES.includes(String(d.code)));
    // 1.x loads these files before it drops privileges: nothing to report there.
    const expected = c.realDrop && !atLeast(version, '2.0.0') ? undefined : c.rule;
    if (expected !== undefined) {
      // 1.5.11 does not know dhparamfile at all: unknown-directive is the finding there.
      const unknownOption = ours.some((d) => d.code === 'unknown-directive');
      check(`${release} ${c.id}: ${expected} reports it`, unknownOption || ours.some((d) => d.code === expected), `we report: ${shown}`);
    } else {
      check(`${release} ${c.id}: no TLS material finding`, material.length === 0, `we report: ${shown}`);
    }
  }
}

async function main(): Promise<void> {
  const problem = sandboxProblem() ?? (opensslAvailable() ? null : 'openssl is not installed (scripts/broker/install-broker.sh)');
  if (problem) {
    console.log(`TLS broker cases need the sandbox: ${problem}`);
    console.log('LAYER_RESULT broker-tls 0 1');
    process.exitCode = 1;
    return;
  }
  const dir = tlsMaterial();
  const found = RELEASES.filter((release) => brokerFor(release) !== null);
  const missing = RELEASES.filter((release) => !found.includes(release));
  // Releases one after the other; each runs its cases in the oracle's bounded pool.
  for (const release of found) {
    await runRelease(release, dir);
  }
  if (process.argv.includes('--table')) {
    console.log(table.sort().join('\n'));
  }
  tally.finish(
    'broker-tls',
    `TLS material (releases: ${found.join(', ')}${missing.length > 0 ? `; not built here: ${missing.join(', ')}` : ''}${canTestRuntimeUser() ? '' : '; permission cases skipped: not root'})`,
  );
}

void main();
