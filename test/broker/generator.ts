// Deterministic generator of mosquitto.conf cases for the broker-differential layer.
//
// Every case starts from a configuration that mosquitto 2.0.11 should accept (listeners, TLS,
// security, bridges, logging, persistence; files it names are generated into the case folder)
// and then gets at most one labelled mutation (typo, wrong type, wrong section, broken TLS
// pair, BOM, CRLF, …). The generator does not predict the verdict: the real broker decides,
// and the differential layer compares the linter with it. Labels only group the figures.
//
// Seed: MOSQUITTO_FUZZ_SEED (default 20250611); count: MOSQUITTO_FUZZ_COUNT (default 1000).
// Case i depends only on (seed, i), so adding a mutation does not reshuffle other cases.
//
// Directive facts come from the project's catalogue (out/server/src/service/data/catalogue.js,
// compiled from server/src/service/data/catalogue.ts) when it is built, else from the small
// hand-made table below; `loadDirectiveTable()` is the only place that knows which.
// Run directly to print cases: node out/test/broker/generator.js [--count N] [--seed S] [--out DIR]
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { OracleCase, SupportFile } from './oracle';
import { repoRoot } from './paths';

export const DEFAULT_SEED = 20250611;
export const DEFAULT_COUNT = 1000;
/** The broker version generated cases target by default (Debian 12's mosquitto); each release
 * of the broker layer generates its own cases (`GenerateOptions.version`). */
export const TARGET_VERSION = '2.0.11';

/** A generated case: an oracle case plus its mutation label and what was done. */
export interface GeneratedCase extends OracleCase {
  label: string;
  detail: string;
}

// ---------------------------------------------------------------------------------------------
// Random numbers (mulberry32 over a splitmix-style mix of seed and index)

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  static forCase(seed: number, index: number): Rng {
    let h = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x7feb352d) >>> 0;
    h ^= h >>> 15;
    return new Rng(h);
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < count && copy.length > 0) {
      out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    }
    return out;
  }
}

export function seedFromEnv(): number {
  const raw = process.env.MOSQUITTO_FUZZ_SEED;
  return raw === undefined || raw === '' ? DEFAULT_SEED : parseSeed(raw);
}

/** A seed from text: a number as is, any other word hashed (FNV-1a). */
export function parseSeed(raw: string): number {
  if (/^\d+$/.test(raw)) {
    return Number(raw) >>> 0;
  }
  let h = 2166136261;
  for (const ch of raw) {
    h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  }
  return h;
}

export function countFromEnv(): number {
  const raw = Number(process.env.MOSQUITTO_FUZZ_COUNT);
  return Number.isInteger(raw) && raw > 0 ? raw : DEFAULT_COUNT;
}

// ---------------------------------------------------------------------------------------------
// Directive facts

/** The subset of a catalogue directive the generator uses (same field names as DirectiveSpec). */
export interface GenArg {
  type: string;
  required: boolean;
  values?: readonly string[];
  min?: number;
  max?: number;
}
export interface GenDirective {
  name: string;
  scope: string;
  since: string;
  removed?: { version: string; kind: string };
  prefix?: string;
  args: readonly GenArg[];
}

const b = (name: string, scope: string, since = '1.4.0'): GenDirective => ({
  name,
  scope,
  since,
  args: [{ type: 'bool', required: true, values: ['true', 'false', '1', '0'] }],
});
const i = (name: string, scope: string, min?: number, max?: number, since = '1.4.0'): GenDirective => ({
  name,
  scope,
  since,
  args: [{ type: 'int', required: true, min, max }],
});
const s = (name: string, scope: string, type = 'string', since = '1.4.0'): GenDirective => ({ name, scope, since, args: [{ type, required: true }] });
const e = (name: string, scope: string, values: string[], since = '1.4.0'): GenDirective => ({
  name,
  scope,
  since,
  args: [{ type: 'enum', required: true, values }],
});

/** Fallback when the catalogue is not built: the directives the generator needs. */
const HAND_TABLE: readonly GenDirective[] = [
  b('allow_anonymous', 'security'),
  b('allow_zero_length_clientid', 'security'),
  s('auto_id_prefix', 'security'),
  s('password_file', 'security', 'path'),
  s('acl_file', 'security', 'path'),
  s('psk_file', 'security', 'path'),
  b('per_listener_settings', 'global', '1.5.0'),
  i('autosave_interval', 'global'),
  b('autosave_on_changes', 'global'),
  b('check_retain_source', 'global', '1.5.6'),
  s('clientid_prefixes', 'global'),
  b('connection_messages', 'global'),
  i('log_facility', 'global', 0, 7),
  b('log_timestamp', 'global'),
  s('log_timestamp_format', 'global', 'string', '1.6.0'),
  e('log_type', 'global', ['debug', 'error', 'warning', 'notice', 'information', 'subscribe', 'unsubscribe', 'internal', 'websockets', 'none', 'all']),
  e('log_dest', 'global', ['none', 'syslog', 'stdout', 'stderr', 'topic', 'file', 'dlt']),
  i('max_inflight_bytes', 'global'),
  i('max_inflight_messages', 'global', undefined, 65535),
  i('max_keepalive', 'global', 0, 65535, '1.6.0'),
  i('max_packet_size', 'global', 20, undefined, '1.6.0'),
  i('max_queued_bytes', 'global'),
  i('max_queued_messages', 'global'),
  i('memory_limit', 'global', 0),
  i('message_size_limit', 'global', 0, 268435455),
  b('persistence', 'global'),
  s('persistence_file', 'global'),
  s('persistence_location', 'global', 'path'),
  s('persistent_client_expiration', 'global', 'duration'),
  s('pid_file', 'global', 'path'),
  b('queue_qos0_messages', 'global'),
  b('retain_available', 'global', '1.6.0'),
  b('retained_persistence', 'global'),
  b('set_tcp_nodelay', 'global', '1.5.0'),
  i('sys_interval', 'global', 0, 65535),
  b('upgrade_outgoing_qos', 'global'),
  s('user', 'global'),
  i('websockets_log_level', 'global'),
  i('websockets_headers_size', 'global', 0, 65535, '1.6.0'),
  i('retain_expiry_interval', 'global', 1, 10000000, '2.0.21'),
  i('max_connections', 'listener'),
  i('max_qos', 'listener', 0, 2, '2.0.0'),
  i('max_topic_alias', 'listener', 0, 65535, '1.6.0'),
  s('mount_point', 'listener', 'topic'),
  e('protocol', 'listener', ['mqtt', 'websockets', 'http_api']),
  e('socket_domain', 'listener', ['ipv4', 'ipv6'], '1.5.5'),
  b('use_username_as_clientid', 'listener'),
  s('certfile', 'listener', 'path'),
  s('keyfile', 'listener', 'path'),
  s('cafile', 'listener', 'path'),
  b('require_certificate', 'listener'),
  e('tls_version', 'listener', ['tlsv1.3', 'tlsv1.2', 'tlsv1.1']),
  s('ciphers', 'listener'),
  s('psk_hint', 'listener'),
  b('use_identity_as_username', 'listener'),
  b('use_subject_as_username', 'listener', '1.5.0'),
  s('address', 'bridge', 'list'),
  s('topic', 'bridge', 'topic-filter'),
  b('bridge_attempt_unsubscribe', 'bridge'),
  e('bridge_protocol_version', 'bridge', ['mqttv31', 'mqttv311', 'mqttv50']),
  b('cleansession', 'bridge'),
  s('clientid', 'bridge'),
  i('idle_timeout', 'bridge'),
  i('keepalive_interval', 'bridge', undefined, 65535),
  s('local_clientid', 'bridge'),
  b('notifications', 'bridge'),
  s('notification_topic', 'bridge'),
  s('remote_username', 'bridge'),
  s('remote_password', 'bridge'),
  b('round_robin', 'bridge'),
  e('start_type', 'bridge', ['automatic', 'lazy', 'once']),
  i('threshold', 'bridge'),
  b('try_private', 'bridge'),
  b('bridge_outgoing_retain', 'bridge', '2.0.0'),
  b('local_cleansession', 'bridge', '2.0.0'),
  s('bridge_cafile', 'bridge', 'path'),
  b('bridge_insecure', 'bridge'),
  s('bridge_identity', 'bridge'),
  s('bridge_psk', 'bridge', 'hex'),
  // newer than 2.0.11
  b('listener_allow_anonymous', 'listener', '2.1.0'),
  s('listener_auto_id_prefix', 'listener', 'string', '2.1.0'),
  b('enable_control_api', 'global', '2.1.0'),
  i('global_max_clients', 'global', undefined, undefined, '2.1.0'),
  i('global_max_connections', 'global', undefined, undefined, '2.1.0'),
  i('packet_buffer_size', 'global', 0, 65535, '2.1.0'),
  b('disable_client_cert_date_checks', 'listener', '2.1.0'),
  i('max_topic_alias_broker', 'listener', 0, 65535, '2.1.0'),
  s('websockets_origin', 'listener', 'string', '2.1.0'),
  i('bridge_receive_maximum', 'bridge', 1, 65535, '2.1.0'),
  i('bridge_session_expiry_interval', 'bridge', 0, 2147483647, '2.1.0'),
  e('bridge_reload_type', 'bridge', ['lazy', 'immediate'], '2.1.0'),
  b('bridge_tls_use_os_certs', 'bridge', '2.1.0'),
  i('bridge_max_topic_alias', 'bridge', 0, 65535, '2.1.0'),
  // removed in 2.0
  ...['store_clean_interval', 'trace_level', 'trace_output', 'ffdc_output', 'max_log_entries'].map((name) => ({
    ...s(name, 'global'),
    removed: { version: '2.0.0', kind: 'unknown' },
  })),
  { ...i('retry_interval', 'global', 1, 3600), removed: { version: '1.5.0', kind: 'ignored' } },
];

