/**
 * Broker layer for the files mosquitto.conf points at (acl_file, password_file, psk_file):
 * every case runs in the real brokers here (sandboxed, test/broker/oracle.ts) and our
 * diagnostics must have an error exactly where the broker refuses to start. Then the
 * "Hash plaintext passwords" round trip: a file hashed by our hasher, a broker on loopback in
 * a private network namespace, and Debian's mosquitto_pub with the right and a wrong password.
 *
 * Prints `LAYER_RESULT broker-companion <passed> <failed>`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodePasswordHasher } from '../../server/src/passwordHasher';
import type { CompanionKind } from '../../server/src/service';
import { checkDynsec, defaultSettings, formatPbkdf2, hashPlaintextEdits, parseVersion, validateCompanion } from '../../server/src/service';
import { brokerVersion, runCase, sandboxProblem } from './oracle';
import { Tally } from './tally';

const HASH = formatPbkdf2(101, Buffer.alloc(12, 1).toString('base64'), Buffer.alloc(64, 2).toString('base64'));

interface CompanionCase {
  readonly id: string;
  readonly kind: CompanionKind;
  readonly content: string;
}

const DIRECTIVE: Record<CompanionKind, string> = { acl: 'acl_file', passwd: 'password_file', psk: 'psk_file' };

/** Each "refuses to start" claim and its accepted neighbours. */
export const CASES: readonly CompanionCase[] = [
  { id: 'acl-valid', kind: 'acl', content: '# comment\n\ntopic read anon/#\nuser alice smith\ntopic sensors/#\npattern read %c/#\ntopic deny secret  \r\n' },
  { id: 'acl-access-type-rw', kind: 'acl', content: 'user alice\ntopic rw foo/#\n' },
  { id: 'acl-topic-hash-not-last', kind: 'acl', content: 'topic read foo/#/bar\n' },
  { id: 'acl-topic-plus-in-level', kind: 'acl', content: 'topic read a/b+\n' },
  { id: 'acl-topic-missing', kind: 'acl', content: 'topic\n' },
  { id: 'acl-topic-only-access-word', kind: 'acl', content: 'user a\ntopic read\n' },
  { id: 'acl-keyword-misspelt', kind: 'acl', content: 'topci read foo\n' },
  { id: 'acl-keyword-capital', kind: 'acl', content: 'Topic read foo\n' },
  { id: 'acl-keyword-indented-comment', kind: 'acl', content: 'user a\n  # note\n' },
  { id: 'acl-keyword-tab', kind: 'acl', content: 'topic\tread foo\n' },
  { id: 'acl-user-missing', kind: 'acl', content: 'user   \ntopic read x\n' },
  { id: 'acl-pattern-without-substitution', kind: 'acl', content: 'pattern read a/b\n' },
  { id: 'acl-indented-keyword', kind: 'acl', content: '   topic read a\n' },
  { id: 'passwd-valid', kind: 'passwd', content: `# users\n\nalice:${HASH}\nbob : ${HASH}  \r\n` },
  { id: 'passwd-plaintext', kind: 'passwd', content: 'alice:secret\n' },
  { id: 'passwd-no-colon', kind: 'passwd', content: 'alice\n' },
  { id: 'passwd-empty-password', kind: 'passwd', content: 'alice:\n' },
  { id: 'passwd-last-line-no-password', kind: 'passwd', content: 'alice:' },
  { id: 'passwd-duplicate', kind: 'passwd', content: `alice:${HASH}\nalice:${HASH}\n` },
  { id: 'passwd-empty-user', kind: 'passwd', content: ` :${HASH}\n` },
  { id: 'passwd-bad-base64', kind: 'passwd', content: 'alice:$7$101$abc$def\n' },
  { id: 'passwd-no-leading-dollar', kind: 'passwd', content: `alice:${HASH.slice(1)}\n` },
  {
    id: 'passwd-salt-64',
    kind: 'passwd',
    content: `alice:${formatPbkdf2(1000, Buffer.alloc(64, 1).toString('base64'), Buffer.alloc(64, 2).toString('base64'))}\n`,
  },
  {
    id: 'passwd-zero-iterations',
    kind: 'passwd',
    content: `alice:${formatPbkdf2(0, Buffer.alloc(12, 1).toString('base64'), Buffer.alloc(64, 2).toString('base64'))}\n`,
  },
  { id: 'psk-valid', kind: 'psk', content: '# ids\nid1:00ff\nid2 : DEADbeef \r\n' },
  { id: 'psk-not-hex', kind: 'psk', content: 'id1:zz12\n' },
  { id: 'psk-space-in-key', kind: 'psk', content: 'id1:00 ff\n' },
  { id: 'psk-empty-key', kind: 'psk', content: 'id1:\n' },
  { id: 'psk-duplicate-not-hex', kind: 'psk', content: 'id1:00\nid1:zz\n' },
  { id: 'psk-empty-identity-not-hex', kind: 'psk', content: ' :zz\n' },
  { id: 'psk-no-colon', kind: 'psk', content: 'id1\n' },
];

