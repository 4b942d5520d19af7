// The broker oracle: runs the real mosquitto on a configuration, inside a throw-away sandbox,
// and reports whether the broker starts ("accepted") or refuses ("rejected", with the kind of
// reason, the line it names and its message).
//
// Sandbox, per case (see ../../../shared/reference/oracle-notes.md for why each part exists):
// - `unshare --mount --net`: a private network namespace with only `lo` (brought up), so nothing
//   listens on or reaches a real interface, and a private mount namespace in which the broker is
//   chrooted into an overlay of `/` (lower: the real root, read-only; upper: a folder of the
//   sandbox). Pid files, log files and persistence files written to absolute paths land in the
//   upper folder (where we read log files back) and the real system is never written. The case
//   folder is bind-mounted at its own path, so relative and absolute case paths both work.
// - `/dev` in the overlay shows the root file system's own (normally empty) `/dev` plus bind
//   mounts of null, zero, full, random, urandom: no real console or disk devices. With
//   `log_dest syslog` there is no /dev/log, so glibc (LOG_CONS) writes to /dev/console, which is
//   at most a regular placeholder file of the root file system there (copied up, never the real
//   console). Those writes overwrite each other, so they are ignored; a diagnostic re-run with
//   `log_dest stderr` gives the message instead.
// - Privileges: mosquitto 2.0 started as root drops to user `mosquitto` right after parsing.
//   We exec it under `setpriv --securebits +no_setuid_fixup`: the broker still performs its
//   normal getpwnam/initgroups/setgid/setuid (so `user nosuchuser` still fails like on a real
//   machine), but the kernel keeps its capabilities across setuid, so files only root can read
//   do not turn into false "environment" rejections. We never add `user root` to a file.
// - Accepted = the log line `mosquitto version X running`, or `/proc/PID/wchan` is
//   `do_epoll_wait` (2.0 only calls epoll_wait in its main loop, after every listener, TLS
//   context, plugin and bridge is set up; 1.5 and 1.6 call poll() only there, so for them a
//   broker sleeping in poll counts), or still alive after `timeoutMs`. Rejected = exited
//   before that. Every process of the case (its own process group) is SIGKILLed at the end.
//
// CommonJS, Node built-ins only. Run directly for a command-line oracle:
//   node out/test/broker/oracle.js [--json] [--concurrency N] FILE...
//   node out/test/broker/oracle.js --validate-corpus [CORPUS_DIR]
import { spawn, spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { corpusDir as defaultCorpusDir } from './paths';

/** Bump when the oracle's logic changes, so cached verdicts are recomputed. */
export const ORACLE_REVISION = 8;

export type RejectionKind = 'syntax' | 'semantic' | 'environment' | 'build' | 'unknown';

/** What the broker said about one configuration. */
export interface OracleVerdict {
  verdict: 'accepted' | 'rejected';
  /** `none` when accepted. `build` = a limitation of Debian's 2.0.11 build (websockets-only). */
  kind: 'none' | RejectionKind;
  /** Exit status of a rejected broker (null when accepted). */
  exit: number | null;
  /** 1-based line of the main configuration file named by `Error found at …` (for an error in
   * an include_dir file: the `include_dir` line of the main file). */
  line: number | null;
  /** When the error is inside an included file: that file (relative to the case folder) and line. */
  includedFile: string | null;
  includedLine: number | null;
  /** The broker's error message (timestamp removed), empty when accepted. */
  message: string;
  /** Other Error/Warning lines seen (not fatal by themselves). */
  warnings: string[];
  /** How the verdict was reached, and anything worth knowing about it. */
  detectedBy: 'log' | 'epoll' | 'timeout' | 'exit';
  note: string;
  ms: number;
  /** Every line the broker printed (stderr, stdout, log files), when `keepLog` asked for it. */
  log?: string[];
}

/** A file the case needs next to its configuration (certificate, password file, …). */
export interface SupportFile {
  /** Relative to the case folder; a path ending in `/` creates a directory. */
  path: string;
  content?: string | Buffer;
  mode?: number;
  /** Stands for the content in the cache key (e.g. `self-signed-cert`), for content that is
   * random on each run but equivalent for the broker. */
  cacheKey?: string;
}

/** One configuration to run. Relative paths in it resolve against the case folder. */
export interface OracleCase {
  id: string;
  config: string | Buffer;
  /** File name of the configuration inside the case folder (default `mosquitto.conf`). */
  configName?: string;
  files?: readonly SupportFile[];
}

export interface OracleOptions {
  /** The broker executable (default: `mosquitto` from PATH, then /usr/sbin/mosquitto). */
  broker?: string;
  /** Still alive after this long = accepted (default 1500 ms). */
  timeoutMs?: number;
  /** Parent of the per-case temp folders (default os.tmpdir()). */
  tmpRoot?: string;
  /** Keep the case folder for inspection. */
  keepSandbox?: boolean;
  /** Return every line the broker printed in `verdict.log` (e.g. the listen sockets it opened). */
  keepLog?: boolean;
  /**
   * Let the broker's privilege drop take full effect (no SECBIT_NO_SETUID_FIXUP): files its
   * run-time user cannot read then fail as on a real machine. For cases about permissions.
   */
  realPrivilegeDrop?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Broker discovery

/** Path of the mosquitto executable (MOSQUITTO_ORACLE_BROKER overrides), or null when it is not installed. */
export function findBroker(explicit?: string): string | null {
  const chosen = explicit ?? process.env.MOSQUITTO_ORACLE_BROKER;
  const candidates = chosen
    ? [chosen]
    : [
        ...(process.env.PATH ?? '')
          .split(':')
          .filter(Boolean)
          .map((dir) => path.join(dir, 'mosquitto')),
        '/usr/sbin/mosquitto',
        '/usr/local/sbin/mosquitto',
      ];
  for (const candidate of candidates) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) {
        return candidate;
      }
    } catch {
      // try the next one
    }
  }
  return null;
}