/** Where the directive facts came from, for the report. */
export interface DirectiveTable {
  source: string;
  directives: readonly GenDirective[];
}

function looksLikeCatalogue(value: unknown): value is readonly GenDirective[] {
  return (
    Array.isArray(value) &&
    value.length > 20 &&
    value.every(
      (d: unknown) =>
        typeof d === 'object' &&
        d !== null &&
        typeof (d as GenDirective).name === 'string' &&
        typeof (d as GenDirective).scope === 'string' &&
        typeof (d as GenDirective).since === 'string' &&
        Array.isArray((d as GenDirective).args),
    )
  );
}

/** The project's directive catalogue when built, else the hand table. To use the catalogue
 * unconditionally: `import { DIRECTIVES } from '../../server/src/service/data/catalogue'` and
 * return it here (the field names already match). */
export function loadDirectiveTable(): DirectiveTable {
  if (process.env.MOSQUITTO_FUZZ_HAND_TABLE !== '1') {
    const compiled = path.join(repoRoot(), 'out', 'server', 'src', 'service', 'data', 'catalogue.js');
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const loaded = require(compiled) as { DIRECTIVES?: unknown };
      if (looksLikeCatalogue(loaded.DIRECTIVES)) {
        return { source: 'catalogue (out/server/src/service/data/catalogue.js)', directives: loaded.DIRECTIVES };
      }
    } catch {
      // not built: fall back
    }
  }
  return { source: 'hand table (test/broker/generator.ts)', directives: HAND_TABLE };
}

/** Compares dotted versions; `<=1.4` style catalogue values count as their number. */
export function compareVersions(a: string, b2: string): number {
  const parse = (v: string): number[] =>
    v
      .replace(/^[<>=]+/, '')
      .split('.')
      .map((n) => Number.parseInt(n, 10) || 0);
  const x = parse(a);
  const y = parse(b2);
  for (let k = 0; k < Math.max(x.length, y.length); k++) {
    const d = (x[k] ?? 0) - (y[k] ?? 0);
    if (d !== 0) {
      return d;
    }
  }
  return 0;
}

/** Known to the parser of `version` (an `ignored` removal is still accepted). */
export function availableIn(d: GenDirective, version: string): boolean {
  if (compareVersions(d.since, version) > 0) {
    return false;
  }
  return !(d.removed && d.removed.kind !== 'ignored' && compareVersions(d.removed.version, version) <= 0);
}

// ---------------------------------------------------------------------------------------------
// Values that 2.0.11 accepts, per directive (the curated part; the catalogue gives the rest)

type ValueFn = (r: Rng) => string;

const topicWord = (r: Rng): string => r.pick(['sensors', 'home', 'plant', 'fleet', 'devices', 'telemetry', 'alerts']);

const VALID_VALUES: Record<string, ValueFn> = {
  max_keepalive: (r) => String(r.int(10, 65535)),
  autosave_interval: (r) => String(r.int(0, 3600)),
  persistent_client_expiration: (r) => `${r.int(1, 30)}${r.pick(['h', 'd', 'w', 'm', 'y'])}`,
  log_timestamp_format: (r) => r.pick(['%Y-%m-%dT%H:%M:%S', '%H:%M:%S', '[%F %T]']),
  clientid_prefixes: (r) => r.pick(['sensor-', 'dev', 'client_']),
  auto_id_prefix: (r) => r.pick(['auto-', 'gen-', 'anon']),
  sys_interval: (r) => String(r.int(0, 3600)),
  max_packet_size: (r) => String(r.int(20, 10000000)),
  message_size_limit: (r) => String(r.int(0, 268435455)),
  memory_limit: (r) => String(r.int(0, 1000000000)),
  max_inflight_messages: (r) => String(r.int(0, 65535)),
  max_queued_messages: (r) => String(r.int(0, 100000)),
  max_inflight_bytes: (r) => String(r.int(0, 1000000)),
  max_queued_bytes: (r) => String(r.int(0, 1000000)),
  log_facility: (r) => String(r.int(0, 7)),
  websockets_log_level: (r) => String(r.int(0, 1023)),
  websockets_headers_size: (r) => String(r.int(0, 65535)),
  user: () => 'mosquitto',
  persistence_file: (r) => r.pick(['broker.db', 'mosquitto.db', 'state.db']),
  max_connections: (r) => String(r.pick([-1, r.int(1, 10000)])),
  max_qos: (r) => String(r.int(0, 2)),
  maximum_qos: (r) => String(r.int(0, 2)),
  max_topic_alias: (r) => String(r.int(0, 65535)),
  mount_point: (r) => `${topicWord(r)}/`,
  idle_timeout: (r) => String(r.int(1, 3600)),
  keepalive_interval: (r) => String(r.int(5, 65535)),
  threshold: (r) => String(r.int(1, 1000)),
  restart_timeout: (r) => (r.chance(0.5) ? String(r.int(1, 60)) : `${r.int(1, 10)} ${r.int(10, 120)}`),
  notification_topic: (r) => `$SYS/broker/connection/${topicWord(r)}/state`,
  remote_username: (r) => r.pick(['bridge', 'edge-1', 'uplink']),
  remote_password: (r) => r.pick(['s3cret', 'changeme', 'p@ss word']),
  local_username: (r) => r.pick(['local', 'edge']),
  local_password: (r) => r.pick(['local-secret', 'pw']),
  bridge_max_packet_size: (r) => String(r.int(20, 1000000)),
  bridge_alpn: () => 'mqtt',
  bridge_bind_address: () => '127.0.0.1',
};

/** Directives the base generator leaves alone: they need files or machines we do not fake,
 * are handled by the structured parts (listeners, TLS, bridges, logging), or change the
 * default listener. Mutations still use many of them. */
const NOT_IN_BASE = new Set([
  'plugin',
  'auth_plugin',
  'global_plugin',
  'plugin_load',
  'plugin_use',
  'auth_opt_*',
  'plugin_opt_*',
  'auth_plugin_deny_special_chars',
  'include_dir',
  'http_dir',
  'bind_interface',
  'bind_address',
  'port',
  'tls_engine',
  'tls_engine_kpass_sha1',
  'tls_keyform',
  'capath',
  'crlfile',
  'dhparamfile',
  'certfile',
  'keyfile',
  'cafile',
  'require_certificate',
  'tls_version',
  'ciphers',
  'ciphers_tls1.3',
  'psk_hint',
  'psk_file',
  'use_identity_as_username',
  'use_subject_as_username',
  'protocol',
  'socket_domain',
  'listener',
  'connection',
  'password_file',
  'acl_file',
  'per_listener_settings',
  'allow_anonymous',
  'log_dest',
  'log_type',
  'pid_file',
  'persistence_location',
  'user',
  'address',
  'addresses',
  'topic',
  'bridge_cafile',
  'bridge_capath',
  'bridge_certfile',
  'bridge_keyfile',
  'bridge_identity',
  'bridge_psk',
  'bridge_insecure',
  'bridge_tls_version',
  'bridge_require_ocsp',
  'bridge_bind_address',
  'clientid',
  'remote_clientid',
  'local_clientid',
  'memory_limit',
  'retry_interval',
  'clientid_prefixes',
  'allow_duplicate_messages',
  'message_size_limit',
  'websockets_origin',
]);

