/**
 * The `mosquitto-lint` executable: loads the CLI bundle with the on-disk code cache
 * (compileCache.ts) and runs it. Start-up is most of a short run's time, so this file stays
 * small and the bundle is compiled from the cache after the first run.
 *
 * In the npm package the CLI bundle's text is embedded in this file at build time
 * (`__CLI_BUNDLE__`), so that the package still ships one file per executable.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle } from './compileCache';

interface Cli {
  main(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): number;
}

declare const __CLI_BUNDLE__: string | undefined;

/** Runs the CLI in `bundleFile` (or `source`, the embedded bundle, named `bundleFile`) on this process's arguments. */
export function runCli(bundleFile: string, source?: string): void {
  const loaded = loadBundle(source ?? readFileSync(bundleFile, 'utf8'), bundleFile);
  let code: number;
  try {
    code = (loaded.exports as Cli).main(
      process.argv.slice(2),
      (t) => process.stdout.write(`${t}\n`),
      (t) => process.stderr.write(`${t}\n`),
    );
  } catch (error) {
    process.stderr.write(`mosquitto-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    code = 2;
  }
  process.exitCode = code;
  // The cache holds what this run compiled: keep one from a run that checked files, not from
  // --version or a usage error.
  if (code !== 2 && !process.argv.slice(2).some((a) => INFO_FLAGS.has(a))) {
    loaded.saveCache();
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