const versions = new Map<string, string | null>();

/** The broker's version from the first line of `mosquitto -h`, e.g. `2.0.11` (asked once per executable). */
export function brokerVersion(broker: string): string | null {
  if (!versions.has(broker)) {
    versions.set(broker, askVersion(broker));
  }
  return versions.get(broker) ?? null;
}

function askVersion(broker: string): string | null {
  const result = spawnSync(broker, ['-h'], { encoding: 'utf8', timeout: 5000 });
  const text = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const match = /mosquitto version (\d+\.\d+(?:\.\d+)?)/.exec(text);
  return match ? match[1] : null;
}

/** Checks that the sandbox can be built here (root, unshare, overlayfs, ip, setpriv). */
export function sandboxProblem(): string | null {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return 'the broker oracle must run as root (it creates network and mount namespaces)';
  }
  for (const tool of ['unshare', 'setpriv', 'ip', 'mount']) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
    if (found.status !== 0) {
      return `missing tool: ${tool} (packages util-linux, coreutils, iproute2)`;
    }
  }
  const probe = spawnSync(
    'unshare',
    [
      '--mount',
      '--net',
      '--',
      'sh',
      '-c',
      'd=$(mktemp -d "$0/mosq-oracle-probe-XXXXXX") && mkdir "$d/u" "$d/w" "$d/r" && ' +
        'mount -t overlay o -o "lowerdir=/,upperdir=$d/u,workdir=$d/w" "$d/r" && ip link set lo up; ' +
        'rc=$?; umount "$d/r" 2>/dev/null; rm -rf "$d"; exit $rc',
      defaultTmpRoot(),
    ],
    { encoding: 'utf8', timeout: 10000 },
  );
  if (probe.status !== 0) {
    return `cannot build the sandbox (unshare --mount --net + overlayfs over / with the upper layer in ${defaultTmpRoot()}): ${(probe.stderr || probe.error?.message || '').trim()}`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Running the broker in the sandbox

/** Runs inside `unshare --mount --net`: brings `lo` up, mounts the overlay root (one `mount -a`
 * over a generated fstab, to keep process starts few: they dominate the cost of a case), then
 * becomes the broker, chrooted into the overlay. Exit 97 + `SETUP-FAILED` = sandbox problem. */
const SANDBOX_SCRIPT = String.raw`
SB="$1"; CONF="$2"; BROKER="$3"; DROP="$4"
ip link set lo up || { echo "SETUP-FAILED ip link set lo up" >&2; exit 97; }
err=$(mount -a -T "$SB/fstab" 2>&1) || { echo "SETUP-FAILED mount: $err" >&2; exit 97; }
if [ "$DROP" = real ]; then
  exec unshare --root="$SB/root" --wd="$SB/case" "$BROKER" -c "$CONF" </dev/null
fi
exec unshare --root="$SB/root" --wd="$SB/case" setpriv --securebits +no_setuid_fixup "$BROKER" -c "$CONF" </dev/null
`;

/** Device nodes the broker may need (libwebsockets reads /dev/urandom). No /dev/console. */
const DEVICES = ['null', 'zero', 'full', 'random', 'urandom'];

const OVERLAYFS_MAGIC = 0x794c7630;

/** A folder for sandboxes whose file system can hold an overlay upper layer (not overlayfs,
 * as in containers; then /dev/shm, a tmpfs, is used). */
export function defaultTmpRoot(): string {
  const fromEnv = process.env.MOSQUITTO_ORACLE_TMP;
  if (fromEnv) {
    return fromEnv;
  }
  const tmp = os.tmpdir();
  try {
    if (fs.statfsSync(tmp).type === OVERLAYFS_MAGIC && fs.existsSync('/dev/shm')) {
      return '/dev/shm';
    }
  } catch {
    // keep tmp
  }
  return tmp;
}

/** (Re)creates the overlay skeleton of a sandbox: upper layer with mount points, work, root, fstab. */
function prepareSandbox(sandbox: string): void {
  for (const dir of ['upper', 'work', 'root']) {
    fs.rmSync(path.join(sandbox, dir), { recursive: true, force: true });
  }
  const upper = path.join(sandbox, 'upper');
  const root = path.join(sandbox, 'root');
  const caseDir = path.join(sandbox, 'case');
  fs.mkdirSync(path.join(upper, 'dev'), { recursive: true });
  fs.mkdirSync(path.join(upper, caseDir), { recursive: true });
  fs.mkdirSync(path.join(sandbox, 'work'));
  fs.mkdirSync(root);
  for (const device of DEVICES) {
    fs.writeFileSync(path.join(upper, 'dev', device), '');
  }
  const fstab = [
    `oracle-root ${root} overlay lowerdir=/,upperdir=${upper},workdir=${path.join(sandbox, 'work')} 0 0`,
    `proc ${root}/proc proc nosuid,nodev,noexec 0 0`,
    ...DEVICES.map((device) => `/dev/${device} ${root}/dev/${device} none bind 0 0`),
    `${caseDir} ${root}${caseDir} none bind 0 0`,
  ];
  fs.writeFileSync(path.join(sandbox, 'fstab'), `${fstab.join('\n')}\n`);
}

/** Raw outcome of one broker run. */
interface RawRun {
  outcome: 'accepted' | 'exited';
  detectedBy: OracleVerdict['detectedBy'];
  exit: number | null;
  stdout: string;
  stderr: string;
  /** New text written by the broker outside stdout/stderr (log files), by path. */
  files: { path: string; text: string }[];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves when `promise` settles or after `ms`, without keeping the process alive. */
function within(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    void promise.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) {
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Process groups of running cases, so an interrupted run leaves no broker behind. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) {
    return;
  }
  exitHookInstalled = true;
  const killAll = (): void => {
    for (const pid of liveGroups) {
      killGroup(pid);
    }
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

function isText(buffer: Buffer): boolean {
  return !buffer.subarray(0, 4096).includes(0);
}

/** Text the broker wrote into files: files of the overlay's upper layer (only the bytes beyond
 * the host's original content, for files copied up) and new files in the case folder. */
function collectWrittenFiles(sandbox: string, inputs: Set<string>): { path: string; text: string }[] {
  const found: { path: string; text: string }[] = [];
  const walk = (root: string, dir: string, visit: (abs: string, rel: string) => void): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(root, rel, visit);
      } else if (entry.isFile()) {
        visit(path.join(root, rel), rel);
      }
    }
  };
  const upper = path.join(sandbox, 'upper');
  walk(upper, '', (abs, rel) => {
    if (rel === 'dev/console') {
      return;
    }
    const buffer = fs.readFileSync(abs);
    if (buffer.length === 0 || buffer.length > 1 << 20 || !isText(buffer)) {
      return;
    }
    let start = 0;
    try {
      // Only regular host files can have been copied up (the root file system's `/dev/console`
      // placeholder is one; the host's real /dev/console is a terminal and must not be read).
      const host = path.join('/', rel);
      if (fs.lstatSync(host).isFile()) {
        const original = fs.readFileSync(host);
        if (buffer.subarray(0, original.length).equals(original)) {
          start = original.length;
        }
      }
    } catch {
      // a new file
    }
    found.push({ path: `/${rel}`, text: buffer.subarray(start).toString('utf8') });
  });
  const caseDir = path.join(sandbox, 'case');
  walk(caseDir, '', (abs, rel) => {
    if (inputs.has(rel)) {
      return;
    }
    const buffer = fs.readFileSync(abs);
    if (buffer.length <= 1 << 20 && isText(buffer)) {
      found.push({ path: rel, text: buffer.toString('utf8') });
    }
  });
  return found;
}

