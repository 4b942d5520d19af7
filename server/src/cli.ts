import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { AnalysisSettings, Platform, RuleSeverity } from './service';
import type { EffectiveConfig } from './service';
import { effectiveConfig, renderEffectiveView } from './service';
import { analyze, defaultSettings, formatVersion, NEWEST_RELEASE, OLDEST_RELEASE, compareVersions, parseVersion, RULES, INCLUDED_FILE_ERRORS } from './service';
import { decodeConfigBytes, nodeFileSystem } from './nodeFileSystem';
import { checkWithBroker, withoutDuplicates } from './broker';

const USAGE = `Usage: mosquitto-lint [options] FILE...

Checks mosquitto.conf files the way the broker reads them.

Options:
  --format text|json        output format (default: text)
  --broker-version X.Y[.Z]  mosquitto release to check against (default: ${formatVersion(NEWEST_RELEASE)})
  --platform linux|windows|macos   platform the broker runs on (default: linux)
  --no-check-paths          do not check that named files and folders exist
  --rule ID=SEVERITY        override a rule: off|hint|information|warning|error (repeatable)
  --effective               print the effective configuration instead of findings: every
                            listener and bridge with each option's value and where it
                            comes from (a line, inherited, or the release default)
  --with-broker[=PATH]      also ask the installed broker (mosquitto 2.1+, --test-config on a
                            temporary copy with persistence off; never the live file)
  -h, --help                show this help
  --version                 show the version

Exit status: 0 no errors, 1 errors found, 2 usage or file problem.`;

const SEVERITY_WORD: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** Thrown for bad command lines: printed with the usage hint, exit 2. */
class UsageError extends Error {}

interface Options {
  format: 'text' | 'json';
  effective: boolean;
  broker: string | undefined;
  settings: AnalysisSettings;
  files: string[];
}

const RULE_SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'information', 'warning', 'error'];

function parseArgs(argv: readonly string[]): Options | 'help' | 'version' {
  let format: 'text' | 'json' = 'text';
  let version = NEWEST_RELEASE;
  let platform: Platform = 'linux';
  let checkPaths = true;
  const rules: Record<string, RuleSeverity> = {};
  const files: string[] = [];
  let broker: string | undefined;
  let effective = false;
  const known = new Set([...RULES.map((r) => r.id), INCLUDED_FILE_ERRORS]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq !== -1 ? arg.slice(0, eq) : arg;
    const takeValue = (): string => {
      if (arg.startsWith('--') && eq !== -1) {
        return arg.slice(eq + 1);
      }
      const next = argv[++i];
      if (next === undefined) {
        throw new UsageError(`${flag} needs a value`);
      }
      return next;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--version':
        return 'version';
      case '--format': {
        const value = takeValue();
        if (value !== 'text' && value !== 'json') {
          throw new UsageError(`--format must be text or json, not '${value}'`);
        }
        format = value;
        break;
      }
      case '--broker-version': {
        const value = takeValue();
        const parsed = parseVersion(value);
        if (!parsed || compareVersions(parsed, OLDEST_RELEASE) < 0 || compareVersions(parsed, { ...NEWEST_RELEASE, patch: 999 }) > 0) {
          throw new UsageError(`--broker-version must be a mosquitto release from ${formatVersion(OLDEST_RELEASE)} to ${NEWEST_RELEASE.major}.${NEWEST_RELEASE.minor}.x (X.Y or X.Y.Z), not '${value}'`);
        }
        version = parsed;
        break;
      }
      case '--platform': {
        const value = takeValue();
        if (value !== 'linux' && value !== 'windows' && value !== 'macos') {
          throw new UsageError(`--platform must be linux, windows or macos, not '${value}'`);
        }
        platform = value;
        break;
      }
      case '--with-broker':
        broker = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : 'mosquitto';
        if (broker.length === 0) {
          throw new UsageError('--with-broker= needs a path');
        }
        break;
      case '--effective':
        effective = true;
        break;
      case '--no-check-paths':
        checkPaths = false;
        break;
      case '--rule': {
        const value = takeValue();
        const m = /^([a-z0-9-]+)=([a-z]+)$/.exec(value);
        if (!m || !RULE_SEVERITIES.includes(m[2] as RuleSeverity)) {
          throw new UsageError(`--rule takes ID=SEVERITY with SEVERITY one of ${RULE_SEVERITIES.join('|')}, not '${value}'`);
        }
        if (!known.has(m[1])) {
          throw new UsageError(`--rule: unknown rule id '${m[1]}'`);
        }
        rules[m[1]] = m[2] as RuleSeverity;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') {
          throw new UsageError(`unknown option '${arg}'`);
        }
        files.push(arg);
    }
  }
  if (files.length === 0) {
    throw new UsageError('no FILE given');
  }
  if (effective && broker !== undefined) {
    throw new UsageError('--effective and --with-broker cannot be combined');
  }
  return { format, effective, broker, files, settings: defaultSettings({ brokerVersion: version, platform, checkPaths, rules }) };
}

/** Output of one file. */
interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}

