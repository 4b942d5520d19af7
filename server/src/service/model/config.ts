import type { DirectiveName } from '../data';
import { directiveNames } from '../data';
import type { DirectiveSpec } from '../data/types';
import type { Directive, ParsedFile } from '../parser/parser';
import { lineOf, parse } from '../parser/parser';
import type { AnalysisSettings, FileSystemAccess } from '../types';
import { atoi, readBool } from '../util/numbers';
import type { Version } from '../version';
import { atLeast, before } from '../version';
import { dirname, joinPath } from '../util/paths';
import type { PathMapping } from './brokerPaths';
import { pathContext, resolveBrokerPath } from './brokerPaths';
import { nulReading, SINCE } from './reading';

/** The kinds of section a configuration has. */
export type SectionKind = 'global' | 'default-listener' | 'listener' | 'bridge';

/** A section of the configuration: the directives the broker applies to one thing. */
export interface Section {
  readonly kind: SectionKind;
  /** Stable id within one analysis: `global`, `default`, `listener:N`, `bridge:N`. */
  readonly id: string;
  /** The `listener` or `connection` line that opened it. */
  readonly header: Directive | undefined;
  /** Listener port (for the default listener: the last `port` value, else 1883). */
  port: number | undefined;
  /** Listener bind address or unix socket path. */
  address: string | undefined;
  /** Bridge name. */
  readonly name: string | undefined;
  /** Directives the broker applies to this section, in reading order. */
  readonly entries: Directive[];
  /** Default listener only: configured by `port`/`bind_address` (this leaves local-only mode). */
  explicit: boolean;
}

/** Why a directive landed where it did. */
export type PlacementKind =
  | 'global'
  | 'listener'
  | 'default-listener'
  | 'implicit-default-listener'
  | 'security-global'
  | 'security-listener'
  | 'security-default-listener'
  | 'bridge'
  | 'plugin'
  | 'section-start'
  | 'include'
  | 'no-listener'
  | 'no-explicit-listener'
  | 'no-bridge'
  | 'no-plugin'
  | 'unknown';

/** Where one directive applies. */
export interface Placement {
  readonly kind: PlacementKind;
  /** The section the broker applies the directive to (undefined when it has none). */
  readonly target: Section | undefined;
  /** For plugin options: the plugin line they attach to. */
  readonly plugin: Directive | undefined;
  /** Value of per_listener_settings when the line was read. */
  readonly perListenerSettings: boolean;
  /** The file is one read through include_dir. */
  readonly included: boolean;
}

/** What became of one include_dir line. */
export interface IncludeInfo {
  readonly directive: Directive;
  /** Resolved directory on this machine, when it could be resolved. */
  readonly directory: string | undefined;
  /** Included files in the broker's order (native paths). */
  readonly files: readonly string[];
  /** Other entries of the folder, which the broker skips (editor backups and the like). */
  readonly skipped: readonly string[];
  /**
   * `in-volume`: the folder is inside a named or anonymous volume; `foreign`: written for
   * another platform than the broker's (see model/brokerPaths.ts).
   */
  readonly status: 'ok' | 'unreadable' | 'not-checked' | 'nested' | 'empty-value' | 'in-volume' | 'foreign';
  /** The path mapping the folder was found through, if any. */
  readonly mapping?: PathMapping;
}

/** One configuration: the main file, its included files, and its sections. */
export interface ConfigModel {
  readonly settings: AnalysisSettings;
  readonly main: ParsedFile;
  /** Main file first, then included files in the order the broker reads them. */
  readonly files: readonly ParsedFile[];
  /** Every directive in the order the broker reads them (included files in place). */
  readonly order: readonly Directive[];
  readonly global: Section;
  readonly defaultListener: Section;
  readonly listeners: readonly Section[];
  readonly bridges: readonly Section[];
  readonly placements: ReadonlyMap<Directive, Placement>;
  readonly includes: readonly IncludeInfo[];
  /** The include_dir line through which each included file was read. */
  readonly includedBy: ReadonlyMap<string, Directive>;
  /** Final value of per_listener_settings. */
  readonly perListenerSettings: boolean;
  /**
   * The file is a fragment (a `conf.d`-style file) analysed without the configuration that
   * includes it: findings about the whole configuration (no listener at all) do not apply.
   */
  readonly fragment: boolean;
}

/** Input: the main file, already parsed, and where it is on disk. */
export interface ConfigInput {
  readonly main: ParsedFile;
  /** Native path of the main file (for include_dir and relative paths), when it has one. */
  readonly path?: string;
  /** The file is a fragment read on its own (see ConfigModel.fragment). */
  readonly fragment?: boolean;
}

/** Lines that start a plugin: plugin options attach to the latest one in the same file. */
export const PLUGIN_LINES: ReadonlySet<string> = directiveNames('plugin', 'auth_plugin', 'global_plugin', 'plugin_load');