function procText(pid: number, entry: string): string {
  try {
    return fs.readFileSync(`/proc/${pid}/${entry}`, 'utf8').trim();
  } catch {
    return '';
  }
}

const RUNNING = /mosquitto version \S+ running/;

/** Where a broker sleeps once it serves: 2.x waits in epoll_wait; 1.5 and 1.6 use poll() in
 * their main loop only (mosquitto_main_loop in src/loop.c), after listeners, privileges and bridges. */
function mainLoopWait(version: string | null): RegExp {
  return version !== null && /^1\./.test(version) ? /^(do_epoll_wait|do_sys_poll|poll_schedule_timeout)/ : /^do_epoll_wait$/;
}

async function runBroker(
  sandbox: string,
  configPath: string,
  broker: string,
  timeoutMs: number,
  inputs: Set<string>,
  realPrivilegeDrop = false,
): Promise<RawRun> {
  const serving = mainLoopWait(brokerVersion(broker));
  installExitHook();
  prepareSandbox(sandbox);
  const child = spawn(
    'unshare',
    ['--mount', '--net', '--', '/bin/sh', '-c', SANDBOX_SCRIPT, 'mosquitto-oracle', sandbox, configPath, broker, realPrivilegeDrop ? 'real' : 'kept'],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error('cannot start unshare (util-linux)');
  }
  liveGroups.add(pid);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  let exitCode: number | null = null;
  let closed = false;
  const closedPromise = new Promise<void>((resolve) => {
    child.on('close', (code, signal) => {
      closed = true;
      exitCode = code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : null);
      resolve();
    });
    child.on('error', () => {
      closed = true;
      resolve();
    });
  });

  try {
    const started = Date.now();
    let brokerSeenAt = 0;
    for (;;) {
      if (closed) {
        if (exitCode === 97 && /SETUP-FAILED/.test(stderr)) {
          throw new Error(`broker sandbox could not be built: ${stderr.trim()}`);
        }
        return {
          outcome: 'exited',
          detectedBy: 'exit',
          exit: exitCode,
          stdout,
          stderr,
          files: collectWrittenFiles(sandbox, inputs),
        };
      }
      const comm = procText(pid, 'comm');
      if (comm === 'mosquitto' && brokerSeenAt === 0) {
        brokerSeenAt = Date.now();
      }
      let detectedBy: OracleVerdict['detectedBy'] | null = null;
      if (RUNNING.test(stderr) || RUNNING.test(stdout)) {
        detectedBy = 'log';
      } else if (comm === 'mosquitto' && serving.test(procText(pid, 'wchan'))) {
        detectedBy = 'epoll';
      } else if (brokerSeenAt !== 0 && Date.now() - brokerSeenAt > timeoutMs && comm === 'mosquitto') {
        detectedBy = 'timeout';
      }
      if (detectedBy !== null) {
        killGroup(pid);
        await within(closedPromise, 3000);
        return { outcome: 'accepted', detectedBy, exit: null, stdout, stderr, files: [] };
      }
      if (Date.now() - started > timeoutMs + 15000) {
        throw new Error('broker sandbox did not start the broker in time');
      }
      await sleep(brokerSeenAt === 0 ? 4 : 8);
    }
  } finally {
    killGroup(pid);
    liveGroups.delete(pid);
    if (!closed) {
      await within(closedPromise, 2000);
    }
  }
}
// ---------------------------------------------------------------------------------------------
// Reading the broker's messages