/** A valid 2.0.11 value for a directive: curated first, else derived from its argument facts. */
function validValue(d: GenDirective, r: Rng): string | null {
  const curated = VALID_VALUES[d.name];
  if (curated) {
    return curated(r);
  }
  if (d.args.length !== 1) {
    return null;
  }
  const arg = d.args[0];
  switch (arg.type) {
    case 'bool':
      return r.pick(arg.values && arg.values.length > 0 ? arg.values : ['true', 'false']);
    case 'int':
    case 'int64': {
      if (arg.values && arg.values.length > 0) {
        return r.pick(arg.values);
      }
      const min = arg.min ?? 0;
      const max = Math.min(arg.max ?? 1000, min + 100000);
      return String(r.int(min, max));
    }
    case 'enum':
      return arg.values ? r.pick(arg.values.filter((v) => !NEWER_ENUM_VALUES.has(`${d.name} ${v}`))) : null;
    default:
      return null;
  }
}

/** Enumeration values a newer broker (or another build) knows but 2.0.11 on Linux does not. */
const NEWER_ENUM_VALUES = new Set(['protocol http_api', 'log_dest android', 'log_dest file', 'log_dest dlt']);

interface Pools {
  global: GenDirective[];
  listener: GenDirective[];
  bridge: GenDirective[];
  newer: GenDirective[];
  removed: GenDirective[];
  ignored: GenDirective[];
  names: Set<string>;
  byName: Map<string, GenDirective>;
}

function buildPools(table: DirectiveTable, r: Rng, version: string): Pools {
  const usable = (d: GenDirective): boolean =>
    d.prefix === undefined && !d.name.includes('*') && availableIn(d, version) && !NOT_IN_BASE.has(d.name) && !d.removed && validValue(d, r) !== null;
  const inScope = (...scopes: string[]) => table.directives.filter((d) => scopes.includes(d.scope) && usable(d));
  const named = table.directives.filter((d) => d.prefix === undefined && !d.name.includes('*'));
  return {
    global: inScope('global', 'security'),
    listener: inScope('listener'),
    bridge: inScope('bridge'),
    newer: named.filter((d) => compareVersions(d.since, version) > 0),
    removed: named.filter((d) => d.removed && d.removed.kind === 'unknown' && compareVersions(d.removed.version, version) <= 0),
    ignored: named.filter((d) => d.removed && d.removed.kind === 'ignored' && compareVersions(d.removed.version, version) <= 0),
    names: new Set(named.map((d) => d.name)),
    byName: new Map(named.map((d) => [d.name, d])),
  };
}

// ---------------------------------------------------------------------------------------------
// The configuration model the mutations work on

type SectionKind = 'global' | 'listener' | 'bridge';

interface Line {
  text: string;
  /** Directive keyword, null for comments and blank lines. */
  name: string | null;
  section: SectionKind;
  /** Index of the listener/bridge (order of appearance), -1 for global. */
  sectionIndex: number;
}

/** Files a case may reference (generated per run, copied into each case that names them). */
export interface Fixtures {
  cert: Buffer;
  key: Buffer;
}

class Config {
  lines: Line[] = [];
  eol = '\n';
  bom = false;
  finalNewline = true;
  /** Raw byte surgery applied after rendering (NUL, bad UTF-8). */
  raw: ((bytes: Buffer) => Buffer) | null = null;
  readonly files = new Map<string, SupportFile>();
  listeners: { port: number; index: number; protocol: string; tls: boolean }[] = [];
  bridges: string[] = [];
  usedPorts = new Set<number>();

  constructor(readonly fixtures: Fixtures) {}

  add(text: string, section: SectionKind = 'global', sectionIndex = -1): void {
    this.lines.push({ text, name: keyword(text), section, sectionIndex });
  }
  insert(at: number, text: string, section: SectionKind = 'global', sectionIndex = -1): void {
    this.lines.splice(at, 0, { text, name: keyword(text), section, sectionIndex });
  }
  directives(filter?: (l: Line) => boolean): number[] {
    const out: number[] = [];
    this.lines.forEach((l, k) => {
      if (l.name !== null && (!filter || filter(l))) {
        out.push(k);
      }
    });
    return out;
  }
  /** Index just after a section's last line. */
  endOfSection(kind: SectionKind, index: number): number {
    let end = -1;
    this.lines.forEach((l, k) => {
      if (l.section === kind && l.sectionIndex === index) {
        end = k;
      }
    });
    return end + 1;
  }
  firstLineOf(kind: 'listener' | 'bridge'): number {
    const k = this.lines.findIndex((l) => l.section === kind);
    return k < 0 ? this.lines.length : k;
  }
  freePort(r: Rng): number {
    for (;;) {
      const port = r.pick([1883, 1884, 8883, 8884, 9001, 9883, 10883, r.int(1024, 65000)]);
      if (!this.usedPorts.has(port)) {
        this.usedPorts.add(port);
        return port;
      }
    }
  }
  need(file: 'cert' | 'key' | 'passwd' | 'acl' | 'psk' | 'data/'): string {
    const names = { cert: 'server.crt', key: 'server.key', passwd: 'passwd', acl: 'acl', psk: 'psk', 'data/': 'data/' };
    const name = names[file];
    if (!this.files.has(name)) {
      const contents: Record<string, SupportFile> = {
        cert: { path: name, content: this.fixtures.cert, cacheKey: 'self-signed-ec-cert' },
        key: { path: name, content: this.fixtures.key, mode: 0o600, cacheKey: 'self-signed-ec-key' },
        passwd: { path: name, content: '', mode: 0o600 },
        acl: { path: name, content: 'topic read $SYS/#\n\nuser admin\ntopic readwrite #\n\npattern readwrite devices/%c/#\n' },
        psk: { path: name, content: 'edge-1:deadbeef0123\n' },
        'data/': { path: name },
      };
      this.files.set(name, contents[file]);
    }
    return name;
  }
  render(): Buffer {
    let text = this.lines.map((l) => l.text).join(this.eol);
    if (this.finalNewline) {
      text += this.eol;
    }
    let bytes: Buffer = Buffer.from(text, 'utf8');
    if (this.raw) {
      bytes = this.raw(bytes);
    }
    return this.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
  }
}

function keyword(text: string): string | null {
  if (text.startsWith('#')) {
    return null;
  }
  const token = text.replace(/^ +/, '').split(' ')[0];
  return token === '' ? null : token;
}

// ---------------------------------------------------------------------------------------------
// Valid base configuration

function buildBase(r: Rng, pools: Pools, fixtures: Fixtures): Config {
  const c = new Config(fixtures);
  if (r.chance(0.5)) {
    c.add(r.pick(['# mosquitto configuration', '# Generated test configuration', '# Broker settings for the edge gateway']));
    c.add('');
  }
  const perListener = r.chance(0.2);
  if (perListener) {
    c.add('per_listener_settings true');
  }
  // Global options (security ones only when they stay global).
  const globals = pools.global.filter((d) => !(perListener && d.scope === 'security'));
  for (const d of r.sample(globals, r.int(0, 5))) {
    const value = validValue(d, r);
    if (value !== null) {
      c.add(`${d.name} ${value}`);
    }
  }
  if (r.chance(0.4)) {
    c.add(`pid_file ${r.pick(['broker.pid', 'mosquitto.pid'])}`);
  }
  if (r.chance(0.35)) {
    c.add('persistence true');
    c.add(`persistence_location ${c.need('data/')}`);
  }
  if (r.chance(0.5)) {
    const dests = r.sample(['stderr', 'stdout', 'syslog', 'topic', `file broker.log`], r.int(1, 2));
    for (const dest of dests) {
      c.add(`log_dest ${dest}`);
    }
    for (const type of r.sample(['error', 'warning', 'notice', 'information', 'subscribe', 'all'], r.int(0, 2))) {
      c.add(`log_type ${type}`);
    }
  }
  if (!perListener) {
    addSecurity(c, r, 'global', -1);
  }
  if (c.lines.length > 0 && r.chance(0.5)) {
    c.add('');
  }

  const listenerCount = r.pick([1, 1, 2, 2, 3]);
  for (let n = 0; n < listenerCount; n++) {
    addListener(c, r, pools, perListener, n === listenerCount - 1 && c.listeners.every((l) => l.protocol === 'websockets'));
  }
  const bridgeCount = r.pick([0, 0, 0, 1, 1, 2]);
  for (let n = 0; n < bridgeCount; n++) {
    addBridge(c, r, pools);
  }
  return c;
}

