import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Version } from './service';
import { atLeast, formatVersion, isIncludedNameForBroker, parse, parseVersion } from './service';

/** Diagnostic source of findings reported by the user's own broker. */
export const BROKER_SOURCE = 'mosquitto (broker)';
const TIMEOUT_MS = 5000;

/**
 * `mosquitto -h` output gathered ahead, per executable: the CLI launcher starts the broker
 * while it loads the CLI (cliLauncher.ts), so the two overlap. Filled only by the launcher.
 */
const gatheredHelp = new Map<string, string>();

/** Hands over the output of `EXECUTABLE -h`, run with the same environment, for detectBrokerVersion. */
export function provideBrokerHelp(executable: string, output: string): void {
  gatheredHelp.set(executable, output);
}

/** Reads the version of a mosquitto executable from the first line of `mosquitto -h`. */
export function detectBrokerVersion(executable = 'mosquitto'): Version | undefined {
  const gathered = gatheredHelp.get(executable);
  if (gathered !== undefined) {
    return versionFromHelp(gathered);
  }
  try {
    const result = spawnSync(executable, ['-h'], { encoding: 'utf8', timeout: 2000, windowsHide: true });
    return versionFromHelp(`${result.stdout ?? ''}\n${result.stderr ?? ''}`);
  } catch {
    return undefined;
  }
}

/** The version line of `mosquitto -h` output. */
function versionFromHelp(text: string): Version | undefined {
  const m = /mosquitto version (\d+\.\d+(?:\.\d+)?)/.exec(text);
  return m ? parseVersion(m[1]) : undefined;
}

/** What a run of the broker left behind. */
interface BrokerRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error?: Error;
}

/** Runs the broker without blocking; honours the abort signal and the timeout. */
function runAsync(executable: string, args: readonly string[], options: { cwd?: string; timeout: number; signal?: AbortSignal }): Promise<BrokerRun> {
  return new Promise((resolve) => {
    execFile(
      executable,
      [...args],
      { encoding: 'utf8', timeout: options.timeout, cwd: options.cwd, signal: options.signal, windowsHide: true },
      (error, stdout, stderr) => {
        const code =
          error && typeof (error as NodeJS.ErrnoException).code === 'number' ? ((error as NodeJS.ErrnoException).code as unknown as number) : error ? null : 0;
        // A non-zero exit is an answer, not a failure to run; a spawn error, a timeout or an abort is.
        const failed =
          error && (typeof (error as NodeJS.ErrnoException).code !== 'number' || (error as { killed?: boolean }).killed === true) ? error : undefined;
        resolve({ status: code, stdout: stdout ?? '', stderr: stderr ?? '', error: failed });
      },
    );
  });
}

/** `detectBrokerVersion` without blocking. */
export async function detectBrokerVersionAsync(executable = 'mosquitto', signal?: AbortSignal): Promise<Version | undefined> {
  const run = await runAsync(executable, ['-h'], { timeout: 2000, signal });
  return versionFromHelp(`${run.stdout}\n${run.stderr}`);
}

/** Outcome of asking the broker about a configuration. */
export interface BrokerCheck {
  readonly status: 'ok' | 'errors' | 'unsupported' | 'not-found' | 'failed';
  /** One line for the user. */
  readonly summary: string;
  /** Broker findings per file path (main file and included files). */
  readonly diagnostics: Map<string, Diagnostic[]>;
}

/** The answer when no broker runs at `executable`. */
function notFound(executable: string): BrokerCheck {
  return {
    status: 'not-found',
    summary: `No mosquitto broker found at '${executable}'. Set 'mosquitto.brokerPath' or use --with-broker PATH.`,
    diagnostics: new Map(),
  };
}

/** The answer for a broker too old for a safe check (undefined: it can be asked). */
function tooOld(version: Version): BrokerCheck | undefined {
  if (!atLeast(version, '2.1.0')) {
    return {
      status: 'unsupported',
      summary: `mosquitto ${formatVersion(version)} has no safe check mode (--test-config arrived in 2.1), and starting a real broker to test the file could open ports and write files, so it was not run. The extension's own diagnostics for ${formatVersion(version)} still apply.`,
      diagnostics: new Map(),
    };
  }
  return undefined;
}

/** Why no check can run with this broker (none found, or too old for --test-config), if so. */
function cannotCheck(version: Version | undefined, executable: string): BrokerCheck | undefined {
  return version ? tooOld(version) : notFound(executable);
}

/** The temporary copy the broker checks, and which copy stands for which original file. */
interface CheckCopy {
  readonly dir: string;
  readonly mainCopy: string;
  readonly copies: Map<string, string>;
}

/**
 * Copies the main file and its include_dir files to a temporary folder, with persistence
 * switched off and include_dir lines pointing at the copies; line numbers are kept.
 */
