/**
 * The `mosquitto-lint` executable: loads the CLI bundle with the on-disk code cache
 * (compileCache.ts) and runs it. Start-up is most of a short run's time, so this file stays
 * small and the bundle is compiled from the cache after the first run.
 *
 * In the npm package the CLI bundle's text is embedded in this file at build time
 * (`__CLI_BUNDLE__`), so that the package still ships one file per executable.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { cacheFolder, fingerprint, loadBundle } from './compileCache';

interface Cli {
  main(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): number;
  provideBrokerHelp(executable: string, output: string): void;
}

declare const __CLI_BUNDLE__: string | undefined;

/** Flags that settle the release without asking the installed broker (or need no release). */
const NO_DETECTION = ['--broker-version', '--with-broker', '-h', '--help', '--version', '--print-config'];

/**
 * Writes to a standard stream by file descriptor: no stream objects to load for a short run.
 * A descriptor that would block (a non-blocking pipe that is full) hands the rest to the
 * stream; a reader that went away (`mosquitto-lint … | head`) gets nothing more, and the run
 * still ends with its exit status.
 */
function writer(fd: 1 | 2): (text: string) => void {
  let stream: NodeJS.WriteStream | undefined;
  let closed = false;
  return (text) => {
    if (closed) {
      return;
    }
    const data = Buffer.from(`${text}\n`);
    let written = 0;
    while (stream === undefined && written < data.length) {
      try {
        written += writeSync(fd, data, written);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') {
          closed = true;
          return;
        }
        if (code !== 'EAGAIN') {
          throw error;
        }
        stream = fd === 1 ? process.stdout : process.stderr;
      }
    }
    if (stream !== undefined && written < data.length) {
      stream.write(data.subarray(written));
    }
  };
}

/**
 * The output of `mosquitto -h` for the `mosquitto` on PATH. It is kept in the cache folder
 * under the executable's identity (path, inode, size, modification time), so that later runs
 * need not start the broker; a replaced or upgraded broker has another identity. Without a
 * usable cache (or on Windows, where PATH lookup has more rules) the broker is asked.
 */
function brokerHelp(): Promise<string> | string {
  const lookUp = process.platform !== 'win32' && process.env.PATH !== undefined;
  const executable = lookUp ? onPath('mosquitto') : undefined;
  if (lookUp && executable === undefined) {
    return ''; // what running a command that is not there gives
  }
  const folder = executable !== undefined ? cacheFolder() : undefined;
  let saved: string | undefined;
  if (executable !== undefined && folder !== undefined) {
    try {
      const s = statSync(executable.path);
      saved = join(folder, `broker-help-${fingerprint(`${executable.path}\0${s.ino}\0${s.size}\0${s.mtimeMs}\0${s.ctimeMs}`)}.txt`);
      return readFileSync(saved, 'utf8');
    } catch {
      // not asked yet
    }
  }
  return new Promise<string>((resolve) => {
    execFile(executable?.path ?? 'mosquitto', ['-h'], { encoding: 'utf8', timeout: 2000, windowsHide: true }, (error, stdout, stderr) => {
      const output = `${stdout ?? ''}\n${stderr ?? ''}`;
      // Only a complete answer is kept (a run killed by the timeout is not).
      if (saved !== undefined && (error === null || typeof error.code === 'number')) {
        try {
          const temporary = `${saved}.${process.pid}.tmp`;
          writeFileSync(temporary, output, { mode: 0o600 });
          renameSync(temporary, saved);
        } catch {
          // asked again next time
        }
      }
      resolve(output);
    });
  });
}

/** The first executable file named `name` in PATH, as the shell finds it. */
function onPath(name: string): { path: string } | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder === '' ? '.' : folder, name);
    try {
      if (statSync(candidate).isFile()) {
        accessSync(candidate, constants.X_OK);
        return { path: resolve(candidate) };
      }
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Runs the CLI in `bundleFile` (or `source`, the embedded bundle, named `bundleFile`) on this process's arguments. */
export function runCli(bundleFile: string, source?: string): void {
  const args = process.argv.slice(2);
  // Without a release on the command line, the CLI asks `mosquitto -h` (unless a
  // .mosquitto-lint.json or Compose file names one): start it now, so that it runs while the
  // bundle loads, and hand its output over. The same command detectBrokerVersion runs.
  const detect = !args.some((a) => NO_DETECTION.some((flag) => a === flag || a.startsWith(`${flag}=`)));
  const help = detect ? brokerHelp() : undefined;
  const loaded = loadBundle(bundleFile, source);
  const cli = loaded.exports as Cli;
  const run = (): void => {
    let code: number;
    try {
      code = cli.main(args, writer(1), writer(2));
    } catch (error) {
      process.stderr.write(`mosquitto-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      code = 2;
    }
    process.exitCode = code;
    // The cache holds what this run compiled: keep one from a run that checked files, not from
    // --version or a usage error.
    if (code !== 2 && !args.some((a) => INFO_FLAGS.has(a))) {
      loaded.saveCache();
    }
  };
  if (help === undefined) {
    run();
  } else if (typeof help === 'string') {
    cli.provideBrokerHelp('mosquitto', help);
    run();
  } else {
    void help.then((output) => {
      cli.provideBrokerHelp('mosquitto', output);
      run();
    });
  }
}

const INFO_FLAGS = new Set(['--version', '-h', '--help', '--print-config']);

if (require.main === module) {
  if (typeof __CLI_BUNDLE__ === 'string') {
    runCli(__filename, __CLI_BUNDLE__);
  } else {
    runCli(join(__dirname, 'cli.js'));
  }
}