function addSecurity(c: Config, r: Rng, section: SectionKind, index: number): void {
  c.add(`allow_anonymous ${r.pick(['true', 'false', 'true'])}`, section, index);
  if (r.chance(0.35)) {
    c.add(`password_file ${c.need('passwd')}`, section, index);
  }
  if (r.chance(0.25)) {
    c.add(`acl_file ${c.need('acl')}`, section, index);
  }
}

function addListener(c: Config, r: Rng, pools: Pools, perListener: boolean, mustBeMqtt: boolean): void {
  const index = c.listeners.length;
  const port = c.freePort(r);
  const address = r.pick(['', '', '', ' 0.0.0.0', ' 127.0.0.1', ' ::', ' localhost']);
  c.add(`listener ${port}${address}`, 'listener', index);
  const protocol = !mustBeMqtt && r.chance(0.2) ? 'websockets' : 'mqtt';
  if (protocol === 'websockets' || r.chance(0.1)) {
    c.add(`protocol ${protocol}`, 'listener', index);
  }
  const tls = r.chance(0.3);
  if (tls) {
    c.add(`certfile ${c.need('cert')}`, 'listener', index);
    c.add(`keyfile ${c.need('key')}`, 'listener', index);
    if (r.chance(0.5)) {
      c.add(`cafile ${c.need('cert')}`, 'listener', index);
      if (r.chance(0.5)) {
        c.add(`require_certificate ${r.pick(['true', 'false'])}`, 'listener', index);
      }
      if (r.chance(0.3)) {
        c.add(`${r.pick(['use_identity_as_username', 'use_subject_as_username'])} ${r.pick(['true', 'false'])}`, 'listener', index);
      }
    }
    if (r.chance(0.4)) {
      c.add(`tls_version ${r.pick(['tlsv1.2', 'tlsv1.3', 'tlsv1.1'])}`, 'listener', index);
    }
    if (r.chance(0.2)) {
      c.add(`ciphers ${r.pick(['HIGH:!aNULL:!MD5', 'ECDHE-ECDSA-AES256-GCM-SHA384'])}`, 'listener', index);
    }
  } else if (protocol === 'mqtt' && r.chance(0.08)) {
    c.add(`psk_hint ${r.pick(['edge', 'hint one'])}`, 'listener', index);
    if (!perListener) {
      c.add(`psk_file ${c.need('psk')}`);
    } else {
      c.add(`psk_file ${c.need('psk')}`, 'listener', index);
    }
  }
  if (address === '' && r.chance(0.15)) {
    c.add(`socket_domain ${r.pick(['ipv4', 'ipv6'])}`, 'listener', index);
  }
  for (const d of r.sample(pools.listener, r.int(0, 2))) {
    const value = validValue(d, r);
    if (value !== null) {
      c.add(`${d.name} ${value}`, 'listener', index);
    }
  }
  if (perListener) {
    addSecurity(c, r, 'listener', index);
  }
  c.listeners.push({ port, index, protocol, tls });
}

function addBridge(c: Config, r: Rng, pools: Pools): void {
  const index = c.bridges.length;
  const name = `${r.pick(['uplink', 'cloud', 'edge', 'bridge'])}-${index + 1}`;
  c.bridges.push(name);
  if (r.chance(0.5)) {
    c.add('');
  }
  c.add(`connection ${name}`, 'bridge', index);
  const port = r.int(20000, 30000);
  c.add(`${r.pick(['address', 'address', 'addresses'])} 127.0.0.1:${port}${r.chance(0.2) ? ` 127.0.0.2:${port}` : ''}`, 'bridge', index);
  const topics = r.int(1, 3);
  for (let n = 0; n < topics; n++) {
    const pattern = r.pick([`${topicWord(r)}/#`, '#', `${topicWord(r)}/+/state`]);
    const form = r.int(0, 3);
    const text =
      form === 0
        ? pattern
        : form === 1
          ? `${pattern} ${r.pick(['in', 'out', 'both'])}`
          : form === 2
            ? `${pattern} ${r.pick(['in', 'out', 'both'])} ${r.int(0, 2)}`
            : `${pattern} ${r.pick(['in', 'out', 'both'])} ${r.int(0, 2)} local/ remote/`;
    c.add(`topic ${text}`, 'bridge', index);
  }
  c.add(`local_clientid local.${name}`, 'bridge', index);
  for (const d of r.sample(
    pools.bridge.filter((x) => !['local_clientid'].includes(x.name)),
    r.int(0, 3),
  )) {
    const value = validValue(d, r);
    if (value !== null) {
      c.add(`${d.name} ${value}`, 'bridge', index);
    }
  }
  const tls = r.int(0, 5);
  if (tls === 1) {
    c.add(`bridge_cafile ${c.need('cert')}`, 'bridge', index);
    if (r.chance(0.5)) {
      c.add(`bridge_insecure ${r.pick(['true', 'false'])}`, 'bridge', index);
    }
  } else if (tls === 2) {
    c.add('bridge_identity edge-1', 'bridge', index);
    c.add('bridge_psk deadbeef0123', 'bridge', index);
  }
}

// ---------------------------------------------------------------------------------------------
// Mutations

type Mutation = (c: Config, r: Rng, pools: Pools) => string | null;

const BOOL_DIRECTIVES = [
  'allow_anonymous',
  'persistence',
  'log_timestamp',
  'retain_available',
  'queue_qos0_messages',
  'connection_messages',
  'set_tcp_nodelay',
];

function directiveLine(c: Config, r: Rng, filter?: (l: Line) => boolean): number | null {
  const candidates = c.directives(filter);
  return candidates.length > 0 ? r.pick(candidates) : null;
}

/** Where a global line can go without changing the meaning of section lines. */
function globalSpot(c: Config, r: Rng): number {
  return r.chance(0.6) ? r.int(0, c.firstLineOf('listener')) : c.lines.length;
}

function typoOf(name: string, r: Rng, names: Set<string>): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const k = r.int(0, name.length - 1);
    const kind = r.int(0, 4);
    let out = name;
    if (kind === 0 && k < name.length - 1) {
      out = name.slice(0, k) + name[k + 1] + name[k] + name.slice(k + 2);
    } else if (kind === 1) {
      out = name.slice(0, k) + name.slice(k + 1);
    } else if (kind === 2) {
      out = name.slice(0, k) + name[k] + name.slice(k);
    } else if (kind === 3) {
      out = name.replace(/_/g, '-');
    } else {
      out = name.slice(0, k) + String.fromCharCode(97 + r.int(0, 25)) + name.slice(k + 1);
    }
    if (out !== name && out !== '' && !names.has(out)) {
      return out;
    }
  }
  return `${name}x`;
}