function newSection(kind: SectionKind, id: string, header?: Directive): Section {
  return { kind, id, header, port: undefined, address: undefined, name: undefined, entries: [], explicit: false };
}

/** C `toupper` in the "C" locale: only a-z change. */
function upperCode(c: number): number {
  return c >= 0x61 && c <= 0x7a ? c - 0x20 : c;
}

/**
 * Sorts include_dir file names as mosquitto 1.5.7+ does (`scmp_p` in conf_includedir.c):
 * character by character, first by the upper-cased character, and at the first position
 * where two characters differ only in case, the upper-case one first. So `Ab.conf` comes
 * before `aa.conf`, and `aab.conf` before `a_b.conf` ('_' sorts after the upper-case 'A').
 */
export function compareIncludeNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    const byUpper = upperCode(ca) - upperCode(cb);
    if (byUpper !== 0) {
      return byUpper;
    }
    if (ca !== cb) {
      return ca - cb;
    }
  }
  return a.length - b.length;
}

/** Whether the broker reads a file found in an include_dir folder. */
export function isIncludedName(name: string): boolean {
  return name.length > 5 && name.endsWith('.conf');
}

interface FileState {
  listener: Section | undefined;
  bridge: Section | undefined;
  plugin: Directive | undefined;
}

/** What the broker's reader knows when it reaches a line (fresh for every file). */
export interface ReaderState {
  /** The listener that listener options configure. */
  readonly listener: Section | undefined;
  /** The bridge that bridge options configure. */
  readonly bridge: Section | undefined;
  /** The plugin line that plugin options attach to. */
  readonly plugin: Directive | undefined;
  readonly perListenerSettings: boolean;
}

/** Where a directive lands, decided from the reader state. */
export interface PlacementDecision {
  readonly kind: PlacementKind;
  /** The section it configures (undefined: it starts one, or it has none). */
  readonly target: Section | undefined;
  /** 2.1: the directive creates the default listener, which becomes the current listener. */
  readonly defaultListenerBecomesCurrent: boolean;
}

/**
 * The broker's placement rules in one place: where a directive with this spec lands, given
 * the reader state and the release. Used by the model builder for the lines of the file and
 * by completion for a directive not written yet.
 */
export function decidePlacement(
  spec: DirectiveSpec,
  state: ReaderState,
  version: Version,
  sections: { readonly global: Section; readonly defaultListener: Section },
  pluginTarget: (plugin: Directive) => Section | undefined,
): PlacementDecision {
  const { global, defaultListener } = sections;
  const is21 = atLeast(version, SINCE.release2_1);
  const at = (kind: PlacementKind, target: Section | undefined, defaultListenerBecomesCurrent = false): PlacementDecision => ({
    kind,
    target,
    defaultListenerBecomesCurrent,
  });
  switch (spec.name) {
    case 'listener':
    case 'connection':
      return at('section-start', undefined);
    case 'include_dir':
      return at('include', global);
    case 'per_listener_settings':
      return at('global', global);
    case 'port':
    case 'bind_address':
      return at('default-listener', defaultListener, is21);
    default:
      break;
  }
  switch (spec.scope) {
    case 'bridge':
      return state.bridge ? at('bridge', state.bridge) : at('no-bridge', undefined);
    case 'plugin':
      if (before(version, SINCE.release1_5)) {
        return at('global', global);
      }
      return state.plugin ? at('plugin', pluginTarget(state.plugin)) : at('no-plugin', undefined);
    case 'security':
      if (spec.name === 'global_plugin' || !state.perListenerSettings || before(version, SINCE.release1_5)) {
        return at('security-global', global);
      }
      if (state.listener) {
        return at(state.listener === defaultListener ? 'security-default-listener' : 'security-listener', state.listener);
      }
      return is21 ? at('no-listener', undefined) : at('security-default-listener', defaultListener);
    case 'listener': {
      const requirement = spec.listenerRequirement ?? 'listener-or-default';
      const listener = state.listener;
      if (!is21) {
        return listener ? at('listener', listener) : at('implicit-default-listener', defaultListener);
      }
      if (requirement === 'explicit-listener') {
        return listener && listener !== defaultListener ? at('listener', listener) : at('no-explicit-listener', undefined);
      }
      if (listener) {
        return at(listener === defaultListener ? 'implicit-default-listener' : 'listener', listener);
      }
      return requirement === 'listener' ? at('no-listener', undefined) : at('implicit-default-listener', defaultListener, true);
    }
    default:
      return at('global', global);
  }
}

/**
 * Builds the section model the way the broker reads the file: `listener` and `connection`
 * open sections, the "current" listener and bridge are tracked independently, `port` and
 * `bind_address` always go to the default listener, security options follow
 * per_listener_settings, and include_dir files are read in place with fresh state.
 */
