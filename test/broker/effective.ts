// The effective configuration view against the real broker: for each installed release (the
// Debian mosquitto and the release builds in ~/.cache/mosquitto-brokers), run configurations in
// the oracle's sandbox and compare what the broker logs while starting with our effective model:
//   - the listen sockets it opens ("Opening ipv4|ipv6|websockets listen socket on port N.")
//     against our listeners' ports and protocols (2.1's built-in websockets logs ipv4/ipv6),
//   - local-only mode ("Starting in local only mode") against `localOnly`,
//   - include_dir reading order: a second `password_file` is refused by 1.5-2.0 in the file read
//     second, which must be the file our model reads second.
//
//   node out/test/broker/effective.js
// Last line: `LAYER_RESULT broker-effective <passed> <failed>`.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildConfig, effectiveConfig, parse, parseVersion, defaultSettings } from '../../server/src/service';
import type { EffectiveConfig } from '../../server/src/service';
import { nodeFileSystem } from '../../server/src/nodeFileSystem';
import { brokerVersion, findBroker, runCase, sandboxProblem } from './oracle';
import type { OracleCase, SupportFile } from './oracle';
import { makeFixtures } from './generator';

const RELEASES = ['1.5.11', '1.6.15', '2.0.22', '2.1.2'];

/** Brokers to ask: the Debian one and every release build present. */
function brokers(): { path: string; version: string }[] {
  const found: { path: string; version: string }[] = [];
  const debian = findBroker();
  const candidates = [debian, ...RELEASES.map((v) => path.join(os.homedir(), '.cache', 'mosquitto-brokers', v, 'mosquitto'))];
  for (const candidate of candidates) {
    if (candidate && fs.existsSync(candidate)) {
      const version = brokerVersion(candidate);
      if (version && !found.some((b) => b.version === version)) {
        found.push({ path: candidate, version });
      }
    }
  }
  return found;
}

interface Case {
  id: string;
  config: string;
  files: SupportFile[];
  /** Releases the case applies to (default: all). */
  applies?: (version: string) => boolean;
  check: (
    effective: EffectiveConfig,
    log: string[],
    verdict: { verdict: string; message: string; includedFile: string | null },
    version: string,
  ) => string | null;
}

/** The listen sockets the broker says it opened, as sorted `kind:port` strings. */
function openedSockets(log: string[], version: string): string[] {
  const sockets = new Set<string>();
  for (const line of log) {
    const m = /Opening (ipv4|ipv6|websockets|unix) listen socket on port (\d+)/.exec(line);
    if (m) {
      const kind = m[1] === 'websockets' ? 'websockets' : 'mqtt';
      sockets.add(`${version.startsWith('2.1') ? 'socket' : kind}:${m[2]}`);
    }
  }
  return [...sockets].sort();
}

/** Our listeners as the same `kind:port` strings. */
function modelSockets(effective: EffectiveConfig, version: string): string[] {
  return [...new Set(effective.listeners.map((l) => `${version.startsWith('2.1') ? 'socket' : l.protocol}:${l.port ?? '?'}`))].sort();
}

function compareSockets(effective: EffectiveConfig, log: string[], version: string): string | null {
  const ours = modelSockets(effective, version);
  const theirs = openedSockets(log, version);
  if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
    return `listeners differ: ours ${ours.join(' ')}, broker ${theirs.join(' ')}`;
  }
  const localOnly = log.some((l) => /Starting in local only mode/.test(l));
  if (localOnly !== effective.localOnly) {
    return `local-only mode: ours ${effective.localOnly}, broker ${localOnly}`;
  }
  return null;
}