const MUTATIONS: Record<string, Mutation> = {
  valid: () => 'no mutation',

  'typo-directive': (c, r, pools) => {
    const k = directiveLine(c, r);
    if (k === null) {
      return null;
    }
    const line = c.lines[k];
    const name = line.name as string;
    const typo = typoOf(name, r, pools.names);
    line.text = line.text.replace(name, typo);
    line.name = typo;
    return `${name} -> ${typo} (line ${k + 1})`;
  },

  'directive-case': (c, r) => {
    const k = directiveLine(c, r);
    if (k === null) {
      return null;
    }
    const line = c.lines[k];
    const name = line.name as string;
    const cased = r.chance(0.5) ? name[0].toUpperCase() + name.slice(1) : name.toUpperCase();
    line.text = line.text.replace(name, cased);
    return `${name} -> ${cased} (line ${k + 1})`;
  },

  'unknown-directive': (c, r) => {
    const text = r.pick([
      'daemon true',
      'sudo systemctl restart mosquitto',
      'listener_port 1883',
      '{{ mqtt_port }}',
      'graph_interval 10',
      'log_retain true',
      'max_clients 100',
      'ssl true',
      'bind 0.0.0.0',
      '[broker]',
    ]);
    const at = globalSpot(c, r);
    c.insert(at, text);
    return `${text} (line ${at + 1})`;
  },

  'bad-bool': (c, r) => {
    const value = r.pick(['yes', 'no', 'on', 'off', 'TRUE', 'False', '2', 'enabled', 'true,', '"true"', '-1']);
    const existing = directiveLine(c, r, (l) => BOOL_DIRECTIVES.includes(l.name ?? ''));
    if (existing !== null && r.chance(0.5)) {
      const line = c.lines[existing];
      line.text = `${line.name} ${value}`;
      return `${line.text} (line ${existing + 1})`;
    }
    const text = `${r.pick(BOOL_DIRECTIVES)} ${value}`;
    const at = globalSpot(c, r);
    c.insert(at, text);
    return `${text} (line ${at + 1})`;
  },

  'bad-enum': (c, r) => {
    const options: [string, SectionKind][] = [
      [`protocol ${r.pick(['mqtts', 'ws', 'MQTT', 'websocket', 'http', 'tcp'])}`, 'listener'],
      [`socket_domain ${r.pick(['ipv5', 'IPv4', 'inet', 'both'])}`, 'listener'],
      [`log_dest ${r.pick(['console', 'File', 'stdout,stderr', 'journal', 'syslog2'])}`, 'global'],
      [`log_type ${r.pick(['warn', 'info', 'errors', 'ALL', 'verbose'])}`, 'global'],
      [`bridge_protocol_version ${r.pick(['mqttv5', 'v311', 'mqtt311', 'MQTTv311', '5'])}`, 'bridge'],
      [`start_type ${r.pick(['manual', 'auto', 'immediate', 'Lazy'])}`, 'bridge'],
      [`tls_version ${r.pick(['tlsv1', 'tlsv1.0', 'TLSv1.2', 'tls1.2', 'tlsv1.4'])}`, 'listener'],
      [`topic ${topicWord(r)}/# ${r.pick(['sideways', 'input', 'up', 'inout'])} 0`, 'bridge'],
      [`log_dest ${r.pick(['android', 'file'])}`, 'global'],
    ];
    const [text, section] = r.pick(options);
    return placeIn(c, r, text, section);
  },

  'int-not-a-number': (c, r) => {
    const name = r.pick([
      'max_queued_messages',
      'max_inflight_messages',
      'sys_interval',
      'autosave_interval',
      'max_connections',
      'max_keepalive',
      'max_packet_size',
      'message_size_limit',
      'log_facility',
      'max_qos',
      'memory_limit',
    ]);
    const value = r.pick(['abc', '100abc', '1e3', '-5', '0x10', '10.5', '"100"', '1_000', '100MB', '3600s']);
    const section: SectionKind = ['max_connections', 'max_qos'].includes(name) ? 'listener' : 'global';
    return placeIn(c, r, `${name} ${value}`, section);
  },

  'out-of-range': (c, r) => {
    const [text, section] = r.pick<[string, SectionKind]>([
      [`max_keepalive ${r.pick([0, 5, 9, 65536, 100000])}`, 'global'],
      [`max_qos ${r.pick([3, -1, 5])}`, 'listener'],
      [`log_facility ${r.pick([8, -1, 23])}`, 'global'],
      [`sys_interval ${r.pick([-1, 65536])}`, 'global'],
      [`message_size_limit ${r.pick([268435456, 300000000, -1])}`, 'global'],
      [`max_packet_size ${r.pick([0, 10, 19, -1])}`, 'global'],
      [`max_inflight_messages ${r.pick([65536, 70000, -1])}`, 'global'],
      [`keepalive_interval ${r.pick([65536, 100000, 0, 1])}`, 'bridge'],
      [`websockets_headers_size ${r.pick([65536, -1])}`, 'global'],
      [`max_topic_alias ${r.pick([65536, -1])}`, 'listener'],
      [`memory_limit ${r.pick([-1, -1000])}`, 'global'],
      [`autosave_interval ${r.pick([-1, -60])}`, 'global'],
      [`restart_timeout ${r.pick(['30 10', '0', '-5 10'])}`, 'bridge'],
      [`threshold ${r.pick([0, -1])}`, 'bridge'],
    ]);
    return placeIn(c, r, text, section);
  },

  'bad-port': (c, r) => {
    const value = r.pick(['0', '65536', '99999', '-1', 'abc', '1883abc', 'mqtt', '1883.5', '']);
    const k = directiveLine(c, r, (l) => l.name === 'listener');
    if (k !== null && r.chance(0.7)) {
      const rest = c.lines[k].text.split(' ').slice(2).join(' ');
      c.lines[k].text = `listener ${value}${rest ? ` ${rest}` : ''}`.trimEnd();
      return `${c.lines[k].text} (line ${k + 1})`;
    }
    const text = r.chance(0.5) ? `port ${value}` : `listener ${value} 127.0.0.1`;
    c.insert(c.lines.length, text, text.startsWith('listener') ? 'listener' : 'global', c.listeners.length);
    return `${text} (line ${c.lines.length})`;
  },

  'port-clash': (c, r) => {
    const existing = c.listeners[0];
    if (!existing) {
      return null;
    }
    const kind = r.int(0, 2);
    if (kind === 0) {
      c.add(`listener ${existing.port}`, 'listener', c.listeners.length);
      return `second listener ${existing.port}`;
    }
    if (kind === 1) {
      c.insert(0, `port ${existing.port}`);
      return `port ${existing.port} and listener ${existing.port}`;
    }
    // A listener option before the first listener configures the default listener (1883).
    if (!c.usedPorts.has(1883)) {
      const k = c.lines.findIndex((l) => l.name === 'listener');
      c.lines[k].text = c.lines[k].text.replace(/^listener \d+/, 'listener 1883');
    }
    const option = r.pick(['max_connections 100', 'socket_domain ipv4', 'use_username_as_clientid true', 'protocol mqtt']);
    c.insert(c.firstLineOf('listener'), option);
    return `${option} before the first listener (default listener on 1883)`;
  },

  'wrong-section': (c, r) => {
    const kind = r.int(0, 3);
    if (kind <= 1) {
      const text = r.pick([
        'keepalive_interval 60',
        `address 127.0.0.1:${r.int(20000, 30000)}`,
        `topic ${topicWord(r)}/# out 1`,
        'remote_username edge',
        'cleansession true',
        'try_private false',
        'notifications false',
        'start_type lazy',
        'bridge_protocol_version mqttv311',
        'restart_timeout 30',
        'round_robin true',
        'bridge_insecure true',
      ]);
      const at = r.int(0, c.firstLineOf('bridge'));
      c.insert(at, text);
      return `bridge option ${text.split(' ')[0]} before any connection (line ${at + 1})`;
    }
    if (kind === 2) {
      const text = r.pick(['mount_point tenant/', 'max_connections 10', 'tls_version tlsv1.2', 'require_certificate false']);
      // Remove every listener so the option has none to attach to.
      c.lines = c.lines.filter((l) => l.section !== 'listener');
      c.listeners = [];
      c.insert(0, text);
      return `${text} with no listener`;
    }
    if (c.bridges.length === 0) {
      return null;
    }
    const text = r.pick(['max_queued_messages 200', 'log_timestamp false', 'allow_anonymous true', 'persistence false']);
    const at = c.endOfSection('bridge', 0);
    c.insert(at, text, 'bridge', 0);
    return `global option ${text.split(' ')[0]} inside bridge section (line ${at + 1})`;
  },

  'duplicate-option': (c, r) => {
    const kind = r.int(0, 3);
    if (kind === 0) {
      const name = r.pick(['pid_file', 'persistence_file', 'clientid_prefixes', 'auto_id_prefix', 'log_timestamp_format', 'user', 'password_file', 'acl_file']);
      const value =
        name === 'password_file'
          ? c.need('passwd')
          : name === 'acl_file'
            ? c.need('acl')
            : name === 'user'
              ? 'mosquitto'
              : name === 'pid_file'
                ? 'broker.pid'
                : name === 'persistence_file'
                  ? 'broker.db'
                  : name === 'clientid_prefixes'
                    ? 'dev'
                    : name === 'auto_id_prefix'
                      ? 'auto-'
                      : '%H:%M:%S';
      c.insert(globalSpot(c, r), `${name} ${value}`);
      c.add(`${name} ${value}`);
      return `${name} twice`;
    }
    if (kind === 1 && c.listeners.length > 0) {
      const l = r.pick(c.listeners);
      const text = r.pick([`certfile ${c.need('cert')}`, `cafile ${c.need('cert')}`, 'mount_point a/', `keyfile ${c.need('key')}`]);
      const at = c.endOfSection('listener', l.index);
      c.insert(at, text, 'listener', l.index);
      c.insert(at, text, 'listener', l.index);
      return `${text.split(' ')[0]} twice in listener ${l.port}`;
    }
    if (kind === 2 && c.bridges.length > 0) {
      const text = r.pick([
        'clientid edge-a',
        'remote_username u',
        'notification_topic n/state',
        'remote_password p',
        `address 127.0.0.1:${r.int(20000, 30000)}`,
        'local_clientid dup',
      ]);
      const at = c.endOfSection('bridge', 0);
      c.insert(at, text, 'bridge', 0);
      c.insert(at, text.replace(/ \S+$/, ' other'), 'bridge', 0);
      return `${text.split(' ')[0]} twice in bridge ${c.bridges[0]}`;
    }
    const name = r.pick(['allow_anonymous true', 'max_keepalive 60', 'persistence false', 'log_timestamp true']);
    c.add(name);
    c.add(name.replace(/ \S+$/, name.endsWith('60') ? ' 120' : ' false'));
    return `${name.split(' ')[0]} twice (last one wins)`;
  },

  'tls-pair-broken': (c, r) => {
    const index = c.listeners.length;
    const port = c.freePort(r);
    c.add(`listener ${port}`, 'listener', index);
    const kind = r.int(0, 6);
    const lines = [
      [`certfile ${c.need('cert')}`],
      [`keyfile ${c.need('key')}`],
      [`cafile ${c.need('cert')}`],
      [`cafile ${c.need('cert')}`, 'require_certificate true'],
      ['require_certificate true', 'tls_version tlsv1.2'],
      [`certfile ${c.need('cert')}`, `keyfile ${c.need('key')}`, 'psk_hint edge'],
      [`certfile ${c.need('cert')}`, `cafile ${c.need('cert')}`],
    ][kind];
    for (const text of lines) {
      c.add(text, 'listener', index);
    }
    c.listeners.push({ port, index, protocol: 'mqtt', tls: false });
    return `listener ${port} with ${lines.map((t) => t.split(' ')[0]).join(' + ')}`;
  },

  'bridge-tls-broken': (c, r) => {
    if (c.bridges.length === 0) {
      addBridge(c, r, { ...emptyPools });
    }
    const at = c.endOfSection('bridge', 0);
    const kind = r.int(0, 3);
    const lines = [
      ['bridge_identity edge-1'],
      ['bridge_psk deadbeef'],
      [`bridge_cafile ${c.need('cert')}`, 'bridge_identity edge-1', 'bridge_psk deadbeef'],
      [`bridge_certfile ${c.need('cert')}`],
    ][kind];
    lines.forEach((text, n) => c.insert(at + n, text, 'bridge', 0));
    return `bridge ${c.bridges[0]} with ${lines.map((t) => t.split(' ')[0]).join(' + ')}`;
  },

  'bridge-incomplete': (c, r) => {
    if (c.bridges.length === 0) {
      addBridge(c, r, { ...emptyPools });
    }
    const kind = r.int(0, 4);
    if (kind === 0) {
      c.lines = c.lines.filter((l) => !(l.section === 'bridge' && l.sectionIndex === 0 && (l.name === 'address' || l.name === 'addresses')));
      return `bridge ${c.bridges[0]} without address`;
    }
    if (kind === 1) {
      c.lines = c.lines.filter((l) => !(l.section === 'bridge' && l.sectionIndex === 0 && l.name === 'topic'));
      return `bridge ${c.bridges[0]} without topic`;
    }
    if (kind === 2) {
      const k = c.lines.findIndex((l) => l.name === 'connection');
      c.lines[k].text = r.pick(['connection', 'connection ']);
      return `connection without a name (line ${k + 1})`;
    }
    const k = c.lines.findIndex((l) => l.name === 'address' || l.name === 'addresses');
    c.lines[k].text = `address ${r.pick(['127.0.0.1:0', '127.0.0.1:70000', '<HOST>:<PORT>', '127.0.0.1:abc', 'broker.example:__PORT__'])}`;
    return `${c.lines[k].text} (line ${k + 1})`;
  },

  'bridge-topic': (c, r) => {
    if (c.bridges.length === 0) {
      addBridge(c, r, { ...emptyPools });
    }
    const text = `topic ${r.pick([
      `${topicWord(r)}/# out 3`,
      '# both 0 local/# remote/',
      '"" out 0',
      '"" both 1 a/',
      `${topicWord(r)}/# in 0 local/+ remote/`,
      `${topicWord(r)}/# both -1`,
      `${topicWord(r)}/# both 0 "" ""`,
      '# in 2 "" remote/',
    ])}`;
    const at = c.endOfSection('bridge', 0);
    c.insert(at, text, 'bridge', 0);
    return `${text} (line ${at + 1})`;
  },

  'duplicate-bridge': (c, r) => {
    if (c.bridges.length === 0) {
      addBridge(c, r, { ...emptyPools });
    }
    const name = c.bridges[0];
    const kind = r.int(0, 1);
    addBridge(c, r, { ...emptyPools });
    const second = c.bridges.length - 1;
    if (kind === 0) {
      const k = c.lines.findIndex((l) => l.section === 'bridge' && l.sectionIndex === second && l.name === 'connection');
      c.lines[k].text = `connection ${name}`;
      return `two bridges named ${name}`;
    }
    const k = c.lines.findIndex((l) => l.section === 'bridge' && l.sectionIndex === second && l.name === 'local_clientid');
    c.lines[k].text = `local_clientid local.${name}`;
    return `two bridges with local_clientid local.${name}`;
  },

  'tab-separator': (c, r) => {
    const kind = r.int(0, 3);
    if (kind === 0) {
      const k = directiveLine(c, r, (l) => l.text.includes(' '));
      if (k === null) {
        return null;
      }
      c.lines[k].text = c.lines[k].text.replace(' ', '\t');
      return `tab between keyword and value (line ${k + 1})`;
    }
    if (kind === 1) {
      const k = directiveLine(c, r, (l) => BOOL_DIRECTIVES.includes(l.name ?? '') || l.name === 'listener' || /^max_/.test(l.name ?? ''));
      if (k === null) {
        return null;
      }
      c.lines[k].text += '\t';
      return `trailing tab (line ${k + 1})`;
    }
    if (kind === 2) {
      const at = r.int(0, c.lines.length);
      c.insert(at, r.pick(['\t', '\t\t', ' \t']));
      return `line of only tabs (line ${at + 1})`;
    }
    const at = globalSpot(c, r);
    c.insert(at, `${r.pick(['persistence_file', 'clientid_prefixes', 'log_timestamp_format'])} a\tb`);
    return `tab inside a string value (line ${at + 1})`;
  },

  'indented-comment': (c, r) => {
    const at = r.int(0, c.lines.length);
    const text = `${r.pick([' ', '  ', '    '])}# ${r.pick(['comment', 'listener 1883', 'TLS settings'])}`;
    c.insert(at, text, at > 0 ? c.lines[at - 1].section : 'global', at > 0 ? c.lines[at - 1].sectionIndex : -1);
    return `indented comment (line ${at + 1})`;
  },

  'indented-directive': (c, r) => {
    const k = directiveLine(c, r);
    if (k === null) {
      return null;
    }
    c.lines[k].text = `${r.pick(['  ', '    ', ' '])}${c.lines[k].text}`;
    return `directive indented with spaces (line ${k + 1})`;
  },

  'trailing-comment': (c, r) => {
    const comment = r.pick([' # comment', ' #default', '  # see docs', ' # 1883']);
    const kind = r.int(0, 2);
    if (kind === 0) {
      const k = directiveLine(c, r);
      if (k === null) {
        return null;
      }
      c.lines[k].text += comment;
      return `comment after ${c.lines[k].name} (line ${k + 1})`;
    }
    if (kind === 1 && c.listeners.some((l) => l.tls)) {
      const l = c.listeners.find((x) => x.tls) as { index: number };
      const text = `tls_version tlsv1.2${comment}`;
      c.insert(c.endOfSection('listener', l.index), text, 'listener', l.index);
      return `${text} on a TLS listener`;
    }
    const text = `${r.pick(['persistence_file broker.db', 'pid_file broker.pid', 'clientid_prefixes dev', 'log_timestamp_format %H:%M:%S', 'user mosquitto', 'max_queued_messages 100', 'allow_anonymous true'])}${comment}`;
    const at = globalSpot(c, r);
    c.insert(at, text);
    return `${text} (line ${at + 1})`;
  },

  bom: (c) => {
    c.bom = true;
    return 'UTF-8 byte order mark';
  },

  crlf: (c, r) => {
    c.eol = '\r\n';
    c.finalNewline = r.chance(0.8);
    return 'CRLF line endings';
  },

  'cr-only': (c) => {
    c.eol = '\r';
    return 'CR-only (classic Mac) line endings';
  },

  'no-final-newline': (c) => {
    c.finalNewline = false;
    return 'no newline at end of file';
  },

  'version-newer': (c, r, pools) => {
    const d = pools.newer.length > 0 && r.chance(0.7) ? r.pick(pools.newer) : null;
    if (d) {
      const value = validValue(d, r) ?? r.pick(['true', '1', 'name /usr/lib/x.so', 'mqtt']);
      const section: SectionKind = d.scope === 'bridge' ? 'bridge' : d.scope === 'listener' ? 'listener' : 'global';
      return placeIn(c, r, `${d.name} ${value}`, section, `since ${d.since}`);
    }
    const [text, section] = r.pick<[string, SectionKind]>([
      ['protocol http_api', 'listener'],
      ['persistent_client_expiration 3600s', 'global'],
      ['persistent_client_expiration 30s', 'global'],
      ['retain_expiry_interval 60', 'global'],
      ['accept_protocol_versions 4,5', 'listener'],
      ['topic "a b/#" out 0', 'bridge'],
    ]);
    return placeIn(c, r, text, section, 'newer value');
  },

  'version-removed': (c, r, pools) => {
    const d = pools.removed.length > 0 && r.chance(0.8) ? r.pick(pools.removed) : null;
    const text = d ? `${d.name} ${r.pick(['10', '1', 'stdout'])}` : r.pick(['store_clean_interval 10', 'trace_level 5']);
    const at = globalSpot(c, r);
    c.insert(at, text);
    return `${text} (removed in 2.0, line ${at + 1})`;
  },

  'deprecated-accepted': (c, r) => {
    const kind = r.int(0, 4);
    const port = c.freePort(r);
    const text = [
      `port ${port}`,
      `bind_address 127.0.0.1\nport ${port}`,
      'retry_interval 20',
      `allow_duplicate_messages ${r.pick(['true', 'false'])}`,
      `message_size_limit ${r.int(0, 1000000)}`,
    ][kind];
    const at = globalSpot(c, r);
    text.split('\n').forEach((t, n) => c.insert(at + n, t));
    return `${text.replace('\n', ' + ')}`;
  },

  'empty-value': (c, r) => {
    const text = r.pick([
      'allow_anonymous',
      'pid_file',
      'pid_file    ',
      'persistence_file',
      'max_keepalive',
      'log_dest',
      'log_type',
      'user',
      'password_file',
      'clientid_prefixes   ',
      'include_dir',
      'auth_plugin',
      'log_dest file',
    ]);
    const at = globalSpot(c, r);
    c.insert(at, text);
    return `'${text}' without value (line ${at + 1})`;
  },

  'assignment-syntax': (c, r) => {
    const text = r.pick([
      'allow_anonymous = true',
      'allow_anonymous=true',
      'max_keepalive = 60',
      'persistence: true',
      'listener = 1883',
      'pid_file = broker.pid',
      'log_dest=stderr',
    ]);
    const at = globalSpot(c, r);
    c.insert(at, text, text.startsWith('listener') ? 'listener' : 'global', c.listeners.length);
    return `${text} (line ${at + 1})`;
  },

  'per-listener-order': (c, r) => {
    const text = r.pick(['allow_anonymous true', `password_file ${c.need('passwd')}`, 'auto_id_prefix x-', `acl_file ${c.need('acl')}`]);
    c.lines = c.lines.filter((l) => l.name !== 'per_listener_settings');
    c.insert(0, text);
    const at = r.int(1, c.lines.length);
    c.insert(at, `per_listener_settings ${r.pick(['true', 'false'])}`);
    return `per_listener_settings (line ${at + 1}) after ${text.split(' ')[0]}`;
  },

  'plugin-option-orphan': (c, r) => {
    const text = r.pick(['auth_opt_backend files', 'auth_opt_host localhost', 'plugin_opt_db /tmp/x', 'auth_plugin_deny_special_chars false', 'auth_opt_ab x']);
    const at = globalSpot(c, r);
    c.insert(at, text);
    return `${text} without a plugin (line ${at + 1})`;
  },

  'websockets-only': (c) => {
    const ports = c.listeners;
    if (ports.length === 0) {
      return null;
    }
    for (const l of ports) {
      const k = c.lines.findIndex((x) => x.section === 'listener' && x.sectionIndex === l.index && x.name === 'protocol');
      if (k >= 0) {
        c.lines[k].text = 'protocol websockets';
      } else {
        const header = c.lines.findIndex((x) => x.section === 'listener' && x.sectionIndex === l.index && x.name === 'listener');
        c.insert(header + 1, 'protocol websockets', 'listener', l.index);
      }
      l.protocol = 'websockets';
    }
    return `every listener (${ports.length}) uses websockets`;
  },

  'unix-socket': (c, r) => {
    const text = r.pick(['listener 0 mqtt.sock', 'listener 0', `listener 0 ${'x'.repeat(120)}.sock`, 'listener 0 ./broker.sock']);
    const index = c.listeners.length;
    c.add(text, 'listener', index);
    c.listeners.push({ port: 0, index, protocol: 'mqtt', tls: false });
    return text.length > 40 ? 'unix socket path longer than sun_path' : text;
  },

  'mount-point': (c, r) => {
    if (c.listeners.length === 0) {
      return null;
    }
    const l = r.pick(c.listeners);
    const text = `mount_point ${r.pick(['tenant/#/', 'a/+/', 'clients/', 'x', '#'])}`;
    c.insert(c.endOfSection('listener', l.index), text, 'listener', l.index);
    return `${text} on listener ${l.port}`;
  },

  'bad-utf8': (c, r) => {
    const at = globalSpot(c, r);
    c.insert(at, `persistence_file broker-@@.db`);
    const kind = r.int(0, 2);
    const bad = [Buffer.from([0xff, 0xfe]), Buffer.from([0xc3, 0x28]), Buffer.from([0x01])][kind];
    c.raw = (bytes) => {
      const marker = bytes.indexOf('@@');
      return Buffer.concat([bytes.subarray(0, marker), bad, bytes.subarray(marker + 2)]);
    };
    return `${['invalid UTF-8', 'invalid UTF-8 sequence', 'control character'][kind]} in a string value (line ${at + 1})`;
  },

  'nul-byte': (c, r) => {
    const at = r.int(0, c.lines.length);
    c.insert(at, '@@NUL@@');
    c.raw = (bytes) => {
      const marker = bytes.indexOf('@@NUL@@');
      return Buffer.concat([bytes.subarray(0, marker), Buffer.from([0]), bytes.subarray(marker + 7)]);
    };
    return `NUL byte (line ${at + 1})`;
  },

  'garbage-after-value': (c, r) => {
    const text = r.pick([
      'allow_anonymous true false',
      'max_keepalive 60 seconds',
      'listener 1883 0.0.0.0 extra',
      'persistence true # and more',
      'log_type error warning',
      'log_dest stdout stderr',
    ]);
    if (text.startsWith('listener')) {
      const port = c.freePort(r);
      const index = c.listeners.length;
      c.add(text.replace('1883', String(port)), 'listener', index);
      c.listeners.push({ port, index, protocol: 'mqtt', tls: false });
      return `${text} (extra tokens)`;
    }
    const at = globalSpot(c, r);
    c.insert(at, text);
    return `${text} (line ${at + 1})`;
  },
  'include-dir': (c, r, pools) => includeDirMutation(c, r, pools),
};