export function buildConfig(input: ConfigInput, settings: AnalysisSettings, fs: FileSystemAccess): ConfigModel {
  const version = settings.brokerVersion;
  const is21 = atLeast(version, SINCE.release2_1);
  const global = newSection('global', 'global');
  const defaultListener = newSection('default-listener', 'default');
  defaultListener.port = 1883;
  const listeners: Section[] = [];
  const bridges: Section[] = [];
  const placements = new Map<Directive, Placement>();
  const order: Directive[] = [];
  const includes: IncludeInfo[] = [];
  const includedBy = new Map<string, Directive>();
  const files: ParsedFile[] = [input.main];
  let pls = false;

  // Consecutive directives usually land alike (the options of one section): they share one
  // Placement object (placements are read-only), which keeps the model smaller.
  let last: Placement | undefined;
  const place = (d: Directive, kind: PlacementKind, target: Section | undefined, included: boolean, plugin?: Directive): void => {
    let placement = last;
    if (
      placement === undefined ||
      placement.kind !== kind ||
      placement.target !== target ||
      placement.plugin !== plugin ||
      placement.perListenerSettings !== pls ||
      placement.included !== included
    ) {
      placement = { kind, target, plugin, perListenerSettings: pls, included };
      last = placement;
    }
    placements.set(d, placement);
    target?.entries.push(d);
  };
  const sections = { global, defaultListener };
  const pluginTarget = (plugin: Directive): Section | undefined => placements.get(plugin)?.target;

  const readFile = (file: ParsedFile, included: boolean): void => {
    // One reader state per file, updated in place (decidePlacement only reads it).
    const state: FileState & { perListenerSettings: boolean } = { listener: undefined, bridge: undefined, plugin: undefined, perListenerSettings: pls };
    const nuls = file.nuls.length > 0 ? nulReading(file, version) : undefined;
    for (const d of file.directives) {
      // The broker drops the line holding a stopping NUL as well as everything after it, and
      // reads a line starting with a NUL as empty where the release does (model/reading.ts).
      if (nuls !== undefined) {
        const line = lineOf(file, d);
        if (nuls.stop !== undefined && line >= nuls.stop.line) {
          break;
        }
        if (nuls.emptiedLines.has(line)) {
          continue;
        }
      }
      order.push(d);
      const spec = d.spec;
      if (!spec) {
        place(d, 'unknown', undefined, included);
        continue;
      }
      const name = spec.prefix !== undefined ? spec.name : d.name;
      switch (name) {
        case 'listener': {
          const section = newSection('listener', `listener:${listeners.length}`, d);
          section.port = atoi(d.args[0]?.text);
          const addr = d.args[1]?.text;
          section.address = addr !== undefined && !(addr.startsWith('#') && atLeast(version, SINCE.commentWordsSkipped)) ? addr : undefined;
          listeners.push(section);
          state.listener = section;
          place(d, 'section-start', section, included);
          continue;
        }
        case 'connection': {
          const section: Section = { ...newSection('bridge', `bridge:${bridges.length}`, d), name: d.args[0]?.text };
          bridges.push(section);
          state.bridge = section;
          place(d, 'section-start', section, included);
          continue;
        }
        case 'include_dir': {
          place(d, 'include', global, included);
          includes.push(included ? { directive: d, directory: undefined, files: [], skipped: [], status: 'nested' } : readInclude(d));
          continue;
        }
        case 'per_listener_settings': {
          const value = readBool(d.args[0]?.text);
          if (value !== undefined && !(is21 && pls && !value)) {
            pls = value;
          }
          place(d, 'global', global, included);
          continue;
        }
        case 'port':
        case 'bind_address': {
          defaultListener.explicit = true;
          if (name === 'port') {
            defaultListener.port = atoi(d.args[0]?.text);
          } else {
            defaultListener.address = d.value;
          }
          if (is21) {
            state.listener = defaultListener;
          }
          place(d, 'default-listener', defaultListener, included);
          continue;
        }
        default:
          break;
      }
      if (PLUGIN_LINES.has(name)) {
        state.plugin = d;
      }
      // An included file read in between may have changed per_listener_settings.
      state.perListenerSettings = pls;
      const decision = decidePlacement(spec, state, version, sections, pluginTarget);
      if (decision.defaultListenerBecomesCurrent) {
        state.listener = defaultListener;
      }
      place(d, decision.kind, decision.target, included, decision.kind === 'plugin' ? state.plugin : undefined);
    }
  };

  const readInclude = (d: Directive): IncludeInfo => {
    const listing = listInclude(d, input.path, settings, fs);
    for (let i = 0; i < listing.info.files.length; i++) {
      const path = listing.info.files[i];
      const parsed = parse(listing.texts[i], path);
      files.push(parsed);
      includedBy.set(path, d);
      readFile(parsed, true);
    }
    return listing.info;
  };

  readFile(input.main, false);
  const model: ConfigModel = {
    settings,
    main: input.main,
    files,
    order,
    global,
    defaultListener,
    listeners,
    bridges,
    placements,
    includes,
    includedBy,
    perListenerSettings: pls,
    fragment: input.fragment === true,
  };
  BUILT_FROM.set(model, { path: input.path, settings: JSON.stringify(settings), hostPlatform: fs.hostPlatform, lineage: {} });
  return model;
}