interface Messages {
  /** Error/Warning lines with the timestamp removed, in stream order (stderr, stdout, files). */
  lines: string[];
  /** `Error found at FILE:N.` locations, in order. */
  locations: { file: string; line: number }[];
}

function extractMessages(run: RawRun): Messages {
  const texts = [run.stderr, run.stdout, ...run.files.map((f) => f.text)];
  const lines: string[] = [];
  const locations: { file: string; line: number }[] = [];
  for (const text of texts) {
    for (const raw of text.split(/\r?\n/)) {
      const m = /(?:^|\s)((?:Error|Warning)(?::| found at| creating| opening| loading| setting| in| binding| listening).*)$/.exec(raw);
      if (!m) {
        continue;
      }
      const line = m[1].trimEnd();
      const at = /^Error found at (.*):(\d+)\.$/.exec(line);
      if (at) {
        locations.push({ file: at[1], line: Number(at[2]) });
        continue;
      }
      lines.push(line);
    }
  }
  return { lines, locations };
}

/** Error lines the broker logs without stopping. */
const NON_FATAL = [/^Error: Unable to open log file /, /^Error creating bridge: /, /^Error in initial bridge registration/];

/** The message of a broker that exited: its first fatal error; else a usually harmless error
 * that was fatal for this release (1.5 stops when it cannot open its log file); else a warning
 * about a missing interface. */
function fatalMessage(messages: Messages): string {
  const errors = messages.lines.filter((l) => /^Error/.test(l) && !NON_FATAL.some((re) => re.test(l)));
  const primary = errors.find((l) => l.startsWith('Error: ')) ?? errors[0];
  if (primary !== undefined) {
    return primary;
  }
  return messages.lines.find((l) => l.startsWith('Warning: Interface ')) ?? messages.lines.find((l) => /^Error/.test(l)) ?? '';
}

/** Parse-time failures that are about this machine, not the file (they carry `Error found at`). */
const PARSE_TIME_ENVIRONMENT = [
  /^Error: Unable to open include_dir /,
  /^Error: Error resolving bind_address/,
  /^Error resolving bind_address/,
  /^Error: Unable to open config file /,
  /^Error: Config file .* is a directory/,
];

/** Parse-time failures that are about the build (the feature was left out), not the file. */
const PARSE_TIME_BUILD = [
  /^Error: HTTP API support not available/,
  /^Error: PROXY support not available with libwebsockets/,
  /^Error: Websockets support not available/,
];

/** Options whose value 2.1 resolves with realpath() while parsing, failing silently (only
 * `Error found at`) when the folder does not exist on this machine. */
const PARSE_TIME_PATHS = /^\s*http_dir\s/;

