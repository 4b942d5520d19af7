import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CompanionKind, EffectiveConfig, PathMapping, Platform, RuleSeverity, Version } from './service';
import { companionKindOfPath, validateCompanion } from './service';
import { effectiveConfig, renderEffectiveView } from './service';
import { analyze, describeKnownReleases, formatVersion, NEWEST_RELEASE, RULES, INCLUDED_FILE_ERRORS, COMPANION_RULES } from './service';
import type { LoadedConfigFile } from './configFile';
import { isIgnored } from './configFile';
import type { CommandLineSettings, DetectedBroker, ResolvedSettings } from './cliSettings';
import { describeSettings, knownRelease, resolveSettings, settingsAsJson } from './cliSettings';
import { cachedFileSystem, decodeConfigBytes, nodeFileSystem } from './nodeFileSystem';
import { checkWithBrokerSync, detectBrokerVersion, withoutDuplicates } from './broker';
// For the launcher (cliLauncher.ts), which asks the installed broker while the CLI loads.
export { provideBrokerHelp } from './broker';
import type { FileResult, RuleInfo } from './cliFormats';
import { formatCheckstyle, formatGithub, formatJson, formatSarif, formatText } from './cliFormats';

const USAGE = `Usage: mosquitto-lint [options] FILE...

Checks mosquitto.conf files the way the broker reads them. FILE '-' reads standard input.

Options:
  --format FORMAT           text (default), json, sarif (SARIF 2.1.0), github (GitHub Actions
                            annotations) or checkstyle (Checkstyle XML)
  --broker-version VERSION  mosquitto release to check against: X.Y, X.Y.Z or auto (default:
                            the version of the installed broker, else ${formatVersion(NEWEST_RELEASE)})
  --platform linux|windows|macos   platform the broker runs on (default: linux)
  --no-check-paths          do not report missing files and folders (include_dir is still read)
  --path-map BROKER=LOCAL   the broker's BROKER folder is LOCAL here (repeatable); every path
                            check and include_dir read goes through it
  --compose FILE            read mappings, release and platform from this Compose file (or
                            Dockerfile) for the service that runs eclipse-mosquitto
  --detect-containers       look for compose.yaml/docker-compose.yml or a Dockerfile from the
                            configuration's folder up to the current folder
  --rule ID=SEVERITY        override a rule: off|hint|information|warning|error (repeatable)
  --effective               print the effective configuration instead of findings: every
                            listener and bridge with each option's value and where it
                            comes from (a line, inherited, or the release default)
  --language conf|acl|passwd|psk   read every FILE as a mosquitto.conf, ACL file, password file
                            or PSK file (default: by name: aclfile, *.acl, passwd, pwfile,
                            *.pwfile, pskfile, *.psk inside a folder named mosquitto are
                            companion files, the rest mosquitto.conf). Files a configuration
                            names with acl_file, password_file or psk_file are always checked,
                            each reported under its own name
  --quiet                   report errors only
  --max-warnings N          exit 1 when there are more than N warnings
  --stdin-filename PATH     name and folder of the file read from standard input
  --print-config FILE       print the settings that apply to FILE and where each comes from
                            (flags, .mosquitto-lint.json, defaults), then exit
  --with-broker[=PATH]      also ask the installed broker (mosquitto 2.1+, --test-config on a
                            temporary copy with persistence off; never the live file).
                            '--with-broker PATH' takes PATH as the broker when it is an
                            executable file or a name not ending in .conf
  -h, --help                show this help
  --version                 show the version

Settings are also read from the nearest .mosquitto-lint.json in the file's folder or above;
flags override it.

Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 usage or file problem (also a --with-broker broker that cannot be run).`;

type Format = 'text' | 'json' | 'sarif' | 'github' | 'checkstyle';
const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github', 'checkstyle'];

/** Thrown for bad command lines: printed with the usage hint, exit 2. */
class UsageError extends Error {}