/** An include_dir folder as the broker lists it, with the text of each included file. */
interface IncludeListing {
  readonly info: IncludeInfo;
  /** The text of each of `info.files` ('' when it cannot be read). */
  readonly texts: readonly string[];
}

/** Lists the files one (top-level) include_dir line reads, in the broker's order. */
function listInclude(d: Directive, mainPath: string | undefined, settings: AnalysisSettings, fs: FileSystemAccess): IncludeListing {
  const raw = d.rest;
  const none = (status: IncludeInfo['status']): IncludeListing => ({ info: { directive: d, directory: undefined, files: [], skipped: [], status }, texts: [] });
  if (raw.length === 0) {
    return none('empty-value');
  }
  const baseDir = mainPath !== undefined ? dirname(mainPath) : undefined;
  const resolved = resolveBrokerPath(raw, pathContext(settings, fs.hostPlatform, baseDir));
  if (resolved.kind === 'volume') {
    return { info: { directive: d, directory: undefined, files: [], skipped: [], status: 'in-volume', mapping: resolved.mapping }, texts: [] };
  }
  if (resolved.kind !== 'local') {
    return none(resolved.kind === 'foreign' ? 'foreign' : 'not-checked');
  }
  const directory = resolved.local;
  const mapping = resolved.mapping;
  const entries = fs.readDirectory(directory);
  if (entries === undefined) {
    return { info: { directive: d, directory, files: [], skipped: [], status: 'unreadable', mapping }, texts: [] };
  }
  const names = entries.filter(isIncludedName).sort(compareIncludeNames);
  const paths: string[] = [];
  const texts: string[] = [];
  for (const entry of names) {
    const path = joinPath(directory, entry);
    if (mainPath !== undefined && path === mainPath) {
      continue;
    }
    const info = fs.stat(path);
    if (info && info.kind === 'directory') {
      continue;
    }
    paths.push(path);
    texts.push(fs.readFile(path) ?? '');
  }
  return { info: { directive: d, directory, files: paths, skipped: entries.filter((e) => !isIncludedName(e)), status: 'ok', mapping }, texts };
}

/**
 * What a model was built from, besides its main file: a patch needs the same. `lineage` is shared
 * by a built model and every model patched from it (see modelLineage).
 */
const BUILT_FROM = new WeakMap<ConfigModel, { path: string | undefined; settings: string; hostPlatform: string; lineage: object }>();

/** How a patched model differs from the model it was patched from (held weakly). */
export interface ModelPatch {
  readonly from: WeakRef<ConfigModel>;
  /** The directives of `from` that left the reading order, and those that came (a replaced line: one of each). */
  readonly gone: readonly Directive[];
  readonly added: readonly Directive[];
}

const PATCHES = new WeakMap<ConfigModel, ModelPatch>();

/**
 * For a model made by patching another (updateConfig): that model, while it is still alive, and
 * the directives that went and came. Every other directive of the reading order is the same
 * object, with the same placement kind (see modelLineage). Work over the whole reading order
 * can start from what it found in `from` when none of those directives concerns it.
 */
export function patchOf(model: ConfigModel): ModelPatch | undefined {
  return PATCHES.get(model);
}

/** A mark for models that do not come from buildConfig or a patch (never shared). */
const NO_LINEAGE = new WeakMap<ConfigModel, object>();

/**
 * The same object for a built model and every model patched from it (updateConfig), a new one
 * for each build. Within one lineage a directive object present in two models has the same
 * placement kind, `included`, `perListenerSettings` and plugin, and a target section with the
 * same kind, id, header, port, address, name and `explicit` (a patch copies the sections it
 * touches with their fields, and changes the placements of the directives it replaces only):
 * what depends on nothing else can be kept across the models of a lineage.
 */
export function modelLineage(model: ConfigModel): object {
  const from = BUILT_FROM.get(model);
  if (from !== undefined) {
    return from.lineage;
  }
  let mark = NO_LINEAGE.get(model);
  if (mark === undefined) {
    mark = {};
    NO_LINEAGE.set(model, mark);
  }
  return mark;
}

/**
 * Lines whose directive shapes the sections or the reader state: they open a listener or a
 * bridge, read other files, switch per_listener_settings, configure the default listener or
 * start a plugin. An edit that touches none of them leaves every section in place.
 */
const STRUCTURE_LINES: ReadonlySet<string> = new Set([
  ...directiveNames('listener', 'connection', 'include_dir', 'per_listener_settings', 'port', 'bind_address'),
  ...PLUGIN_LINES,
]);

/** The name the model builder dispatches on (a prefix family by its catalogue name). */
function builderName(d: Directive): string {
  const spec = d.spec;
  return spec !== undefined && spec.prefix !== undefined ? spec.name : d.name;
}

