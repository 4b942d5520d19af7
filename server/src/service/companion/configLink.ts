/**
 * The configuration side of companion files: which files acl_file, password_file, psk_file and
 * the dynamic-security plugin name (engine/companion.ts checks them and summarizes on the
 * naming line).
 */
import type { ConfigModel } from '../model/config';
import { patchOf } from '../model/config';
import type { Directive, Span } from '../parser/parser';
import { nameOf, pathValue } from '../model/reading';
import type { AnalysisSettings, FileSystemAccess } from '../types';
import { dirname, isPosixAbsolute, isWindowsAbsolute } from '../util/paths';
import { pathContext, resolveBrokerPath } from '../model/brokerPaths';
import { parseColonFile } from './colonFile';
import type { CompanionKind } from './findings';
import { COMPANION_DIRECTIVES } from './findings';
import { passwordUsers } from './passwd/passwd';

/** One acl_file / password_file / psk_file line and the file it names. */
export interface CompanionReference {
  readonly directive: Directive;
  readonly kind: CompanionKind;
  /** The path as the broker reads it, and where it is on the line. */
  readonly value: string;
  readonly at: Span & { readonly on: Directive };
  /**
   * The path on this machine: absolute paths through the path mappings, else as written;
   * relative ones against the folder of the main configuration (a guess: the broker uses its
   * working directory).
   */
  readonly resolved?: string;
}

/**
 * The references of a model worked out for its own settings and a host platform: both the
 * engine and the server ask for them on every analysis, and a patched model starts from those
 * of the model it was patched from (patchOf) when no line that went or came names a companion
 * or plugin file.
 */
interface References {
  readonly settings: AnalysisSettings;
  readonly hostPlatform: string;
  companion?: readonly CompanionReference[];
  dynsec?: readonly DynsecReference[];
}

const REFERENCES = new WeakMap<ConfigModel, References>();

/** Names whose lines may change the dynamic-security references. */
function dynsecName(d: Directive): boolean {
  const name = nameOf(d);
  return PLUGIN_PATHS.has(name) || d.name === 'plugin_opt_config_file' || d.name === 'auth_opt_config_file';
}

/** The kept references of `model` (or of the model it was patched from, when still valid), computed by `work` otherwise. */
function referencesOf<K extends 'companion' | 'dynsec'>(
  kind: K,
  model: ConfigModel,
  settings: AnalysisSettings,
  fs: FileSystemAccess,
  concerns: (d: Directive) => boolean,
  work: () => NonNullable<References[K]>,
): NonNullable<References[K]> {
  if (settings !== model.settings) {
    return work();
  }
  let own = REFERENCES.get(model);
  if (own === undefined || own.hostPlatform !== fs.hostPlatform) {
    own = { settings, hostPlatform: fs.hostPlatform };
    REFERENCES.set(model, own);
  }
  const known = own[kind];
  if (known !== undefined) {
    return known as NonNullable<References[K]>;
  }
  const patch = patchOf(model);
  const from = patch?.from.deref();
  const before = from === undefined ? undefined : REFERENCES.get(from);
  const reuse =
    patch !== undefined &&
    before !== undefined &&
    before.settings === from?.settings &&
    before.hostPlatform === fs.hostPlatform &&
    before[kind] !== undefined &&
    !patch.gone.some(concerns) &&
    !patch.added.some(concerns);
  const found = reuse ? (before[kind] as NonNullable<References[K]>) : work();
  own[kind] = found;
  return found;
}

/** Every companion file the configuration names, in reading order (a shared list: do not change it). */
export function companionReferences(model: ConfigModel, settings: AnalysisSettings, fs: FileSystemAccess): readonly CompanionReference[] {
  return referencesOf(
    'companion',
    model,
    settings,
    fs,
    (d) => COMPANION_DIRECTIVES[nameOf(d)] !== undefined,
    () => findCompanionReferences(model, settings, fs),
  );
}