interface Options {
  format: Format;
  effective: boolean;
  /** --with-broker: the broker to ask. */
  broker: string | undefined;
  /** Settings given as flags; they override the configuration file. */
  flags: CommandLineSettings;
  /** --print-config FILE. */
  printConfig: string | undefined;
  files: string[];
  stdinFilename: string | undefined;
  quiet: boolean;
  maxWarnings: number | undefined;
  /** --language: how to read every FILE; undefined = by name (companion patterns) else mosquitto.conf. */
  language: 'conf' | CompanionKind | undefined;
}

/** Is `arg` (after a bare --with-broker) the broker rather than a file to lint? */
function namesBroker(arg: string | undefined): arg is string {
  if (arg === undefined || arg.startsWith('-')) {
    return false;
  }
  try {
    const stat = fs.statSync(arg);
    if (!stat.isFile()) {
      return false;
    }
    fs.accessSync(arg, fs.constants.X_OK);
    return true;
  } catch (error) {
    // A file that exists but is not executable is a configuration; a missing name is the
    // broker unless it looks like a configuration file.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' && !/\.conf$/i.test(arg);
  }
}

const RULE_SEVERITIES: readonly RuleSeverity[] = ['off', 'hint', 'information', 'warning', 'error'];

function parseArgs(argv: readonly string[]): Options | 'help' | 'version' {
  let format: Format = 'text';
  let effective = false;
  let version: Version | 'auto' | undefined;
  let printConfig: string | undefined;
  let stdinFilename: string | undefined;
  let quiet = false;
  let language: Options['language'];
  let maxWarnings: number | undefined;
  let platform: Platform | undefined;
  let checkPaths: boolean | undefined;
  const rules: Record<string, RuleSeverity> = {};
  const files: string[] = [];
  let broker: string | undefined;
  let compose: string | undefined;
  let detectContainers: boolean | undefined;
  const pathMappings: PathMapping[] = [];
  const known = new Set(ruleInfos().map((r) => r.id));
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
        if (!FORMATS.includes(value as Format)) {
          throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${value}'`);
        }
        format = value as Format;
        break;
      }
      case '--broker-version': {
        const value = takeValue();
        if (value === 'auto') {
          version = 'auto';
          break;
        }
        const parsed = knownRelease(value);
        if (!parsed) {
          throw new UsageError(
            `--broker-version: '${value}' is not auto or a mosquitto release this tool knows. Known releases (X.Y means the newest X.Y.Z): ${describeKnownReleases()}`,
          );
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
        if (eq !== -1) {
          broker = arg.slice(eq + 1);
          if (broker.length === 0) {
            throw new UsageError('--with-broker= needs a path');
          }
        } else if (namesBroker(argv[i + 1])) {
          broker = argv[++i];
        } else {
          broker = 'mosquitto';
        }
        break;
      case '--effective':
        effective = true;
        break;
      case '--quiet':
        quiet = true;
        break;
      case '--language': {
        const value = takeValue().replace(/^mosquitto-/, '');
        if (value !== 'conf' && value !== 'acl' && value !== 'passwd' && value !== 'psk') {
          throw new UsageError(`--language must be conf, acl, passwd or psk, not '${value}'`);
        }
        language = value;
        break;
      }
      case '--max-warnings': {
        const value = takeValue();
        if (!/^\d+$/.test(value)) {
          throw new UsageError(`--max-warnings takes a whole number of warnings, not '${value}'`);
        }
        maxWarnings = Number(value);
        break;
      }
      case '--print-config':
        printConfig = takeValue();
        break;
      case '--stdin-filename':
        stdinFilename = takeValue();
        break;
      case '--no-check-paths':
        checkPaths = false;
        break;
      case '--path-map': {
        const value = takeValue();
        const split = value.indexOf('=');
        if (split <= 0 || split === value.length - 1) {
          throw new UsageError(`--path-map takes BROKER_PATH=LOCAL_PATH, not '${value}'`);
        }
        pathMappings.push({ brokerPath: value.slice(0, split), localPath: path.resolve(value.slice(split + 1)), origin: '--path-map' });
        break;
      }
      case '--compose':
        compose = path.resolve(takeValue());
        break;
      case '--detect-containers':
        detectContainers = true;
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
  if (files.length === 0 && printConfig === undefined) {
    throw new UsageError('no FILE given');
  }
  if (effective && broker !== undefined) {
    throw new UsageError('--effective and --with-broker cannot be combined');
  }
  if (effective && format !== 'text' && format !== 'json') {
    throw new UsageError('--effective prints text or json');
  }
  if (files.filter((f) => f === '-').length > 1) {
    throw new UsageError("'-' (standard input) can be given only once");
  }
  if (stdinFilename !== undefined && !files.includes('-')) {
    throw new UsageError("--stdin-filename names the file read from standard input: add '-' to the files");
  }
  return {
    format,
    effective,
    broker,
    files,
    stdinFilename,
    quiet,
    maxWarnings,
    printConfig,
    language,
    flags: { version, platform, checkPaths, rules, pathMappings, compose, detectContainers },
  };
}

/** The folder a file's settings are looked up from ('-': --stdin-filename's folder, else the working folder). */
function settingsFolder(file: string, options: Options): string {
  if (file === '-') {
    return options.stdinFilename ? path.dirname(path.resolve(options.stdinFilename)) : process.cwd();
  }
  return path.dirname(path.resolve(file));
}

/** Reads a file given on the command line ('-': standard input). */
function readInput(file: string, readStdin: () => Buffer): Buffer | string {
  if (file === '-') {
    try {
      return readStdin();
    } catch (error) {
      return `standard input: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    }
  }
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) {
      return `${file}: is a directory, not a configuration file`;
    }
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return `${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? String(error))})`;
  }
}

/**
 * Reads a configuration file ('-': standard input) as the broker would see its text, or says
 * why it cannot. `name`: how to call it in reports (standard input: --stdin-filename or <stdin>).
 */
function readConfig(file: string, options: Options, readStdin: () => Buffer): { name: string; text: string } | { name: string; encoding: string } | string {
  const bytes = readInput(file, readStdin);
  if (typeof bytes === 'string') {
    return bytes;
  }
  const name = file === '-' ? (options.stdinFilename ?? '<stdin>') : file;
  const decoded = decodeConfigBytes(bytes);
  if (decoded.binary) {
    return `${name}: looks like a binary file, not a text configuration`;
  }
  return decoded.encoding !== 'utf-8' ? { name, encoding: decoded.encoding } : { name, text: decoded.text };
}

function lintFile(input: string, resolved: ResolvedSettings, options: Options, note: (text: string) => void, readStdin: () => Buffer): FileResult[] | string {
  const { settings, config } = resolved;
  const { broker } = options;
  const read = readConfig(input, options, readStdin);
  if (typeof read === 'string') {
    return read;
  }
  const file = read.name;
  if ('encoding' in read) {
    return [
      {
        file,
        diagnostics: [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            severity: DiagnosticSeverity.Error,
            code: 'byte-order-mark',
            source: 'mosquitto',
            message: `The file is encoded as ${read.encoding.toUpperCase()}; the broker reads bytes as UTF-8 and refuses to start. Save it as UTF-8 without BOM.`,
          },
        ],
      },
    ];
  }
  const absolute = path.resolve(file);
  // An ACL, password or PSK file given directly: by --language, or by its name inside a mosquitto folder.
  const companion = options.language !== undefined ? (options.language === 'conf' ? undefined : options.language) : companionKindOfPath(absolute);
  if (companion) {
    return [{ file, diagnostics: validateCompanion(companion, read.text, settings) }];
  }
  // One answer per path for the whole analysis (thousands of listeners often name the same
  // certificate files), as the server's short-lived cache gives it.
  const analysis = analyze({ text: read.text, uri: absolute, path: absolute }, settings, cachedFileSystem(nodeFileSystem(), Infinity));
  const results: FileResult[] = [];
  if (broker !== undefined) {
    const check = checkWithBrokerSync(absolute, read.text, broker);
    note(`${file}: ${check.summary}`);
    for (const [id, found] of check.diagnostics) {
      const ours = analysis.diagnostics.get(id) ?? [];
      analysis.diagnostics.set(id, [...ours, ...withoutDuplicates(found, ours)]);
    }
  }
  for (const [id, diagnostics] of analysis.diagnostics) {
    if (id !== absolute && isIgnored(config, id)) {
      continue; // an included or companion file the configuration file's ignore list names
    }
    if (id === absolute || diagnostics.length > 0) {
      results.push({ file: id === absolute ? file : path.relative(process.cwd(), id) || id, diagnostics });
    }
  }
  return results;
}

/**
 * docs/rules.md and README.md next to the bundle (npm package) or in the repository, for
 * SARIF's help and information links (the rule anchors are the rule ids).
 */
function documentation(): { rulesDoc: string | undefined; readme: string | undefined } {
  const rulesDoc = [
    path.join(__dirname, '..', 'docs', 'rules.md'),
    path.join(__dirname, '..', '..', 'docs', 'rules.md'),
    path.join(__dirname, '..', '..', '..', 'docs', 'rules.md'),
  ].find((p) => fs.existsSync(p));
  const readme = rulesDoc ? path.join(path.dirname(path.dirname(rulesDoc)), 'README.md') : undefined;
  return { rulesDoc, readme: readme && fs.existsSync(readme) ? readme : undefined };
}

/** Rules a report may name, with their one-line descriptions. */
function ruleInfos(): RuleInfo[] {
  return [
    ...RULES.map((r) => ({ id: r.id, title: r.title })),
    { id: INCLUDED_FILE_ERRORS, title: 'An included file has errors (shown on the include_dir line).' },
    ...COMPANION_RULES.map((r) => ({ id: r.id, title: r.title })),
  ];
}

/**
 * Runs the CLI; returns the exit code. Never throws for bad input.
 * `readStdin` reads standard input for the file '-' (tests pass their own).
 */
export function main(
  argv: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
  readStdin: () => Buffer = () => fs.readFileSync(0),
): number {
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
  let brokerVersion: Version | undefined;
  if (options.broker !== undefined) {
    brokerVersion = detectBrokerVersion(options.broker);
    if (!brokerVersion) {
      err(
        `mosquitto-lint: --with-broker: no mosquitto broker could be run at '${options.broker}' (not found, not executable, or it did not print its version). Give its path: --with-broker=/usr/sbin/mosquitto`,
      );
      return 2;
    }
  }
  // `auto`: the --with-broker broker's version, else that of `mosquitto` on PATH (asked once).
  let detected: DetectedBroker | undefined | null = brokerVersion ? { version: brokerVersion, source: `broker '${options.broker ?? 'mosquitto'}'` } : null;
  const detect = (): DetectedBroker | undefined => {
    if (detected === null) {
      const found = detectBrokerVersion('mosquitto');
      detected = found ? { version: found, source: "installed broker 'mosquitto' on PATH" } : undefined;
    }
    return detected;
  };
  const configs = new Map<string, LoadedConfigFile>();
  const knownRules = new Set(ruleInfos().map((r) => r.id));
  const resolveFor = (file: string): ResolvedSettings | string => {
    try {
      return resolveSettings(options.flags, settingsFolder(file, options), detect, knownRules, configs, file === '-' ? undefined : path.resolve(file));
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
  if (options.printConfig !== undefined) {
    const resolved = resolveFor(options.printConfig);
    if (typeof resolved === 'string') {
      err(`mosquitto-lint: ${resolved}`);
      return 2;
    }
    out(options.format === 'json' ? JSON.stringify(settingsAsJson(resolved), null, 2) : describeSettings(resolved).join('\n'));
    return 0;
  }
  if (options.effective) {
    return printEffective(options, resolveFor, out, err, readStdin);
  }
  let io = false;
  const all: FileResult[] = [];
  const checkedAgainst = new Set<string>();
  for (const file of options.files) {
    const resolved = resolveFor(file);
    if (typeof resolved === 'string') {
      err(`mosquitto-lint: ${resolved}`);
      io = true;
      continue;
    }
    if (file !== '-' && isIgnored(resolved.config, file)) {
      err(`mosquitto-lint: ${file}: skipped (matches 'ignore' in ${resolved.config!.path})`);
      continue;
    }
    const platformFrom = resolved.sources.platform !== 'default' ? ` from ${resolved.sources.platform}` : '';
    checkedAgainst.add(
      `mosquitto ${formatVersion(resolved.settings.brokerVersion)} (version: ${resolved.sources.brokerVersion}; platform: ${resolved.settings.platform}${platformFrom}`,
    );
    for (const line of resolved.notes) {
      err(`${file}: ${line}`);
    }
    const result = lintFile(file, resolved, options, err, readStdin);
    if (typeof result === 'string') {
      err(`mosquitto-lint: ${result}`);
      io = true;
      continue;
    }
    all.push(...result);
  }
  const count = (s: DiagnosticSeverity): number => all.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
  const errors = count(DiagnosticSeverity.Error);
  const warnings = count(DiagnosticSeverity.Warning);
  const notes = count(DiagnosticSeverity.Information) + count(DiagnosticSeverity.Hint);
  const reported = options.quiet ? all.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error) })) : all;
  switch (options.format) {
    case 'json':
      out(formatJson(reported));
      break;
    case 'sarif':
      out(JSON.stringify(formatSarif(reported, ruleInfos(), { version: VERSION, cwd: process.cwd(), ...documentation() }), null, 2));
      break;
    case 'checkstyle':
      out(formatCheckstyle(reported));
      break;
    default: {
      const lines = options.format === 'github' ? formatGithub(reported) : formatText(reported);
      if (lines.length > 0) {
        out(lines.join('\n'));
      }
    }
  }
  if (options.format === 'text' || options.format === 'github') {
    const checkedBy = brokerVersion ? `; broker: '${options.broker ?? 'mosquitto'}', mosquitto ${formatVersion(brokerVersion)}` : '';
    const against = checkedAgainst.size > 0 ? [...checkedAgainst].map((a) => `${a}${checkedBy})`).join(' and ') : `mosquitto ${formatVersion(NEWEST_RELEASE)}`;
    err(`${all.length} file(s) checked against ${against}: ${errors} error(s), ${warnings} warning(s), ${notes} note(s).`);
  }
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) {
    err(`mosquitto-lint: ${warnings} warning(s), more than --max-warnings ${options.maxWarnings}.`);
  }
  return io ? 2 : errors > 0 || tooManyWarnings ? 1 : 0;
}

/** `--effective`: the effective configuration of each file, as text or JSON. Exit 0, or 2 for a file problem. */
function printEffective(
  options: Options,
  resolveFor: (file: string) => ResolvedSettings | string,
  out: (text: string) => void,
  err: (text: string) => void,
  readStdin: () => Buffer,
): number {
  let io = false;
  const views: { file: string; effective: EffectiveConfig }[] = [];
  for (const file of options.files) {
    const resolved = resolveFor(file);
    if (typeof resolved === 'string') {
      err(`mosquitto-lint: ${resolved}`);
      io = true;
      continue;
    }
    const read = readConfig(file, options, readStdin);
    if (typeof read === 'string' || 'encoding' in read) {
      err(
        `mosquitto-lint: ${typeof read === 'string' ? read : `${read.name}: encoded as ${read.encoding.toUpperCase()}; the broker only reads UTF-8 without BOM`}`,
      );
      io = true;
      continue;
    }
    const absolute = path.resolve(read.name);
    const analysis = analyze({ text: read.text, uri: absolute, path: absolute }, resolved.settings, nodeFileSystem());
    views.push({ file: read.name, effective: effectiveConfig(analysis.model) });
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
    code = main(
      process.argv.slice(2),
      (t) => process.stdout.write(`${t}\n`),
      (t) => process.stderr.write(`${t}\n`),
    );
  } catch (error) {
    process.stderr.write(`mosquitto-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    code = 2;
  }
  process.exitCode = code;
}