/**
 * The section model of an edited main file. When `previous` was built from the same path,
 * settings and included files, and the edit only replaced directives by directives of the same
 * kind that are not structure lines (STRUCTURE_LINES), each replaced directive lands where its
 * predecessor did: the previous model is copied with the new directives in its sections'
 * entries, in the reading order and in the placements, and every section the edit did not
 * touch stays the same object. Anything else builds the model afresh. Either way the result
 * equals `buildConfig(input, settings, fs)`; `previous` itself is never changed.
 */
export function updateConfig(previous: ConfigModel | undefined, input: ConfigInput, settings: AnalysisSettings, fs: FileSystemAccess): ConfigModel {
  return (previous !== undefined && patchConfig(previous, input, settings, fs)) || buildConfig(input, settings, fs);
}

function patchConfig(previous: ConfigModel, input: ConfigInput, settings: AnalysisSettings, fs: FileSystemAccess): ConfigModel | undefined {
  const from = BUILT_FROM.get(previous);
  const oldMain = previous.main;
  const newMain = input.main;
  if (
    from === undefined ||
    from.path !== input.path ||
    from.hostPlatform !== fs.hostPlatform ||
    previous.fragment !== (input.fragment === true) ||
    oldMain.uri !== newMain.uri ||
    // NUL characters end or empty lines by their position: the builder decides those.
    oldMain.nuls.length > 0 ||
    newMain.nuls.length > 0
  ) {
    return undefined;
  }
  // The edited stretch: the directives between the common prefix and suffix of both parses.
  const before = oldMain.directives;
  const after = newMain.directives;
  const shorter = Math.min(before.length, after.length);
  let first = 0;
  while (first < shorter && before[first] === after[first]) {
    first++;
  }
  let last = before.length - 1;
  let lastNew = after.length - 1;
  while (last >= first && lastNew >= first && before[last] === after[lastNew]) {
    last--;
    lastNew--;
  }
  if (last !== lastNew) {
    // Directives came or went: only lines with an unknown keyword, which land nowhere and
    // change no reader state (typing the first letters of a new line).
    for (let i = first; i <= last; i++) {
      if (before[i].spec !== undefined) {
        return undefined;
      }
    }
    for (let i = first; i <= lastNew; i++) {
      if (after[i].spec !== undefined) {
        return undefined;
      }
    }
  }
  for (let i = first; last === lastNew && i <= last; i++) {
    const old = before[i];
    const now = after[i];
    const name = builderName(old);
    // An unknown keyword lands nowhere whatever it is; a known one lands as its predecessor
    // did when it is the same option and no structure line.
    if (old !== now && (old.spec !== now.spec || (old.spec !== undefined && (name !== builderName(now) || STRUCTURE_LINES.has(name))))) {
      return undefined;
    }
  }
  const settingsKey = JSON.stringify(settings);
  if (settingsKey !== from.settings || !sameIncludedFiles(previous, input.path, settings, fs)) {
    return undefined;
  }
  if (last !== lastNew) {
    return patchUnknownLines(previous, newMain, settings, input.path, fs, before.slice(first, last + 1), after.slice(first, lastNew + 1), after[first - 1]);
  }
  const order = previous.order.slice();
  // The placements that differ from the previous model's (null: the directive is gone).
  const changed = new Map<Directive, Placement | null>();
  const placements = {
    get: (d: Directive): Placement | undefined => {
      const placement = changed.get(d);
      return placement === undefined ? previous.placements.get(d) : (placement ?? undefined);
    },
    set: (d: Directive, placement: Placement): void => void changed.set(d, placement),
    delete: (d: Directive): void => void changed.set(d, null),
  };
  const copies = new Map<Section, Section>();
  const gone: Directive[] = [];
  const added: Directive[] = [];
  let at = 0;
  for (let i = first; i <= last; i++) {
    const old = before[i];
    const now = after[i];
    if (old === now) {
      continue;
    }
    gone.push(old);
    added.push(now);
    const placement = previous.placements.get(old);
    if (placement === undefined) {
      return undefined;
    }
    at = order.indexOf(old, at);
    if (at < 0) {
      return undefined;
    }
    order[at] = now;
    placements.delete(old);
    const target = placement.target;
    if (target === undefined) {
      placements.set(now, placement);
      continue;
    }
    let copy = copies.get(target);
    if (copy === undefined) {
      copy = { ...target, entries: target.entries.slice() };
      copies.set(target, copy);
    }
    const k = copy.entries.indexOf(old);
    if (k < 0) {
      return undefined;
    }
    copy.entries[k] = now;
    placements.set(now, placement);
  }
  // Every placement that names a copied section names the copy.
  const moved = new Map<Placement, Placement>();
  for (const [old, copy] of copies) {
    for (const d of copy.entries) {
      const placement = placements.get(d);
      if (placement !== undefined && placement.target === old) {
        let now = moved.get(placement);
        if (now === undefined) {
          now = { ...placement, target: copy };
          moved.set(placement, now);
        }
        placements.set(d, now);
      }
    }
  }
  const swap = (s: Section): Section => copies.get(s) ?? s;
  const patched =
    previous.placements instanceof PatchedPlacements ? previous.placements.with(order, changed) : new PatchedPlacements(previous.placements, order, changed);
  const model: ConfigModel = {
    settings,
    main: newMain,
    files: [newMain, ...previous.files.slice(1)],
    order,
    global: swap(previous.global),
    defaultListener: swap(previous.defaultListener),
    listeners: copies.size > 0 ? previous.listeners.map(swap) : previous.listeners,
    bridges: copies.size > 0 ? previous.bridges.map(swap) : previous.bridges,
    placements: patched.size > 0 && patched.changes > 64 + patched.size / 4 ? new Map(patched) : patched,
    includes: previous.includes,
    includedBy: previous.includedBy,
    perListenerSettings: previous.perListenerSettings,
    fragment: previous.fragment,
  };
  BUILT_FROM.set(model, { path: input.path, settings: settingsKey, hostPlatform: fs.hostPlatform, lineage: from.lineage });
  PATCHES.set(model, { from: new WeakRef(previous), gone, added });
  return model;
}

