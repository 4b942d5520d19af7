import type { DirectiveName } from '../data';
import { findDirective } from '../data';
import { defaultFor } from '../data/defaults';
import { lineIn } from './positions';
import type { Directive } from '../parser/parser';
import { readBool } from '../util/numbers';
import { SINCE } from './reading';
import type { Version } from '../version';
import { atLeast, before, formatVersion } from '../version';
import type { ConfigModel, Section } from './config';
import { activeListeners, describeSection, lastEntry, listenerProtocol, listenerUsesTls, PLUGIN_LINES } from './config';

/** Where an effective value comes from. */
export type EffectiveOrigin =
  /** A line of the section itself. */
  | { readonly kind: 'line'; readonly file: string; readonly line: number }
  /** A line written elsewhere that applies here (`from`: the section it is written in). */
  | { readonly kind: 'inherited'; readonly file: string; readonly line: number; readonly from: string }
  /** Nothing sets it: the release's default (`note` says why, when the default depends on the file). */
  | { readonly kind: 'default'; readonly note?: string };

/** One option with the value the broker uses and where that value comes from. */
export interface EffectiveOption {
  /** Directive name as written (canonical name for defaults). */
  readonly name: string;
  readonly value: string;
  readonly origin: EffectiveOrigin;
}

/** How a listener lets clients in. */
export interface EffectiveAuthentication {
  readonly anonymous: 'allowed' | 'refused';
  readonly passwordFile: string | undefined;
  readonly pskFile: string | undefined;
  /** Plugin lines that apply to the listener (paths or 2.1 plugin names). */
  readonly plugins: readonly string[];
}

/** A listener the broker opens. */
export interface EffectiveListener {
  /** `listener 8883`, `default listener (port 1883)`, `local-only listener`. */
  readonly title: string;
  readonly kind: 'listener' | 'default-listener' | 'local-only';
  readonly port: number | undefined;
  /** Bind address or unix socket path; undefined: all interfaces. */
  readonly address: string | undefined;
  readonly protocol: string;
  readonly tls: boolean;
  readonly authentication: EffectiveAuthentication;
  /** Every option that applies, in the order: what the summary says, then the section's other lines. */
  readonly options: readonly EffectiveOption[];
}

/** A bridge and its options. */
export interface EffectiveBridge {
  readonly name: string;
  readonly options: readonly EffectiveOption[];
}

/** What the broker will do with a configuration, for one release and platform. */
export interface EffectiveConfig {
  readonly version: string;
  readonly platform: string;
  /** Main file first, then include_dir files in the broker's reading order. */
  readonly files: readonly string[];
  readonly perListenerSettings: boolean;
  /** 2.0+: no listener, port or bind_address, so the broker listens on loopback only. */
  readonly localOnly: boolean;
  readonly global: readonly EffectiveOption[];
  readonly listeners: readonly EffectiveListener[];
  readonly bridges: readonly EffectiveBridge[];
}

/**
 * Global options shown even when no line sets them, because their default decides how the
 * broker behaves and changed between releases.
 */
const KEY_GLOBAL_OPTIONS: readonly DirectiveName[] = [
  'per_listener_settings',
  'persistence',
  'log_dest',
  'log_type',
  'max_queued_messages',
  'max_inflight_messages',
  'max_packet_size',
  'max_keepalive',
  'allow_duplicate_messages',
  'retain_available',
];

/** Whether the selected release has the directive (the catalogue's `since`). */
function exists(name: DirectiveName, version: Version): boolean {
  const spec = findDirective(name);
  return spec !== undefined && atLeast(version, spec.since);
}

/** Options that configure how a listener authenticates; shown apart from the section's other lines. */
const AUTHENTICATION_OPTIONS: ReadonlySet<string> = new Set([
  'allow_anonymous',
  'listener_allow_anonymous',
  'password_file',
  'psk_file',
  ...PLUGIN_LINES,
  'plugin_use',
]);

/** Header options that the summary lines already state. */
const HEADER_OPTIONS: ReadonlySet<string> = new Set(['listener', 'port', 'bind_address', 'protocol']);

