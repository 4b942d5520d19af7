// The releases the broker layer asks, and where their brokers come from.
//
// - 2.0.11 is Debian 12's package (/usr/sbin/mosquitto, scripts/broker/install-broker.sh);
// - 1.5.11, 1.6.15, 2.0.22 and 2.1.2 are built from the release sources in ../shared/brokers
//   by its build.sh (cached in ${MOSQUITTO_BROKERS_DIR:-~/.cache/mosquitto-brokers}/VERSION/mosquitto;
//   scripts/broker/build-brokers.sh calls it).
//
// Reuse from other tests (see README.md): `verdictOf('2.1.2', { id, config, files })` is the
// verdict of that release on a file set, `brokerFor('1.6.15')` the executable.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { brokerVersion, findBroker, runCases } from './oracle';
import type { OracleCase, OracleVerdict, PoolOptions } from './oracle';
import { sharedDir } from './paths';

/** Every release the broker layer runs, oldest first. */
export const RELEASES: readonly string[] = ['1.5.11', '1.6.15', '2.0.11', '2.0.22', '2.1.2'];

/** The release Debian 12 ships (the system broker, not built from source). */
export const DEBIAN_RELEASE = '2.0.11';

/** Generated cases per release by default: the newest release (the linter's default target)
 * gets the most; the whole layer stays within a few minutes on a fresh machine. */
export const DEFAULT_COUNTS: Readonly<Record<string, number>> = {
  '1.5.11': 300,
  '1.6.15': 300,
  '2.0.11': 300,
  '2.0.22': 300,
  '2.1.2': 1000,
};

/** Where build.sh puts the release brokers. */
export function brokersDir(): string {
  return process.env.MOSQUITTO_BROKERS_DIR ?? path.join(os.homedir(), '.cache', 'mosquitto-brokers');
}

/** The shared build script (../shared/brokers/build.sh). */
export function buildScript(): string {
  return path.join(sharedDir(), 'brokers', 'build.sh');
}

/** The executable of a release, or null when it is not installed/built. Debian's 2.0.11 is the
 * system broker (or MOSQUITTO_ORACLE_BROKER); the others come from build.sh's cache folder. */
export function brokerFor(release: string): string | null {
  if (release === DEBIAN_RELEASE) {
    const system = findBroker();
    if (system !== null && brokerVersion(system) === release) {
      return system;
    }
  }
  const built = path.join(brokersDir(), release, 'mosquitto');
  try {
    fs.accessSync(built, fs.constants.X_OK);
  } catch {
    return null;
  }
  return brokerVersion(built) === release ? built : null;
}

/** Builds (or finds in the cache) the brokers of these releases with ../shared/brokers/build.sh.
 * Returns the problem, or null when every one is there. */
export function buildBrokers(releases: readonly string[]): string | null {
  const wanted = releases.filter((r) => r !== DEBIAN_RELEASE && brokerFor(r) === null);
  if (wanted.length === 0) {
    return null;
  }
  const script = buildScript();
  if (!fs.existsSync(script)) {
    return `cannot build mosquitto ${wanted.join(', ')}: ${script} is missing (expected ../shared next to the repository)`;
  }
  const result = spawnSync('bash', [script, ...wanted], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const missing = wanted.filter((r) => brokerFor(r) === null);
  return missing.length === 0 ? null : `build.sh could not build mosquitto ${missing.join(', ')}: ${(result.stderr || result.stdout || '').trim()}`;
}

/** The verdicts of one release on many cases (cached, bounded pool; see oracle.ts runCases). */
export async function verdictsOf(release: string, cases: readonly OracleCase[], options: PoolOptions = {}): Promise<Map<string, OracleVerdict>> {
  const broker = brokerFor(release);
  if (broker === null) {
    throw new Error(`mosquitto ${release} is not available (run scripts/broker/build-brokers.sh, or install-broker.sh for ${DEBIAN_RELEASE})`);
  }
  return runCases(cases, { ...options, broker });
}

/** The verdict of one release on one file set: the configuration plus the files it names. */
export async function verdictOf(release: string, oracleCase: OracleCase, options: PoolOptions = {}): Promise<OracleVerdict> {
  const verdicts = await verdictsOf(release, [oracleCase], options);
  return verdicts.get(oracleCase.id) as OracleVerdict;
}