/**
 * A patch for directives with an unknown keyword that came or went (see patchConfig): the old
 * ones leave the reading order, the new ones enter it after `previous` (the directive before
 * them in the main file, if any), placed nowhere. No section changes.
 */
function patchUnknownLines(
  model: ConfigModel,
  main: ParsedFile,
  settings: AnalysisSettings,
  path: string | undefined,
  fs: FileSystemAccess,
  gone: readonly Directive[],
  added: readonly Directive[],
  previous: Directive | undefined,
): ConfigModel | undefined {
  const order = model.order.slice();
  let at: number;
  if (gone.length > 0) {
    at = order.indexOf(gone[0]);
  } else if (previous === undefined) {
    at = 0;
  } else if (builderName(previous) === 'include_dir') {
    return undefined; // the included files' directives come between
  } else {
    at = order.indexOf(previous) + 1;
  }
  if (at < 0 || (gone.length > 0 && order[at + gone.length - 1] !== gone[gone.length - 1])) {
    return undefined;
  }
  order.splice(at, gone.length, ...added);
  const changed = new Map<Directive, Placement | null>();
  for (const d of gone) {
    changed.set(d, null);
  }
  // per_listener_settings as it was when the line before was read (every placement notes it).
  const perListenerSettings = at > 0 ? (model.placements.get(order[at - 1])?.perListenerSettings ?? false) : false;
  const placement: Placement = { kind: 'unknown', target: undefined, plugin: undefined, perListenerSettings, included: false };
  for (const d of added) {
    changed.set(d, placement);
  }
  const placements =
    model.placements instanceof PatchedPlacements ? model.placements.with(order, changed) : new PatchedPlacements(model.placements, order, changed);
  const patched: ConfigModel = {
    ...model,
    settings,
    main,
    files: [main, ...model.files.slice(1)],
    order,
    placements: placements.changes > 64 + placements.size / 4 ? new Map(placements) : placements,
  };
  BUILT_FROM.set(patched, { path, settings: JSON.stringify(settings), hostPlatform: fs.hostPlatform, lineage: modelLineage(model) });
  PATCHES.set(patched, { from: new WeakRef(model), gone, added });
  return patched;
}

/**
 * The placements of a patched model: those of a built model with the few that an edit changed
 * laid over them, instead of a copy of the whole map per edit. Iterates in reading order, as
 * the built map does. Read-only, like the built map; when the changes pile up over many edits,
 * the patch copies it into a plain map again.
 */
class PatchedPlacements implements ReadonlyMap<Directive, Placement> {
  constructor(
    private readonly base: ReadonlyMap<Directive, Placement>,
    private readonly order: readonly Directive[],
    private readonly changed: ReadonlyMap<Directive, Placement | null>,
  ) {}

  /** The same base with more changes (a patch of a patched model). */
  with(order: readonly Directive[], more: ReadonlyMap<Directive, Placement | null>): PatchedPlacements {
    const changed = new Map(this.changed);
    for (const [d, placement] of more) {
      if (placement === null && !this.base.has(d)) {
        // Gone, and never in the base (it came with an earlier patch): nothing to hide. Editing
        // one line over and over keeps one change, not one per edit.
        changed.delete(d);
      } else {
        changed.set(d, placement);
      }
    }
    return new PatchedPlacements(this.base, order, changed);
  }

  /** How many placements differ from the base. */
  get changes(): number {
    return this.changed.size;
  }

  get size(): number {
    return this.order.length;
  }

  get(d: Directive): Placement | undefined {
    const placement = this.changed.get(d);
    return placement === undefined ? this.base.get(d) : (placement ?? undefined);
  }