/** A default as plain text: the catalogue's markdown code spans without backticks. */
function plainDefault(name: string, version: Version): string | undefined {
  const text = defaultFor(name, version);
  return text?.replace(/`/g, '');
}

function nameOf(d: Directive): string {
  return d.spec?.prefix !== undefined ? d.spec.name : d.name;
}

function fromLine(model: ConfigModel, d: Directive): EffectiveOption {
  return { name: d.name, value: d.value, origin: { kind: 'line', file: d.file, line: lineIn(model, d) } };
}

function inherited(model: ConfigModel, d: Directive, from: string): EffectiveOption {
  return { name: d.name, value: d.value, origin: { kind: 'inherited', file: d.file, line: lineIn(model, d), from } };
}

/** Options that accumulate (every line counts) are listed once per line; the others last-wins. */
function effectiveLines(entries: readonly Directive[]): Directive[] {
  const last = new Map<string, Directive>();
  const out: Directive[] = [];
  for (const d of entries) {
    if (d.spec?.duplicate === 'accumulates' || d.spec?.prefix !== undefined) {
      out.push(d);
      continue;
    }
    const name = d.spec?.aliasOf ?? nameOf(d);
    const previous = last.get(name);
    if (previous) {
      out.splice(out.indexOf(previous), 1);
    }
    last.set(name, d);
    out.push(d);
  }
  return out;
}

/** The section whose security options apply to a listener. */
function securityScope(model: ConfigModel, section: Section): Section {
  const version = model.settings.brokerVersion;
  return model.perListenerSettings && exists('per_listener_settings', version) ? section : model.global;
}

function authentication(model: ConfigModel, section: Section | undefined, localOnly: boolean): { auth: EffectiveAuthentication; options: EffectiveOption[] } {
  const version = model.settings.brokerVersion;
  const scope = section ? securityScope(model, section) : model.global;
  const fromScope = (d: Directive): EffectiveOption => (scope === section ? fromLine(model, d) : inherited(model, d, describeSection(scope)));
  const options: EffectiveOption[] = [];
  const passwordFile = lastEntry(scope, 'password_file');
  const pskFile = lastEntry(scope, 'psk_file');
  const pluginLines = scope.entries.filter((d) => PLUGIN_LINES.has(nameOf(d)) && nameOf(d) !== 'global_plugin');
  const globalPlugins = exists('global_plugin', version) ? model.global.entries.filter((d) => nameOf(d) === 'global_plugin') : [];
  const pluginUses = exists('plugin_use', version) && section ? section.entries.filter((d) => nameOf(d) === 'plugin_use') : [];
  for (const d of [passwordFile, pskFile, ...pluginLines]) {
    if (d) {
      options.push(fromScope(d));
    }
  }
  for (const d of globalPlugins) {
    options.push(scope === model.global && section === undefined ? fromLine(model, d) : inherited(model, d, 'global'));
  }
  for (const d of pluginUses) {
    options.push(fromLine(model, d));
  }
  const plugins = [...pluginLines, ...globalPlugins, ...pluginUses].map((d) => d.value);
  const anyAuthentication = passwordFile !== undefined || pskFile !== undefined || plugins.length > 0;

  const listenerAnonymous = exists('listener_allow_anonymous', version) && section ? lastEntry(section, 'listener_allow_anonymous') : undefined;
  const scopeAnonymous = lastEntry(scope, 'allow_anonymous');
  let anonymous: boolean;
  let anonymousOption: EffectiveOption;
  const explicit = listenerAnonymous ?? scopeAnonymous;
  const explicitValue = readBool(explicit?.args[0]?.text);
  if (localOnly && (before(version, SINCE.localOnlyAnonymousSetting) || explicitValue !== false)) {
    anonymous = true;
    anonymousOption = { name: 'allow_anonymous', value: 'true', origin: { kind: 'default', note: 'local-only mode allows anonymous clients' } };
  } else if (explicit && explicitValue !== undefined) {
    anonymous = explicitValue;
    anonymousOption = explicit === listenerAnonymous || scope === section ? fromLine(model, explicit) : inherited(model, explicit, describeSection(scope));
  } else if (before(version, SINCE.anonymousOffWithAuthentication)) {
    anonymous = true;
    anonymousOption = { name: 'allow_anonymous', value: 'true', origin: { kind: 'default' } };
  } else if (before(version, SINCE.anonymousRefusedByDefault)) {
    anonymous = !anyAuthentication;
    anonymousOption = anyAuthentication
      ? { name: 'allow_anonymous', value: 'false', origin: { kind: 'default', note: 'a password file, PSK file or plugin is set' } }
      : { name: 'allow_anonymous', value: 'true', origin: { kind: 'default' } };
  } else {
    anonymous = false;
    anonymousOption = { name: 'allow_anonymous', value: 'false', origin: { kind: 'default', note: 'configured listeners refuse anonymous clients since 2.0' } };
  }
  return {
    auth: { anonymous: anonymous ? 'allowed' : 'refused', passwordFile: passwordFile?.value, pskFile: pskFile?.value, plugins },
    options: [anonymousOption, ...options],
  };
}

/** The effective view of one listener section (explicit or the default listener). */
export function effectiveListener(model: ConfigModel, section: Section): EffectiveListener {
  const version = model.settings.brokerVersion;
  const isDefault = section.kind === 'default-listener';
  const header: EffectiveOption[] = [];
  if (isDefault) {
    const port = lastEntry(section, 'port');
    header.push(port ? fromLine(model, port) : { name: 'port', value: '1883', origin: { kind: 'default' } });
    const bind = lastEntry(section, 'bind_address');
    if (bind) {
      header.push(fromLine(model, bind));
    }
  } else if (section.header) {
    header.push(fromLine(model, section.header));
  }
  const protocolLine = lastEntry(section, 'protocol');
  header.push(protocolLine ? fromLine(model, protocolLine) : { name: 'protocol', value: 'mqtt', origin: { kind: 'default' } });
  const { auth, options: authOptions } = authentication(model, section, false);
  const others = effectiveLines(
    section.entries.filter((d) => d !== section.header && !HEADER_OPTIONS.has(nameOf(d)) && !AUTHENTICATION_OPTIONS.has(nameOf(d))),
  ).map((d) => fromLine(model, d));
  return {
    title: describeSection(section),
    kind: isDefault ? 'default-listener' : 'listener',
    port: section.port,
    address: section.address,
    protocol: listenerProtocol(section),
    tls: listenerUsesTls(section, version),
    authentication: auth,
    options: [...header, ...authOptions, ...others],
  };
}

function localOnlyView(model: ConfigModel): EffectiveListener {
  const { auth, options } = authentication(model, undefined, true);
  return {
    title: 'local-only listener',
    kind: 'local-only',
    port: 1883,
    address: '127.0.0.1 and ::1',
    protocol: 'mqtt',
    tls: false,
    authentication: auth,
    options: [
      { name: 'port', value: '1883', origin: { kind: 'default', note: 'no listener, port or bind_address: local-only mode' } },
      { name: 'protocol', value: 'mqtt', origin: { kind: 'default' } },
      ...options,
    ],
  };
}

function globalView(model: ConfigModel): EffectiveOption[] {
  const version = model.settings.brokerVersion;
  const lines = effectiveLines(model.global.entries.filter((d) => nameOf(d) !== 'include_dir'));
  const written = new Set(lines.map((d) => d.spec?.aliasOf ?? nameOf(d)));
  const options: EffectiveOption[] = [];
  for (const name of KEY_GLOBAL_OPTIONS) {
    if (written.has(name) || !exists(name, version)) {
      continue;
    }
    const value = name === 'per_listener_settings' ? 'false' : plainDefault(name, version);
    if (value !== undefined) {
      options.push({ name, value, origin: { kind: 'default' } });
    }
  }
  return [...lines.map((d) => fromLine(model, d)), ...options];
}

/**
 * The effective configuration: for the selected release, every listener the broker opens
 * (with per_listener_settings applied), each bridge, and the global options, each with its
 * value and where it comes from (a line, inherited from another section, or the default).
 * include_dir files are part of the model in the broker's reading order.
 */
export function effectiveConfig(model: ConfigModel): EffectiveConfig {
  const version = model.settings.brokerVersion;
  const active = activeListeners(model);
  const localOnly =
    atLeast(version, SINCE.localOnlyMode) && model.listeners.length === 0 && !model.defaultListener.explicit && !active.includes(model.defaultListener);
  const listeners = active.map((section) => effectiveListener(model, section));
  if (localOnly) {
    listeners.unshift(localOnlyView(model));
  }
  const bridges = model.bridges.map((section) => ({
    name: section.name ?? '(unnamed)',
    options: effectiveLines(section.entries).map((d) => fromLine(model, d)),
  }));
  return {
    version: formatVersion(version),
    platform: model.settings.platform,
    files: model.files.map((f) => f.uri),
    perListenerSettings: model.perListenerSettings,
    localOnly,
    global: globalView(model),
    listeners,
    bridges,
  };
}

/** One-line summary of a listener: `websockets · TLS · anonymous refused`. */
export function listenerSummary(listener: Pick<EffectiveListener, 'protocol' | 'tls' | 'authentication'>, withAnonymous = true): string {
  const parts = [listener.protocol, listener.tls ? 'TLS' : 'no TLS'];
  const auth = listener.authentication;
  if (auth.passwordFile !== undefined) {
    parts.push('password file');
  }
  if (auth.pskFile !== undefined) {
    parts.push('PSK');
  }
  if (auth.plugins.length > 0) {
    parts.push(auth.plugins.length === 1 ? 'plugin' : `${auth.plugins.length} plugins`);
  }
  if (withAnonymous) {
    parts.push(`anonymous ${auth.anonymous}`);
  }
  return parts.join(' · ');
}