function cases(): Case[] {
  const fixtures = makeFixtures();
  const certs: SupportFile[] = [
    { path: 'certs/ca.crt', content: fixtures.cert },
    { path: 'certs/server.crt', content: fixtures.cert },
    { path: 'certs/server.key', content: fixtures.key, mode: 0o600 },
    { path: 'passwd', content: '' },
  ];
  const accepted = (effective: EffectiveConfig, log: string[], verdict: { verdict: string; message: string }, version: string): string | null =>
    verdict.verdict !== 'accepted' ? `the broker refused: ${verdict.message}` : compareSockets(effective, log, version);
  return [
    {
      // The seed's three sections: default listener (port), ws on 1884, wss on 1885.
      id: 'seed',
      config:
        'port 1883\n\nlistener 1884\nprotocol websockets\n\nlistener 1885\nprotocol websockets\ncafile certs/ca.crt\ncertfile certs/server.crt\nkeyfile certs/server.key\n',
      files: certs,
      check: accepted,
    },
    {
      id: 'per-listener-settings-include-dir',
      config: 'per_listener_settings true\nlistener 1883\nallow_anonymous true\ninclude_dir conf.d\nlistener 1886\n',
      files: [
        ...certs,
        { path: 'conf.d/b.conf', content: 'listener 8884\nprotocol websockets\n' },
        { path: 'conf.d/A.conf', content: 'listener 1890 127.0.0.1\npassword_file passwd\n' },
        { path: 'conf.d/a.conf~', content: 'listener 9999\n' },
      ],
      check: accepted,
    },
    {
      id: 'local-only',
      config: 'persistence false\n',
      files: [],
      check: accepted,
    },
    {
      // 1.5-2.0 refuse a second password_file in one scope; the error names the file read second.
      id: 'include-dir-order',
      config: 'listener 1883\ninclude_dir conf.d\n',
      files: [...certs, { path: 'conf.d/aa.conf', content: 'password_file passwd\n' }, { path: 'conf.d/Ab.conf', content: 'password_file passwd\n' }],
      applies: (version) => !version.startsWith('2.1'),
      check: (effective, _log, verdict) => {
        if (verdict.verdict !== 'rejected' || verdict.includedFile === null) {
          return `expected a duplicate password_file error in an included file, got ${verdict.verdict} ${verdict.message}`;
        }
        const second = effective.files[2];
        return second !== undefined && second.endsWith(`/${verdict.includedFile}`)
          ? null
          : `broker refused in ${verdict.includedFile}, our second file is ${second}`;
      },
    },
  ];
}

async function main(): Promise<void> {
  let passed = 0;
  let failed = 0;
  const problem = sandboxProblem();
  const found = brokers();
  if (problem !== null || found.length === 0) {
    console.log(`effective: cannot run the broker here (${problem ?? 'no mosquitto installed'})`);
    console.log('LAYER_RESULT broker-effective 0 1');
    process.exitCode = 1;
    return;
  }
  const all = cases();
  for (const broker of found) {
    for (const c of all) {
      if (c.applies && !c.applies(broker.version)) {
        continue;
      }
      const oracleCase: OracleCase = { id: `effective-${c.id}`, config: c.config, files: c.files };
      const verdict = await runCase(oracleCase, { broker: broker.path, keepLog: true, timeoutMs: 3000 });
      // Our model of the same files, laid out in a temporary folder like the sandbox's.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosq-effective-'));
      try {
        for (const file of c.files) {
          fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
          fs.writeFileSync(path.join(dir, file.path), file.content ?? '');
        }
        const main = path.join(dir, 'mosquitto.conf');
        fs.writeFileSync(main, c.config);
        const version = parseVersion(broker.version);
        if (!version) {
          throw new Error(`unexpected broker version ${broker.version}`);
        }
        const model = buildConfig(
          { main: parse(c.config, main), path: main },
          defaultSettings({ brokerVersion: version, checkPaths: false }),
          nodeFileSystem(),
        );
        const outcome = c.check(effectiveConfig(model), verdict.log ?? [], verdict, broker.version);
        if (outcome === null) {
          passed++;
          console.log(`ok ${broker.version} ${c.id}`);
        } else {
          failed++;
          console.log(`FAIL ${broker.version} ${c.id}: ${outcome}`);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  console.log(`LAYER_RESULT broker-effective ${passed} ${failed}`);
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();