/** Reads a configuration file as the broker would see its text, or says why it cannot. */
function readConfig(file: string): { text: string } | { encoding: string } | string {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) {
      return `${file}: is a directory, not a configuration file`;
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? String(error))})`;
  }
  const decoded = decodeConfigBytes(bytes);
  if (decoded.binary) {
    return `${file}: looks like a binary file, not a text configuration`;
  }
  return decoded.encoding !== 'utf-8' ? { encoding: decoded.encoding } : { text: decoded.text };
}

function lintFile(file: string, settings: AnalysisSettings, broker: string | undefined, note: (text: string) => void): FileResult[] | string {
  const read = readConfig(file);
  if (typeof read === 'string') {
    return read;
  }
  if ('encoding' in read) {
    return [{
      file,
      diagnostics: [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        code: 'byte-order-mark',
        source: 'mosquitto',
        message: `The file is encoded as ${read.encoding.toUpperCase()}; the broker reads bytes as UTF-8 and refuses to start. Save it as UTF-8 without BOM.`,
      }],
    }];
  }
  const absolute = path.resolve(file);
  const analysis = analyze({ text: read.text, uri: absolute, path: absolute }, settings, nodeFileSystem());
  const results: FileResult[] = [];
  if (broker !== undefined) {
    const check = checkWithBroker(absolute, read.text, broker);
    note(`${file}: ${check.summary}`);
    for (const [id, found] of check.diagnostics) {
      const ours = analysis.diagnostics.get(id) ?? [];
      analysis.diagnostics.set(id, [...ours, ...withoutDuplicates(found, ours)]);
    }
  }
  for (const [id, diagnostics] of analysis.diagnostics) {
    if (id === absolute || diagnostics.length > 0) {
      results.push({ file: id === absolute ? file : path.relative(process.cwd(), id) || id, diagnostics });
    }
  }
  return results;
}

function formatText(result: FileResult): string[] {
  return result.diagnostics.map((d) => `${result.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY_WORD[d.severity ?? 1]} [${String(d.code)}] ${typeof d.message === 'string' ? d.message : d.message.value}`);
}

/** Runs the CLI; returns the exit code. Never throws for bad input. */
export function main(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): number {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`mosquitto-lint: ${error.message}\nRun 'mosquitto-lint --help' for usage.`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    out(USAGE);
    return 0;
  }
  if (options === 'version') {
    out(VERSION);
    return 0;
  }
  if (options.effective) {
    return printEffective(options, out, err);
  }
  let io = false;
  let errors = false;
  const all: FileResult[] = [];
  for (const file of options.files) {
    const result = lintFile(file, options.settings, options.broker, err);
    if (typeof result === 'string') {
      err(`mosquitto-lint: ${result}`);
      io = true;
      continue;
    }
    for (const r of result) {
      errors ||= r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error);
      all.push(r);
    }
  }
  if (options.format === 'json') {
    out(JSON.stringify(all.map((r) => ({
      file: r.file,
      diagnostics: r.diagnostics.map((d) => ({ range: d.range, severity: SEVERITY_WORD[d.severity ?? 1], code: d.code, message: d.message, source: d.source })),
    })), null, 2));
  } else {
    const lines = all.flatMap(formatText);
    if (lines.length > 0) {
      out(lines.join('\n'));
    }
    const count = (s: DiagnosticSeverity): number => all.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
    err(`${all.length} file(s) checked against mosquitto ${formatVersion(options.settings.brokerVersion)} (${options.settings.platform}): ${count(DiagnosticSeverity.Error)} error(s), ${count(DiagnosticSeverity.Warning)} warning(s), ${count(DiagnosticSeverity.Information) + count(DiagnosticSeverity.Hint)} note(s).`);
  }
  return io ? 2 : errors ? 1 : 0;
}

/** `--effective`: the effective configuration of each file, as text or JSON. Exit 0, or 2 for a file problem. */
function printEffective(options: Options, out: (text: string) => void, err: (text: string) => void): number {
  let io = false;
  const views: { file: string; effective: EffectiveConfig }[] = [];
  for (const file of options.files) {
    const read = readConfig(file);
    if (typeof read === 'string' || 'encoding' in read) {
      err(`mosquitto-lint: ${typeof read === 'string' ? read : `${file}: encoded as ${read.encoding.toUpperCase()}; the broker only reads UTF-8 without BOM`}`);
      io = true;
      continue;
    }
    const absolute = path.resolve(file);
    const analysis = analyze({ text: read.text, uri: absolute, path: absolute }, options.settings, nodeFileSystem());
    views.push({ file, effective: effectiveConfig(analysis.model) });
  }
  if (options.format === 'json') {
    out(JSON.stringify(views, null, 2));
  } else {
    out(views.map((v) => renderEffectiveView(v.effective).text.trimEnd()).join('\n\n'));
  }
  return io ? 2 : 0;
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

if (require.main === module) {
  let code: number;
  try {
    code = main(process.argv.slice(2), (t) => process.stdout.write(`${t}\n`), (t) => process.stderr.write(`${t}\n`));
  } catch (error) {
    process.stderr.write(`mosquitto-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    code = 2;
  }
  process.exitCode = code;
}