/** include_dir: some global lines move into `conf.d/10-part.conf` (read in place of the
 * include_dir line); half of the time the included file also gets a mistake, so the broker
 * names a line of the included file. */
function includeDirMutation(c: Config, r: Rng, pools: Pools): string | null {
  const globals = c.directives((l) => l.section === 'global' && l.name !== 'per_listener_settings');
  if (globals.length === 0) {
    return null;
  }
  const moved = r.sample(globals, r.int(1, Math.min(3, globals.length))).sort((a, b) => a - b);
  const at = moved[0];
  const included = moved.map((k) => c.lines[k].text);
  for (const k of [...moved].reverse()) {
    c.lines.splice(k, 1);
  }
  let note = '';
  if (r.chance(0.5)) {
    const where = r.int(0, included.length);
    const bad = r.pick([`${typoOf('allow_anonymous', r, pools.names)} true`, 'max_inflight_messages lots', 'log_type nonsense']);
    included.splice(where, 0, bad);
    note = `, '${bad}' on line ${where + 1} of it`;
  }
  const folder = r.pick(['conf.d', 'mosquitto.d']);
  c.insert(at, `include_dir ${folder}`);
  c.files.set(`${folder}/10-part.conf`, { path: `${folder}/10-part.conf`, content: `${included.join('\n')}\n` });
  return `include_dir ${folder} (line ${at + 1}) with ${moved.length} global line(s)${note}`;
}