  has(d: Directive): boolean {
    return this.get(d) !== undefined;
  }

  forEach(callback: (value: Placement, key: Directive, map: ReadonlyMap<Directive, Placement>) => void, thisArg?: unknown): void {
    for (const [d, placement] of this.entries()) {
      callback.call(thisArg, placement, d, this);
    }
  }

  *entries(): MapIterator<[Directive, Placement]> {
    for (const d of this.order) {
      const placement = this.get(d);
      if (placement !== undefined) {
        yield [d, placement];
      }
    }
  }

  *keys(): MapIterator<Directive> {
    for (const [d] of this.entries()) {
      yield d;
    }
  }

  *values(): MapIterator<Placement> {
    for (const [, placement] of this.entries()) {
      yield placement;
    }
  }

  [Symbol.iterator](): MapIterator<[Directive, Placement]> {
    return this.entries();
  }
}

/** Whether every include_dir folder of a model still lists the same files with the same text. */
function sameIncludedFiles(model: ConfigModel, mainPath: string | undefined, settings: AnalysisSettings, fs: FileSystemAccess): boolean {
  for (const info of model.includes) {
    if (info.status === 'nested') {
      continue;
    }
    const listing = listInclude(info.directive, mainPath, settings, fs);
    const now = listing.info;
    if (
      now.status !== info.status ||
      now.directory !== info.directory ||
      !sameStrings(now.files, info.files) ||
      !sameStrings(now.skipped, info.skipped) ||
      JSON.stringify(now.mapping) !== JSON.stringify(info.mapping)
    ) {
      return false;
    }
    for (let i = 0; i < now.files.length; i++) {
      const file = model.files.find((f) => f.uri === now.files[i]);
      if (file === undefined || file.text !== listing.texts[i]) {
        return false;
      }
    }
  }
  return true;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Whether a path names a configuration fragment: a file in a `conf.d`-style folder (a folder
 * whose name ends in `.d`), which a main configuration reads through include_dir.
 */
export function isFragmentPath(path: string): boolean {
  const parts = path.split(/[\\/]/);
  return parts.length >= 2 && /\.d$/i.test(parts[parts.length - 2]) && /\.conf$/i.test(parts[parts.length - 1]);
}

/** Short human name of a section: `listener 1885`, `bridge "cloud"`, `default listener`, `global`. */
export function describeSection(section: Section): string {
  switch (section.kind) {
    case 'global':
      return 'global';
    case 'default-listener':
      return `default listener (port ${section.port ?? 1883})`;
    case 'listener':
      return section.address !== undefined ? `listener ${section.port ?? '?'} ${section.address}` : `listener ${section.port ?? '?'}`;
    case 'bridge':
      return `bridge ${section.name ?? '(unnamed)'}`;
  }
}

/** The last directive in a section with one of the given names (synonyms by canonical name). */
export function lastEntry(section: Section, ...names: DirectiveName[]): Directive | undefined {
  const entries = section.entries;
  if (names.length === 1) {
    // The usual call: one name, compared without a list search.
    const wanted: string = names[0];
    for (let i = entries.length - 1; i >= 0; i--) {
      const d = entries[i];
      const spec = d.spec;
      if (spec === undefined) {
        if (d.name === wanted) {
          return d;
        }
      } else if ((spec.prefix !== undefined ? spec.name : d.name) === wanted || spec.aliasOf === wanted) {
        return d;
      }
    }
    return undefined;
  }
  const wanted: readonly string[] = names;
  for (let i = entries.length - 1; i >= 0; i--) {
    const d = entries[i];
    const spec = d.spec;
    const name = spec?.prefix !== undefined ? spec.name : d.name;
    if (wanted.includes(name) || (spec?.aliasOf !== undefined && wanted.includes(spec.aliasOf))) {
      return d;
    }
  }
  return undefined;
}

/**
 * Options that make releases up to 2.0 open the default listener whenever they are set on it
 * (a pointer or count in the broker's `default_listener` that is no longer empty). Read from
 * the condition after parsing in src/conf.c at each tag (`config__parse_args` in 2.0): the
 * TLS files and settings, addresses, mount point, socket domain, password and PSK files and
 * authentication plugins. Everything else (acl_file, tls_version, max_topic_alias, http_dir,
 * websockets options, …) leaves it closed. Checked against 1.5.11, 1.6.15, 2.0.11, 2.0.22.
 */
const OPENS_DEFAULT_LISTENER_WHEN_SET: ReadonlySet<string> = new Set([
  'cafile',
  'capath',
  'certfile',
  'keyfile',
  'ciphers',
  'psk_hint',
  'crlfile',
  'bind_address',
  'port',
  'mount_point',
  'socket_domain',
  'password_file',
  'psk_file',
  'auth_plugin',
  'plugin',
]);
/** The same, added in 1.6 (bind_interface, engines, dhparamfile) and 2.0 (TLS 1.3 ciphers). */
const OPENS_DEFAULT_LISTENER_WHEN_SET_1_6: ReadonlySet<string> = new Set(['bind_interface', 'tls_engine', 'tls_engine_kpass_sha1', 'dhparamfile']);

/**
 * Whether a directive attached to the default listener makes releases up to 2.0 open it:
 * the broker checks for values that differ from the defaults, not for lines.
 */
function triggersDefaultListener(d: Directive, version: Version): boolean {
  const name = d.spec?.prefix !== undefined ? d.spec.name : d.name;
  const token = d.args[0]?.text;
  const isTrue = readBool(token) === true;
  const is16 = atLeast(version, SINCE.release1_6);
  switch (name) {
    case 'require_certificate':
    case 'use_identity_as_username':
    case 'use_subject_as_username':
    case 'use_username_as_clientid':
      return isTrue;
    case 'max_connections':
      return atoi(token) !== -1;
    case 'max_qos':
    case 'maximum_qos':
      return is16 && atoi(token) !== 2;
    case 'protocol':
      return token !== 'mqtt';
    case 'tls_keyform':
      return is16 && d.value !== 'pem';
    case 'allow_zero_length_clientid':
      return is16 && !isTrue;
    case 'allow_anonymous':
      return !atLeast(version, SINCE.release2_0);
    case 'ciphers_tls1.3':
      return atLeast(version, SINCE.release2_0);
    default:
      return OPENS_DEFAULT_LISTENER_WHEN_SET.has(name) || (is16 && OPENS_DEFAULT_LISTENER_WHEN_SET_1_6.has(name));
  }
}

/** The answer of activeListeners per model (a built model never changes), also as a set. */
const ACTIVE = new WeakMap<ConfigModel, { readonly list: readonly Section[]; readonly set: ReadonlySet<Section> }>();

function activeOf(model: ConfigModel): { readonly list: readonly Section[]; readonly set: ReadonlySet<Section> } {
  let active = ACTIVE.get(model);
  if (active === undefined) {
    const list = computeActiveListeners(model);
    active = { list, set: new Set(list) };
    ACTIVE.set(model, active);
  }
  return active;
}

/** Whether the broker opens this listener (one of `activeListeners`), without a list search. */
export function isActiveListener(model: ConfigModel, section: Section): boolean {
  return activeOf(model).set.has(section);
}

/** The listeners the broker will open: explicit ones plus the default listener when it is used. */
export function activeListeners(model: ConfigModel): Section[] {
  // A copy: callers may change their list.
  return activeOf(model).list.slice();
}

function computeActiveListeners(model: ConfigModel): Section[] {
  const version = model.settings.brokerVersion;
  const dl = model.defaultListener;
  const leavesLocalOnly = model.listeners.length > 0 || dl.explicit;
  let opens: boolean;
  if (dl.explicit) {
    opens = true;
  } else if (atLeast(version, SINCE.release2_1)) {
    opens = dl.entries.length > 0 && leavesLocalOnly;
  } else if (!atLeast(version, SINCE.release2_0) && model.listeners.length === 0) {
    opens = true;
  } else {
    opens = dl.entries.some((d) => triggersDefaultListener(d, version)) && (leavesLocalOnly || !atLeast(version, SINCE.localOnlyByDefaultListener));
  }
  return opens ? [dl, ...model.listeners] : [...model.listeners];
}

/**
 * Whether the selected release loads a listener's certificate files (`certfile`, `keyfile` and
 * the CA/CRL files that go with them): the one answer every rule uses. It needs both `certfile`
 * and `keyfile`. Before 2.0 an MQTT listener also needs `cafile` or `capath` (net.c of 1.5/1.6
 * sets TLS up only with all three), while a websockets listener hands whatever is set to
 * libwebsockets (websockets.c), which loads the certificate and key without a CA file: checked
 * with 1.5.11 and 1.6.15 (test/broker/tls.ts). Whether the listener is opened at all is the
 * caller's question (`loadsCertificates` in model/tls.ts).
 */
export function listenerLoadsCertificates(section: Section, version: Version): boolean {
  if (lastEntry(section, 'certfile') === undefined || lastEntry(section, 'keyfile') === undefined) {
    return false;
  }
  return atLeast(version, SINCE.release2_0) || listenerProtocol(section) === 'websockets' || lastEntry(section, 'cafile', 'capath') !== undefined;
}

/**
 * Whether the broker switches TLS on for a listener, so that it checks `tls_version`/`ciphers`:
 * it loads a certificate (`listenerLoadsCertificates`), or `psk_hint` asks for TLS-PSK.
 */
export function listenerUsesTls(section: Section, version: Version): boolean {
  return listenerLoadsCertificates(section, version) || lastEntry(section, 'psk_hint') !== undefined;
}

/** The listener's protocol (`mqtt` unless `protocol` says otherwise). */
export function listenerProtocol(section: Section): string {
  return lastEntry(section, 'protocol')?.args[0]?.text ?? 'mqtt';
}