function prepareCopy(mainPath: string, text: string): CheckCopy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosquitto-check-'));
  const copies = new Map<string, string>();
  const mainCopy = path.join(dir, path.basename(mainPath));
  copies.set(mainCopy, mainPath);
  const lines = text.split('\n').map((line) => {
    if (/^persistence +/.test(line)) {
      return 'persistence false';
    }
    const include = /^( *include_dir )(.*)$/.exec(line.replace(/\r$/, ''));
    if (include) {
      const source = path.isAbsolute(include[2]) ? include[2] : path.resolve(path.dirname(mainPath), include[2]);
      const target = fs.mkdtempSync(path.join(dir, 'include-'));
      try {
        for (const name of fs.readdirSync(source)) {
          if (!isIncludedNameForBroker(name)) {
            continue;
          }
          const included = fs
            .readFileSync(path.join(source, name), 'utf8')
            .split('\n')
            .map((l) => (/^persistence +/.test(l) ? 'persistence false' : l))
            .join('\n');
          fs.writeFileSync(path.join(target, name), included);
          copies.set(path.join(target, name), path.join(source, name));
        }
      } catch {
        return line; // unreadable folder: the broker reports it
      }
      return `${include[1]}${target}`;
    }
    return line;
  });
  fs.writeFileSync(mainCopy, lines.join('\n'));
  return { dir, mainCopy, copies };
}

/** The broker's answer as diagnostics on the original files. */
function interpret(result: BrokerRun, version: Version, executable: string, mainPath: string, { mainCopy, copies }: CheckCopy): BrokerCheck {
  if (result.error) {
    return { status: 'failed', summary: `Running ${executable} failed: ${result.error.message}`, diagnostics: new Map() };
  }
  const output = `${result.stderr}\n${result.stdout}`;
  const diagnostics = new Map<string, Diagnostic[]>();
  const messages: string[] = [];
  for (const raw of output.split('\n')) {
    const line = raw.replace(/^\d+: /, '').trim();
    const at = /^Error found at '?(.+?):(\d+)'?\.$/.exec(line);
    if (at) {
      const original = copies.get(at[1]) ?? (at[1] === mainCopy ? mainPath : undefined);
      if (original) {
        const lineNumber = Math.max(0, Number(at[2]) - 1);
        const message = messages.pop() ?? 'The broker reports an error here.';
        const lineText = parse(fs.readFileSync(original, 'utf8')).lines[lineNumber]?.text ?? '';
        const list = diagnostics.get(original) ?? [];
        if (!list.some((d) => d.range.start.line === lineNumber)) {
          list.push({
            range: { start: { line: lineNumber, character: 0 }, end: { line: lineNumber, character: lineText.length } },
            severity: DiagnosticSeverity.Error,
            source: BROKER_SOURCE,
            code: 'broker',
            message,
          });
        }
        diagnostics.set(original, list);
      }
    } else if (/^Error:/.test(line)) {
      messages.push(line.replace(/^Error: /, ''));
    }
  }
  for (const message of messages) {
    const list = diagnostics.get(mainPath) ?? [];
    list.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Error,
      source: BROKER_SOURCE,
      code: 'broker',
      message,
    });
    diagnostics.set(mainPath, list);
  }
  if (result.status === 0) {
    return { status: 'ok', summary: `mosquitto ${formatVersion(version)} accepts this configuration.`, diagnostics };
  }
  if (diagnostics.size === 0) {
    diagnostics.set(mainPath, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: BROKER_SOURCE,
        code: 'broker',
        message: `The broker rejected the configuration (exit ${result.status ?? 'signal'}) without saying where.`,
      },
    ]);
  }
  return { status: 'errors', summary: `mosquitto ${formatVersion(version)} rejects this configuration.`, diagnostics };
}

/**
 * Checks a configuration with `mosquitto --test-config` (2.1+) on a temporary copy: the main
 * file and its include_dir files are copied, persistence is switched off in the copy and
 * include_dir lines point at the copies. The live files are never given to the broker, since
 * `--test-config` with persistence on could write the database (mosquitto issue 3712).
 * Line numbers are kept, so the broker's locations map back to the original files.
 * Does not block: the language server goes on answering while the broker runs; `signal`
 * cancels the run (the result is then 'failed').
 */
export async function checkWithBroker(mainPath: string, text: string, executable = 'mosquitto', signal?: AbortSignal): Promise<BrokerCheck> {
  const version = await detectBrokerVersionAsync(executable, signal);
  const refused = cannotCheck(version, executable);
  if (refused || !version) {
    return refused ?? notFound(executable);
  }
  const copy = prepareCopy(mainPath, text);
  try {
    const result = await runAsync(executable, ['--test-config', '-c', copy.mainCopy], { timeout: TIMEOUT_MS, cwd: copy.dir, signal });
    return interpret(result, version, executable, mainPath, copy);
  } finally {
    fs.rmSync(copy.dir, { recursive: true, force: true });
  }
}

/** `checkWithBroker` for the command line, where blocking is what the user waits for. */
export function checkWithBrokerSync(mainPath: string, text: string, executable = 'mosquitto'): BrokerCheck {
  const version = detectBrokerVersion(executable);
  const refused = cannotCheck(version, executable);
  if (refused || !version) {
    return refused ?? notFound(executable);
  }
  const copy = prepareCopy(mainPath, text);
  try {
    const result = spawnSync(executable, ['--test-config', '-c', copy.mainCopy], { encoding: 'utf8', timeout: TIMEOUT_MS, cwd: copy.dir, windowsHide: true });
    return interpret(
      { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error },
      version,
      executable,
      mainPath,
      copy,
    );
  } finally {
    fs.rmSync(copy.dir, { recursive: true, force: true });
  }
}

/** Broker findings that our own diagnostics do not already report on the same line. */
export function withoutDuplicates(broker: readonly Diagnostic[], ours: readonly Diagnostic[]): Diagnostic[] {
  return broker.filter((b) => !ours.some((o) => o.severity === DiagnosticSeverity.Error && o.range.start.line === b.range.start.line));
}