/** Debian's dynamic-security plugin (package mosquitto); the release builds here have no plugins. */
const DYNSEC_PLUGIN = '/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so';
const SALT = Buffer.alloc(12, 1).toString('base64');
const PBKDF2 = Buffer.alloc(64, 2).toString('base64');

/**
 * Dynamic-security files and the rule we report on each (as a warning): the plugin never stops
 * the broker over its JSON file, so the broker must start for every one of them.
 */
export const DYNSEC_CASES: readonly { id: string; content: string; rule?: string }[] = [
  {
    id: 'dynsec-valid',
    content: JSON.stringify(
      {
        defaultACLAccess: { publishClientSend: false, subscribe: false },
        clients: [{ username: 'admin', password: PBKDF2, salt: SALT, iterations: 101, roles: [{ rolename: 'admin' }] }],
        groups: [],
        roles: [{ rolename: 'admin', acls: [{ acltype: 'publishClientSend', topic: '#', priority: 0, allow: true }] }],
      },
      null,
      2,
    ),
  },
  { id: 'dynsec-syntax-error', content: '{\n  "roles": [ ,\n', rule: 'dynsec-json' },
  { id: 'dynsec-top-level-array', content: '[]', rule: 'dynsec-json' },
  { id: 'dynsec-roles-object', content: '{"roles": {}, "clients": []}', rule: 'dynsec-structure' },
  { id: 'dynsec-clients-string', content: '{"clients": "admin"}', rule: 'dynsec-structure' },
  { id: 'dynsec-groups-number', content: '{"groups": 1}', rule: 'dynsec-structure' },
  { id: 'dynsec-unknown-acltype', content: '{"roles": [{"rolename": "r", "acls": [{"acltype": "publish", "topic": "a"}]}]}', rule: 'dynsec-acl-type' },
  {
    id: 'dynsec-priority-string',
    content: '{"roles": [{"rolename": "r", "acls": [{"acltype": "subscribePattern", "topic": "a", "priority": "1"}]}]}',
    rule: 'dynsec-structure',
  },
  {
    id: 'dynsec-password-short-salt',
    content: `{"clients": [{"username": "u", "password": "${PBKDF2}", "salt": "AAAA", "iterations": 101}]}`,
    rule: 'dynsec-password',
  },
  { id: 'dynsec-trailing-text', content: '{"roles": []} trailing', rule: 'dynsec-structure' },
];

/** The brokers here: Debian's and the release builds of ../shared/brokers/build.sh. */
function brokers(): { version: string; path: string }[] {
  const candidates = [
    '/usr/sbin/mosquitto',
    ...['1.5.11', '1.6.15', '2.0.22', '2.1.2'].map((v) => path.join(os.homedir(), '.cache', 'mosquitto-brokers', v, 'mosquitto')),
  ];
  return candidates.flatMap((p) => {
    const version = brokerVersion(p);
    return version ? [{ version, path: p }] : [];
  });
}

const tally = new Tally();
const check = (name: string, ok: boolean, detail: string): void => tally.check(name, ok, detail);

async function differential(): Promise<void> {
  for (const broker of brokers()) {
    const version = parseVersion(broker.version);
    if (!version) {
      continue;
    }
    for (const c of CASES) {
      const verdict = await runCase(
        {
          id: `companion-${c.id}`,
          config: `listener 1883\nallow_anonymous true\n${DIRECTIVE[c.kind]} companion.file\n`,
          files: [{ path: 'companion.file', content: c.content }],
        },
        { broker: broker.path },
      );
      const ours = validateCompanion(c.kind, c.content, defaultSettings({ brokerVersion: version }));
      const errors = ours.filter((d) => d.severity === 1);
      const refused = verdict.verdict === 'rejected';
      check(
        `${broker.version} ${c.id}`,
        refused === errors.length > 0,
        `broker ${verdict.verdict}${refused ? ` (${verdict.message})` : ''}, we report ${errors.length} error(s): ${ours.map((d) => `${d.range.start.line + 1}:${String(d.code)}:${d.severity ?? 0}`).join(', ')}`,
      );
    }
  }
}