const emptyPools: Pools = { global: [], listener: [], bridge: [], newer: [], removed: [], ignored: [], names: new Set(), byName: new Map() };

/** Puts a line where its section makes sense (a listener/bridge is created when missing). */
function placeIn(c: Config, r: Rng, text: string, section: SectionKind, note = ''): string {
  let at: number;
  let index = -1;
  if (section === 'listener') {
    if (c.listeners.length === 0) {
      addListener(c, r, emptyPools, false, true);
    }
    const l = r.pick(c.listeners);
    index = l.index;
    at = c.endOfSection('listener', l.index);
  } else if (section === 'bridge') {
    if (c.bridges.length === 0) {
      addBridge(c, r, emptyPools);
    }
    index = r.int(0, c.bridges.length - 1);
    at = c.endOfSection('bridge', index);
  } else {
    at = globalSpot(c, r);
  }
  c.insert(at, text, section, index);
  return `${text} (line ${at + 1}${note ? `, ${note}` : ''})`;
}

/** Mutation labels, in the order cases cycle through them ('valid' = no mutation). */
export const LABELS: readonly string[] = Object.keys(MUTATIONS);

// ---------------------------------------------------------------------------------------------
// Fixtures and the case list

/** One self-signed EC certificate (CA:TRUE, CN=localhost) and its key, made with openssl. */
export function makeFixtures(): Fixtures {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosq-gen-cert-'));
  try {
    const result = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
        '-days',
        '3650',
        '-subj',
        '/CN=localhost',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
      ],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) {
      throw new Error(`openssl could not make the test certificate: ${result.stderr || result.error?.message}`);
    }
    return { cert: fs.readFileSync(path.join(dir, 'cert.pem')), key: fs.readFileSync(path.join(dir, 'key.pem')) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface GenerateOptions {
  seed?: number;
  count?: number;
  fixtures: Fixtures;
  table?: DirectiveTable;
  /** The release the cases target (default TARGET_VERSION): which directives are current,
   * newer or removed. */
  version?: string;
}

/** The generated cases: case k gets label LABELS[k % LABELS.length] (so every label is covered
 * evenly); a mutation that does not apply to its base falls back to another base. */
export function generateCases(options: GenerateOptions): GeneratedCase[] {
  const seed = options.seed ?? seedFromEnv();
  const count = options.count ?? countFromEnv();
  const table = options.table ?? loadDirectiveTable();
  const version = options.version ?? TARGET_VERSION;
  const cases: GeneratedCase[] = [];
  for (let k = 0; k < count; k++) {
    const label = LABELS[k % LABELS.length];
    let detail: string | null = null;
    let config: Config | null = null;
    for (let attempt = 0; detail === null && attempt < 20; attempt++) {
      const r = Rng.forCase(seed, k * 31 + attempt);
      const pools = buildPools(table, r, version);
      config = buildBase(r, pools, options.fixtures);
      detail = MUTATIONS[label](config, r, pools);
    }
    if (config === null || detail === null) {
      continue;
    }
    cases.push({
      id: `gen-${seed}-${String(k).padStart(4, '0')}`,
      label,
      detail,
      config: config.render(),
      files: [...config.files.values()],
    });
  }
  return cases;
}

/** Values for listener and security options the value table has none for (files from the case folder). */
const SWEEP_VALUES: Record<string, (c: Config) => string> = {
  accept_protocol_versions: () => '4,5',
  auto_id_prefix: () => 'auto-',
  listener_auto_id_prefix: () => 'auto-',
  bind_interface: () => 'lo',
  cafile: (c) => c.need('cert'),
  certfile: (c) => c.need('cert'),
  keyfile: (c) => c.need('key'),
  crlfile: (c) => c.need('cert'),
  dhparamfile: (c) => c.need('cert'),
  capath: (c) => c.need('data/'),
  http_dir: (c) => c.need('data/'),
  acl_file: (c) => c.need('acl'),
  password_file: (c) => c.need('passwd'),
  psk_file: (c) => c.need('psk'),
  auth_plugin: () => '/usr/lib/mosquitto-oracle-missing/plugin.so',
  plugin: () => '/usr/lib/mosquitto-oracle-missing/plugin.so',
  plugin_use: () => 'auth',
  ciphers: () => 'HIGH',
  'ciphers_tls1.3': () => 'TLS_AES_128_GCM_SHA256',
  psk_hint: () => 'hint',
  tls_engine: () => 'dynamic',
  tls_engine_kpass_sha1: () => '0123456789abcdef0123456789abcdef01234567',
  websockets_origin: () => 'example.com',
};

/**
 * One case per listener option of the catalogue (and per security option, with
 * `per_listener_settings true`) known to `version`: the option with a valid value above
 * `listener 1883`. Whether it opens the default listener on 1883 (and clashes), is refused for
 * want of a listener (2.1), or is simply kept for later differs per option and release.
 */
export function listenerOptionFirstCases(options: { fixtures: Fixtures; table?: DirectiveTable; version?: string; seed?: number }): GeneratedCase[] {
  const table = options.table ?? loadDirectiveTable();
  const version = options.version ?? TARGET_VERSION;
  const seed = options.seed ?? DEFAULT_SEED;
  const cases: GeneratedCase[] = [];
  const options_ = table.directives.filter(
    (d) =>
      (d.scope === 'listener' || d.scope === 'security') &&
      d.prefix === undefined &&
      !d.name.includes('*') &&
      availableIn(d, version) &&
      !(d.removed && compareVersions(d.removed.version, version) <= 0),
  );
  for (const d of options_) {
    const r = Rng.forCase(seed, 100000 + cases.length);
    const c = new Config(options.fixtures);
    const value = SWEEP_VALUES[d.name]?.(c) ?? validValue(d, r);
    if (value === null) {
      continue;
    }
    const security = d.scope === 'security';
    if (security) {
      c.add('per_listener_settings true');
    }
    c.add(`${d.name} ${value}`);
    c.add('listener 1883', 'listener', 0);
    if (d.name !== 'allow_anonymous') {
      c.add('allow_anonymous true', 'listener', 0);
    }
    cases.push({
      id: `listener-option-first-${d.name}`,
      label: 'listener-option-first',
      detail: `${d.name} ${value} before the first listener${security ? ' (per_listener_settings true)' : ''}`,
      config: c.render(),
      files: [...c.files.values()],
    });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Command line: print or write the cases

function main(argv: string[]): number {
  let seed = seedFromEnv();
  let count = countFromEnv();
  let out: string | null = null;
  let version = TARGET_VERSION;
  for (let k = 0; k < argv.length; k++) {
    if (argv[k] === '--broker-version') {
      version = argv[++k];
    } else if (argv[k] === '--seed') {
      seed = Number(argv[++k]) >>> 0;
    } else if (argv[k] === '--count') {
      count = Number(argv[++k]);
    } else if (argv[k] === '--out') {
      out = argv[++k];
    }
  }
  const table = loadDirectiveTable();
  const cases = generateCases({ seed, count, fixtures: makeFixtures(), table, version });
  process.stderr.write(`${cases.length} cases for ${version}, seed ${seed}, directives from ${table.source}\n`);
  for (const c of cases) {
    if (out !== null) {
      const dir = path.join(out, c.id);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'mosquitto.conf'), c.config);
      for (const f of c.files ?? []) {
        const target = path.join(dir, f.path);
        if (f.path.endsWith('/')) {
          fs.mkdirSync(target, { recursive: true });
        } else {
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.writeFileSync(target, f.content ?? '');
        }
      }
    } else {
      process.stdout.write(`### ${c.id} [${c.label}] ${c.detail}\n${c.config.toString()}\n`);
    }
  }
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