/** Start-up failures (no line number), classified by message. Order matters: first match wins. */
const STARTUP_RULES: { re: RegExp; kind: RejectionKind }[] = [
  // Inside the private network namespace nothing else listens: a clash is between two
  // listeners of the same file.
  { re: /^Error: Address already in use/, kind: 'semantic' },
  { re: /^Error: Unsupported tls_version /, kind: 'semantic' },
  { re: /^Error: Unable to set TLS ciphers/, kind: 'semantic' },
  { re: /^Error: Unable to set TLS 1\.3 ciphersuites/, kind: 'semantic' },
  { re: /^Error: Path to unix socket is too long/, kind: 'semantic' },
  { re: /^Error binding unix socket: Address already in use/, kind: 'semantic' },
  { re: /^Error: Invalid bridge configuration/, kind: 'semantic' },
  { re: /^Error: Bridge local_clientid .* is not unique/, kind: 'semantic' },
  { re: /^Error: Cannot use both certificate and psk encryption in a single listener/, kind: 'semantic' },
  { re: /^Error: Invalid port specified/, kind: 'semantic' },
  { re: /^Error: (cafile|capath) specified without certfile and keyfile/, kind: 'semantic' },
  { re: /^Error: Both certfile and keyfile must be provided/, kind: 'semantic' },
  { re: /^Error: use_subject_as_username cannot be used with `enable_proxy_protocol 2`/, kind: 'semantic' },
  { re: /^Error: (certfile|keyfile|Certificate based TLS).*enable_proxy_protocol/, kind: 'semantic' },
  // Debian's libwebsockets 4.1.6 lacks external-poll support: with only websockets listeners
  // mosquitto 2.0 has no socket of its own and gives up (eclipse-mosquitto/mosquitto#2284).
  { re: /^Error: Unable to start any listening sockets, exiting\./, kind: 'build' },
  // Files, users, addresses and libraries this machine lacks.
  { re: /^Error: Unable to open pwfile /, kind: 'environment' },
  { re: /^Error opening (password|acl|psk) file/, kind: 'environment' },
  { re: /^Error: Unable to open acl_file /, kind: 'environment' },
  {
    re: /^Error: (Invalid line in acl_file|Empty topic in acl_file|Invalid ACL topic|Invalid topic access type|Missing username in acl_file)/,
    kind: 'environment',
  },
  { re: /^Error: (Empty psk for identity|psk for identity)/, kind: 'environment' },
  { re: /^Error: Unable to load (auth )?plugin/, kind: 'environment' },
  { re: /^Error: (Unsupported auth plugin version|Authentication plugin returned|Plugin returned|Plugin has missing)/, kind: 'environment' },
  { re: /^Error: Unable to load CA certificates/, kind: 'environment' },
  { re: /^Error: Unable to load server (certificate|key file)/, kind: 'environment' },
  { re: /^Error: Server certificate\/key are inconsistent/, kind: 'environment' },
  { re: /^Error: Unable to load certificate revocation file/, kind: 'environment' },
  { re: /^Error: Unable to load client (certificate|key file)/, kind: 'environment' },
  { re: /^Error loading dhparamfile/, kind: 'environment' },
  { re: /^Error: Unable to open http dir /, kind: 'environment' },
  { re: /^Error: Unable to drop privileges/, kind: 'environment' },
  { re: /^Error: Invalid user '/, kind: 'environment' },
  { re: /^Error: Interface .* does not exist/, kind: 'environment' },
  { re: /^Error setting (gid|uid|groups) whilst dropping privileges/, kind: 'environment' },
  { re: /^Error: Unable to write pid file/, kind: 'environment' },
  // Fatal in 1.5 only (log__init); later releases log it and go on.
  { re: /^Error: Unable to open log file /, kind: 'environment' },
  { re: /^Error: (Couldn't open database|Unable to restore persistent database|Unsupported persistent database|Incompatible database)/, kind: 'environment' },
  { re: /^Error: Cannot assign requested address/, kind: 'environment' },
  { re: /^Error creating listener: /, kind: 'environment' },
  // The socket's folder does not exist here (e.g. /run/mosquitto), or cannot be written.
  { re: /^Error (binding|creating|listening to) unix socket/, kind: 'environment' },
  { re: /^Warning: Interface .* does not support /, kind: 'environment' },
  { re: /^Error: No such device/, kind: 'environment' },
  { re: /^Error loading .* engine|^Error: Unable to (set engine|load engine|use engine)/, kind: 'environment' },
  { re: /^Error: Permission denied/, kind: 'environment' },
];

function classifyStartup(message: string): RejectionKind {
  for (const rule of STARTUP_RULES) {
    if (rule.re.test(message)) {
      return rule.kind;
    }
  }
  return 'unknown';
}

/** libwebsockets' reason for `Unable to create websockets listener` (needs websockets_log_level). */
function classifyWebsocketsFailure(lines: string[], text: string): { kind: RejectionKind; reason: string } | null {
  const all = [...lines, ...text.split(/\r?\n/)];
  const binding = all.find((l) => /ERROR on binding/.test(l));
  if (binding) {
    return /\(-1 98\)|\b98\b/.test(binding) ? { kind: 'semantic', reason: binding.trim() } : { kind: 'environment', reason: binding.trim() };
  }
  const tls = all.find((l) => /problem getting cert|SSL_CTX_load_verify_locations unhappy|unable to load|lws_tls_server|SSL_CTX_use/i.test(l));
  if (tls) {
    return { kind: 'environment', reason: tls.replace(/^\S*\s*\[[^\]]*\]\s*/, '').trim() };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// One case

let sequence = 0;

function withAppendedLines(config: Buffer, lines: string[]): Buffer {
  const needsNewline = config.length > 0 && config[config.length - 1] !== 0x0a;
  return Buffer.concat([config, Buffer.from(`${needsNewline ? '\n' : ''}${lines.join('\n')}\n`)]);
}

function relativeToCase(file: string, caseDir: string): string {
  return file.startsWith(`${caseDir}/`) ? file.slice(caseDir.length + 1) : file;
}

/** Runs the broker on one case and interprets what it did. */
export async function runCase(oracleCase: OracleCase, options: OracleOptions = {}): Promise<OracleVerdict> {
  const broker = findBroker(options.broker);
  if (broker === null) {
    throw new Error('mosquitto is not installed (run scripts/broker/install-broker.sh)');
  }
  const timeoutMs = options.timeoutMs ?? 1500;
  const started = Date.now();
  const tmpRoot = options.tmpRoot ?? defaultTmpRoot();
  const sandbox = fs.mkdtempSync(path.join(tmpRoot, `mosq-oracle-${process.pid}-${sequence++}-`));
  const caseDir = path.join(sandbox, 'case');
  const configName = oracleCase.configName ?? 'mosquitto.conf';
  const configPath = path.join(caseDir, configName);
  const original = Buffer.isBuffer(oracleCase.config) ? oracleCase.config : Buffer.from(oracleCase.config, 'utf8');
  const inputs = new Set<string>([configName]);
  try {
    fs.mkdirSync(caseDir, { recursive: true });
    for (const file of oracleCase.files ?? []) {
      const target = path.join(caseDir, file.path);
      if (file.path.endsWith('/')) {
        fs.mkdirSync(target, { recursive: true });
        continue;
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.content ?? '', { mode: file.mode ?? 0o644 });
      inputs.add(path.normalize(file.path));
    }
    fs.writeFileSync(configPath, original);

    const run = await runBroker(sandbox, configPath, broker, timeoutMs, inputs, options.realPrivilegeDrop);
    const messages = extractMessages(run);
    const verdict: OracleVerdict = {
      verdict: run.outcome === 'accepted' ? 'accepted' : 'rejected',
      kind: 'none',
      exit: run.exit,
      line: null,
      includedFile: null,
      includedLine: null,
      message: '',
      warnings: [],
      detectedBy: run.detectedBy,
      note: '',
      ms: 0,
    };
    if (options.keepLog) {
      verdict.log = [run.stderr, run.stdout, ...run.files.map((f) => f.text)]
        .join('\n')
        .split(/\r?\n/)
        .filter((l) => l.length > 0);
    }
    if (run.outcome === 'accepted') {
      verdict.warnings = messages.lines;
      verdict.ms = Date.now() - started;
      return verdict;
    }

    let message = fatalMessage(messages);
    const notes: string[] = [];
    // Nothing classifiable captured (log_dest syslog/topic/none/dlt, or a log_type without
    // errors): re-run a copy with `log_dest stderr` and `log_type all` appended, at the same path. The verdict stays the original file's.
    if (messages.locations.length === 0 && (message === '' || classifyStartup(message) === 'unknown')) {
      fs.writeFileSync(configPath, withAppendedLines(original, ['log_dest stderr', 'log_type all']));
      const rerun = await runBroker(sandbox, configPath, broker, timeoutMs, inputs, options.realPrivilegeDrop);
      fs.writeFileSync(configPath, original);
      const again = fatalMessage(extractMessages(rerun));
      if (rerun.outcome === 'exited' && again !== '') {
        message = again;
        notes.push('message from a diagnostic re-run with `log_dest stderr` and `log_type all` appended');
      }
    }
    verdict.message = message;
    verdict.warnings = messages.lines.filter((l) => l !== message);

    if (messages.locations.length > 0) {
      const first = messages.locations[0];
      const inMain = messages.locations.find((l) => l.file === configPath);
      verdict.line = inMain ? inMain.line : null;
      if (first.file !== configPath) {
        verdict.includedFile = relativeToCase(first.file, caseDir);
        verdict.includedLine = first.line;
      }
      const named = first.file === configPath ? (original.toString('utf8').split('\n')[first.line - 1] ?? '') : '';
      verdict.kind = PARSE_TIME_BUILD.some((re) => re.test(message))
        ? 'build'
        : PARSE_TIME_ENVIRONMENT.some((re) => re.test(message)) || (message === '' && PARSE_TIME_PATHS.test(named))
          ? 'environment'
          : 'syntax';
      if (verdict.kind === 'build') {
        notes.push('a feature this build leaves out');
      } else if (message === '' && verdict.kind === 'environment') {
        notes.push('http_dir names a folder that does not exist here (2.1 resolves it while parsing)');
      }
    } else if (/^Error: Unable to create websockets listener/.test(message)) {
      // libwebsockets says nothing at the default log level: re-run a copy with it raised.
      fs.writeFileSync(configPath, withAppendedLines(original, ['log_dest stderr', 'log_type all', 'websockets_log_level 255']));
      const rerun = await runBroker(sandbox, configPath, broker, timeoutMs, inputs, options.realPrivilegeDrop);
      fs.writeFileSync(configPath, original);
      const reason = classifyWebsocketsFailure(extractMessages(rerun).lines, `${rerun.stderr}\n${rerun.stdout}`);
      if (reason) {
        verdict.kind = reason.kind;
        notes.push(`libwebsockets (diagnostic re-run with websockets_log_level 255): ${reason.reason}`);
      } else {
        verdict.kind = 'unknown';
        notes.push('websockets listener failed; libwebsockets gave no reason');
      }
    } else {
      verdict.kind = classifyStartup(message);
      if (verdict.kind === 'build') {
        notes.push(
          "only websockets listeners: Debian's libwebsockets lacks external-poll support, so mosquitto 2.0 opens no socket of its own (eclipse-mosquitto/mosquitto#2284); works on other builds",
        );
      }
      if (verdict.kind === 'unknown') {
        notes.push(message === '' ? 'the broker exited without a message' : 'message not in the classification table');
      }
    }
    verdict.note = notes.join('; ');
    verdict.ms = Date.now() - started;
    return verdict;
  } finally {
    if (!options.keepSandbox) {
      fs.rmSync(sandbox, { recursive: true, force: true });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Cache and pool

/** Where verdicts are cached (outside the repository). */
export function defaultCacheDir(): string {
  return process.env.MOSQUITTO_ORACLE_CACHE ?? path.join(os.homedir(), '.cache', 'mosquitto-conf', 'oracle');
}

/** Cache key: broker version, oracle revision, configuration bytes and support files. */
export function cacheKey(oracleCase: OracleCase, version: string): string {
  const hash = crypto.createHash('sha256');
  hash.update(`mosquitto ${version}\0oracle ${ORACLE_REVISION}\0${oracleCase.configName ?? 'mosquitto.conf'}\0`);
  hash.update(oracleCase.config);
  for (const file of oracleCase.files ?? []) {
    hash.update(`\0${file.path}\0${file.mode ?? 0o644}\0`);
    if (file.cacheKey !== undefined) {
      hash.update(`key:${file.cacheKey}`);
    } else if (file.content !== undefined) {
      hash.update(file.content);
    }
  }
  return hash.digest('hex');
}

export interface PoolOptions extends OracleOptions {
  concurrency?: number;
  /** Cache folder, or null for no cache. */
  cacheDir?: string | null;
  onResult?: (oracleCase: OracleCase, verdict: OracleVerdict, cached: boolean) => void;
}

/** Default number of brokers run at once: small and bounded (a run is mostly waiting). */
export function defaultConcurrency(): number {
  const fromEnv = Number(process.env.MOSQUITTO_ORACLE_JOBS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) {
    return fromEnv;
  }
  return Math.max(2, Math.min(4, os.cpus().length * 2));
}

/** Runs many cases with a bounded pool, using the verdict cache when given. */
export async function runCases(cases: readonly OracleCase[], options: PoolOptions = {}): Promise<Map<string, OracleVerdict>> {
  const broker = findBroker(options.broker);
  if (broker === null) {
    throw new Error('mosquitto is not installed (run scripts/broker/install-broker.sh)');
  }
  const version = brokerVersion(broker) ?? 'unknown';
  const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
  if (cacheDir !== null) {
    fs.mkdirSync(cacheDir, { recursive: true });
  }
  const results = new Map<string, OracleVerdict>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const oracleCase = cases[next++];
      const key = cacheDir !== null ? cacheKey(oracleCase, version) : '';
      const cacheFile = cacheDir !== null ? path.join(cacheDir, `${key}.json`) : '';
      let verdict: OracleVerdict | null = null;
      let cached = false;
      if (cacheDir !== null) {
        try {
          verdict = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as OracleVerdict;
          cached = true;
        } catch {
          verdict = null;
        }
      }
      if (verdict === null) {
        verdict = await runCase(oracleCase, { ...options, broker });
        // Timeouts may be load artefacts: do not cache them.
        if (cacheDir !== null && verdict.detectedBy !== 'timeout') {
          const tmp = `${cacheFile}.${process.pid}.tmp`;
          fs.writeFileSync(tmp, JSON.stringify(verdict));
          fs.renameSync(tmp, cacheFile);
        }
      }
      results.set(oracleCase.id, verdict);
      options.onResult?.(oracleCase, verdict, cached);
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? defaultConcurrency(), cases.length));
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  return results;
}

// ---------------------------------------------------------------------------------------------
// Corpus manifest (what the reference oracle recorded for each corpus file)

export interface ManifestRow {
  file: string;
  sha256: string;
  verdict: string;
  kind: string;
  line: number | null;
  message: string;
  note: string;
}

export function readManifest(corpusDir: string): ManifestRow[] {
  const text = fs.readFileSync(path.join(corpusDir, 'MANIFEST.tsv'), 'utf8');
  const [header, ...rows] = text.split('\n').filter((l) => l.length > 0);
  const columns = header.split('\t');
  const col = (name: string): number => columns.indexOf(name);
  return rows.map((row) => {
    const cells = row.split('\t');
    const line = cells[col('line')];
    return {
      file: cells[col('file')],
      sha256: cells[col('sha256')],
      verdict: cells[col('verdict')],
      kind: cells[col('kind')],
      line: line ? Number(line) : null,
      message: cells[col('message')] ?? '',
      note: cells[col('note')] ?? '',
    };
  });
}

/** The manifest records Debian build limitations as `environment`. */
export function manifestKind(kind: OracleVerdict['kind']): string {
  return kind === 'build' ? 'environment' : kind;
}

export interface ManifestComparison {
  total: number;
  agree: number;
  differences: { file: string; expected: string; actual: string; message: string }[];
}

export function compareWithManifest(rows: readonly ManifestRow[], verdicts: Map<string, OracleVerdict>): ManifestComparison {
  const differences: ManifestComparison['differences'] = [];
  let total = 0;
  for (const row of rows) {
    const verdict = verdicts.get(row.file);
    if (!verdict) {
      continue;
    }
    total++;
    const expected = `${row.verdict}/${row.kind}/${row.line ?? '-'}`;
    const actual = `${verdict.verdict}/${manifestKind(verdict.kind)}/${verdict.line ?? '-'}`;
    if (expected !== actual) {
      differences.push({ file: row.file, expected: `${expected} ${row.message}`, actual, message: verdict.message });
    }
  }
  return { total, agree: total - differences.length, differences };
}

// ---------------------------------------------------------------------------------------------
// Command line

async function main(argv: string[]): Promise<number> {
  let json = false;
  let concurrency: number | undefined;
  let validate: string | null = null;
  let useCache = true;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') {
      json = true;
    } else if (arg === '--concurrency') {
      concurrency = Number(argv[++i]);
    } else if (arg === '--no-cache') {
      useCache = false;
    } else if (arg === '--validate-corpus') {
      validate = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : '';
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        'usage: oracle.js [--json] [--no-cache] [--concurrency N] FILE...\n' + '       oracle.js --validate-corpus [CORPUS_DIR] [--no-cache]\n',
      );
      return 0;
    } else {
      files.push(arg);
    }
  }
  const broker = findBroker();
  if (broker === null) {
    process.stderr.write('mosquitto is not installed (run scripts/broker/install-broker.sh)\n');
    return 2;
  }
  const problem = sandboxProblem();
  if (problem !== null) {
    process.stderr.write(`${problem}\n`);
    return 2;
  }
  const cacheDir = useCache ? defaultCacheDir() : null;
  if (validate !== null) {
    const corpusDir = validate || defaultCorpusDir();
    const rows = readManifest(corpusDir);
    const cases = rows.map((row) => ({ id: row.file, config: fs.readFileSync(path.join(corpusDir, row.file)) }));
    const t0 = Date.now();
    const verdicts = await runCases(cases, { concurrency, cacheDir });
    const comparison = compareWithManifest(rows, verdicts);
    process.stdout.write(
      `oracle vs MANIFEST: ${comparison.agree}/${comparison.total} agree on verdict/kind/line ` +
        `(${((Date.now() - t0) / 1000).toFixed(1)} s, ${concurrency ?? defaultConcurrency()} jobs, cache ${cacheDir ?? 'off'})\n`,
    );
    for (const d of comparison.differences) {
      process.stdout.write(`  ${d.file}: manifest ${d.expected}\n      oracle   ${d.actual} ${d.message}\n`);
    }
    return comparison.differences.length === 0 ? 0 : 1;
  }
  const cases = files.map((file) => ({ id: file, config: fs.readFileSync(file) }));
  const verdicts = await runCases(cases, { concurrency, cacheDir });
  for (const file of files) {
    const v = verdicts.get(file);
    if (!v) {
      continue;
    }
    if (json) {
      process.stdout.write(`${JSON.stringify({ file, ...v })}\n`);
    } else {
      process.stdout.write(
        `${file}: ${v.verdict}${v.kind !== 'none' ? ` (${v.kind})` : ''}` +
          `${v.line !== null ? ` line ${v.line}` : ''}${v.message ? `: ${v.message}` : ''}${v.note ? ` [${v.note}]` : ''}\n`,
      );
    }
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