/** Debian's 2.0.11 with its dynamic-security plugin: the broker starts with every case, and we report no error. */
async function dynsecDifferential(): Promise<void> {
  const version = brokerVersion('/usr/sbin/mosquitto');
  const parsed = version ? parseVersion(version) : undefined;
  if (!parsed || !existsSync(DYNSEC_PLUGIN)) {
    check('dynamic-security plugin installed (Debian mosquitto)', false, `${DYNSEC_PLUGIN} missing`);
    return;
  }
  for (const c of DYNSEC_CASES) {
    const verdict = await runCase(
      {
        id: `companion-${c.id}`,
        config: `listener 1883\nallow_anonymous false\nplugin ${DYNSEC_PLUGIN}\nplugin_opt_config_file dynsec.json\n`,
        files: [{ path: 'dynsec.json', content: c.content }],
      },
      { broker: '/usr/sbin/mosquitto' },
    );
    const ours = checkDynsec(c.content, parsed);
    const shown = ours.map((f) => `${f.range.start.line + 1}:${f.code}:${f.severity}`).join(', ');
    check(`${version ?? ''} ${c.id}: broker starts`, verdict.verdict !== 'rejected', `broker ${verdict.verdict} (${verdict.message})`);
    if (c.id === 'dynsec-syntax-error') {
      // Proof that the plugin read the case's file: it logs the JSON error and carries on.
      check(
        `${version ?? ''} ${c.id}: the plugin logged the JSON error`,
        verdict.warnings.some((w) => /not valid JSON/.test(w)),
        verdict.warnings.join(' | '),
      );
    }
    check(
      `${version ?? ''} ${c.id}: no error, ${c.rule ?? 'nothing'} reported`,
      ours.every((f) => f.severity !== 'error') && (c.rule === undefined ? ours.length === 0 : ours.some((f) => f.code === c.rule)),
      shown,
    );
  }
}

/** Starts `broker` with a hashed password file on loopback in a private network namespace and tries two logins. */
function roundTrip(broker: { version: string; path: string }): void {
  const version = parseVersion(broker.version);
  if (!version) {
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'companion-hash-'));
  try {
    chmodSync(dir, 0o755);
    const plain = 'alice:correct horse\nbob:s3cret\n';
    const edits = hashPlaintextEdits(plain, version, nodePasswordHasher);
    const lines = plain.split('\n');
    for (const e of [...edits].sort((a, b) => b.range.start.line - a.range.start.line)) {
      const l = lines[e.range.start.line];
      lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
    }
    const hashed = lines.join('\n');
    check(
      `${broker.version} hash: no plaintext left`,
      !hashed.includes('correct horse') && !hashed.includes('s3cret') && edits.length === 2,
      'plaintext still in the file',
    );
    const prefix = version.major < 2 ? '$6$' : '$7$';
    check(
      `${broker.version} hash: ${prefix} form`,
      edits.every((e) => e.newText.startsWith(prefix)),
      edits.map((e) => e.newText.slice(0, 4)).join(', '),
    );
    writeFileSync(path.join(dir, 'passwd'), hashed, { mode: 0o644 });
    writeFileSync(
      path.join(dir, 'mosquitto.conf'),
      `listener 18830 127.0.0.1\nallow_anonymous false\npassword_file ${dir}/passwd\nuser root\nlog_dest stdout\n`,
      { mode: 0o644 },
    );
    const script = [
      'ip link set lo up',
      `"${broker.path}" -c "${dir}/mosquitto.conf" > "${dir}/log" 2>&1 &`,
      'pid=$!',
      // wait (bounded) until the broker says it runs or exits
      'i=0; while [ $i -lt 100 ] && kill -0 $pid 2>/dev/null && ! grep -q "running" "' + dir + '/log"; do sleep 0.05; i=$((i+1)); done',
      'mosquitto_pub -h 127.0.0.1 -p 18830 -u alice -P "correct horse" -t t -m m -q 1; echo "right=$?"',
      'mosquitto_pub -h 127.0.0.1 -p 18830 -u alice -P "wrong horse" -t t -m m -q 1; echo "wrong=$?"',
      'mosquitto_pub -h 127.0.0.1 -p 18830 -u bob -P "s3cret" -t t -m m -q 1; echo "bob=$?"',
      'kill $pid; wait $pid 2>/dev/null; true',
    ].join('\n');
    const run = spawnSync('unshare', ['--net', '--', 'sh', '-c', script], { encoding: 'utf8', timeout: 30000 });
    const out = run.stdout ?? '';
    check(`${broker.version} hash: right password accepted`, /right=0/.test(out), out + (run.stderr ?? ''));
    check(`${broker.version} hash: second user accepted`, /bob=0/.test(out), out + (run.stderr ?? ''));
    check(`${broker.version} hash: wrong password refused`, /wrong=[1-9]/.test(out), out + (run.stderr ?? ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const problem = sandboxProblem();
  if (problem) {
    console.log(`companion broker cases need the sandbox: ${problem}`);
    console.log('LAYER_RESULT broker-companion 0 1');
    process.exitCode = 1;
    return;
  }
  await differential();
  await dynsecDifferential();
  const pub = spawnSync('mosquitto_pub', ['--help'], { encoding: 'utf8' });
  if (pub.error) {
    check('mosquitto_pub installed (mosquitto-clients)', false, 'run scripts/broker/install-broker.sh');
  } else {
    for (const broker of brokers()) {
      roundTrip(broker);
    }
  }
  tally.finish('broker-companion', 'companion files');
}

void main();