function findCompanionReferences(model: ConfigModel, settings: AnalysisSettings, fs: FileSystemAccess): CompanionReference[] {
  const mainPath = model.main.uri;
  const baseDir = isPosixAbsolute(mainPath) || isWindowsAbsolute(mainPath) ? dirname(mainPath) : undefined;
  const result: CompanionReference[] = [];
  for (const d of model.order) {
    const kind = COMPANION_DIRECTIVES[nameOf(d)];
    if (!kind) {
      continue;
    }
    const value = pathValue(d, settings.brokerVersion);
    if (!value) {
      continue;
    }
    const at = { on: d, start: value.start, end: value.start + value.text.length };
    // Through the path mappings (model/brokerPaths.ts): a Compose project's /mosquitto/config/passwd is read from the repository.
    const where = resolveBrokerPath(value.text, pathContext(settings, fs.hostPlatform, baseDir));
    const resolved = where.kind === 'local' ? where.local : undefined;
    result.push({ directive: d, kind, value: value.text, at, resolved });
  }
  return result;
}

/** A plugin_opt_config_file line of the dynamic-security plugin and the JSON file it names. */
export interface DynsecReference {
  readonly directive: Directive;
  readonly value: string;
  /** The value's place on the line. */
  readonly at: Span & { readonly on: Directive };
  /** The path on this machine (as for companion files); undefined when it is only on the broker's machine. */
  readonly resolved?: string;
}

const PLUGIN_PATHS: ReadonlySet<string> = new Set(['plugin', 'auth_plugin', 'global_plugin']);
const DYNSEC_LIBRARY = /(^|[\\/])mosquitto_dynamic_security\.(so|dll)$/;

/**
 * Every `plugin_opt_config_file` (or `auth_opt_config_file`) that follows a plugin line naming
 * mosquitto_dynamic_security.so/.dll: options belong to the plugin line before them.
 */
export function dynsecReferences(model: ConfigModel, settings: AnalysisSettings, fs: FileSystemAccess): readonly DynsecReference[] {
  return referencesOf('dynsec', model, settings, fs, dynsecName, () => findDynsecReferences(model, settings, fs));
}

function findDynsecReferences(model: ConfigModel, settings: AnalysisSettings, fs: FileSystemAccess): DynsecReference[] {
  const mainPath = model.main.uri;
  const baseDir = isPosixAbsolute(mainPath) || isWindowsAbsolute(mainPath) ? dirname(mainPath) : undefined;
  const result: DynsecReference[] = [];
  let dynsec = false;
  for (const d of model.order) {
    const name = nameOf(d);
    if (PLUGIN_PATHS.has(name)) {
      const path = pathValue(d, settings.brokerVersion);
      dynsec = path !== undefined && DYNSEC_LIBRARY.test(path.text.trim());
      continue;
    }
    if (!dynsec || (d.name !== 'plugin_opt_config_file' && d.name !== 'auth_opt_config_file') || d.value.length === 0) {
      continue;
    }
    const at = { on: d, start: d.valueStart, end: d.valueEnd };
    const where = resolveBrokerPath(d.value, pathContext(settings, fs.hostPlatform, baseDir));
    result.push({ directive: d, value: d.value, at, resolved: where.kind === 'local' ? where.local : undefined });
  }
  return result;
}

/** How a configuration names `path`: its kind and the context its checks need; undefined when it does not. */
export function companionContextFor(
  model: ConfigModel,
  settings: AnalysisSettings,
  fs: FileSystemAccess,
  path: string,
): { kind: CompanionKind; passwordUsers?: ReadonlySet<string> } | undefined {
  const references = companionReferences(model, settings, fs);
  const own = references.find((r) => r.resolved === path);
  if (!own) {
    return undefined;
  }
  if (own.kind !== 'acl') {
    return { kind: own.kind };
  }
  const passwordFiles = [...new Set(references.filter((r) => r.kind === 'passwd' && r.resolved !== undefined).map((r) => r.resolved ?? ''))];
  const text = passwordFiles.length === 1 ? fs.readFile(passwordFiles[0]) : undefined;
  return { kind: 'acl', passwordUsers: text !== undefined ? passwordUsers(parseColonFile(text)) : undefined };
}
