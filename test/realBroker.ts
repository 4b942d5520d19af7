// The real mosquitto 2.1.2 for the "Check with installed broker" tests (unit, CLI, protocol):
// the build of ../shared/brokers/build.sh (scripts/broker/build-brokers.sh, run by .ci/run
// before the tests), started through a wrapper that puts it in a private network namespace
// (`unshare --net`), so even a broker that went further than `--test-config` could not open a
// real socket. Null when the build or the sandbox is not available here (the tests then skip
// with that reason; CI has both).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RealBroker {
  /** The wrapper to hand to the code under test as the broker executable. */
  readonly executable: string;
  /** The built broker itself. */
  readonly binary: string;
  dispose(): void;
}

/** Why the real 2.1.2 cannot be used here, or null. */
export function realBrokerProblem(): string | null {
  const binary = realBrokerBinary();
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    return `mosquitto 2.1.2 is not built (${binary}; run scripts/broker/build-brokers.sh)`;
  }
  const probe = spawnSync('unshare', ['--net', '--', 'true'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    return `no network namespace for the broker (unshare --net needs root): ${(probe.stderr || probe.error?.message || '').trim()}`;
  }
  return null;
}

export function realBrokerBinary(): string {
  return join(process.env.MOSQUITTO_BROKERS_DIR ?? join(homedir(), '.cache', 'mosquitto-brokers'), '2.1.2', 'mosquitto');
}

/** A wrapper executable that runs the real 2.1.2 in its own network namespace. */
export function realBroker(): RealBroker {
  const dir = mkdtempSync(join(tmpdir(), 'real-mosquitto-'));
  const executable = join(dir, 'mosquitto');
  const binary = realBrokerBinary();
  writeFileSync(executable, `#!/bin/sh\nexec unshare --net -- ${JSON.stringify(binary)} "$@"\n`, { mode: 0o755 });
  return { executable, binary, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
