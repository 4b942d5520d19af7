import type { DirectiveSpec } from '../data/types';
import type { ConfigModel, PlacementKind, Section } from './config';
import { decidePlacement, PLUGIN_LINES } from './config';
import { SINCE, nameOf } from './reading';
import type { Directive, ParsedFile } from '../parser/parser';
import { atLeast } from '../version';

/**
 * What the broker's reader state is when it reaches a line: the "current" listener, bridge
 * and plugin (tracked independently, fresh for every file) and per_listener_settings.
 */
export interface LineContext {
  readonly file: ParsedFile;
  readonly line: number;
  /** The directive written on this line, if any. */
  readonly directive: Directive | undefined;
  /**
   * The block the line sits in as a reader sees it: the section opened by the last
   * `listener` or `connection` line above it in this file (undefined: the global area).
   */
  readonly block: Section | undefined;
  /** The listener a listener option on this line would configure. */
  readonly listener: Section | undefined;
  /** The bridge a bridge option on this line would configure. */
  readonly bridge: Section | undefined;
  /** The plugin line a plugin option on this line would attach to. */
  readonly plugin: Directive | undefined;
  /** per_listener_settings as the broker knows it when it reads this line. */
  readonly perListenerSettings: boolean;
  /** The file is read through include_dir. */
  readonly included: boolean;
}

/** Where a directive written on a line would land. */
export interface LandingPlace {
  readonly kind: PlacementKind;
  /** The section it would configure (undefined for a new section or when it has none). */
  readonly target: Section | undefined;
}

/** The parsed file with this id in the model (the main file when unknown). */
export function fileOf(model: ConfigModel, fileId: string): ParsedFile {
  return model.files.find((f) => f.uri === fileId) ?? model.main;
}

/** The directive on one line of a file. */
export function directiveAt(file: ParsedFile, line: number): Directive | undefined {
  return file.lines[line]?.directive;
}

/** The reader state the walk over a file's lines carries from line to line. */
interface ReaderState {
  listener: Section | undefined;
  bridge: Section | undefined;
  plugin: Directive | undefined;
  block: Section | undefined;
  last: Directive | undefined;
}

/** Lines between two kept reader states (see checkpointsOf). */
const CHECKPOINT_LINES = 256;

/**
 * Reader states at every CHECKPOINT_LINES-th line of a file, per model (a model never
 * changes once built): completion and hover ask for the state at a line on every request,
 * and walking from the top of a 10k-line file each time was most of their time.
 */
const checkpoints = new WeakMap<ConfigModel, Map<ParsedFile, readonly ReaderState[]>>();

function checkpointsOf(model: ConfigModel, file: ParsedFile): readonly ReaderState[] {
  let perFile = checkpoints.get(model);
  if (perFile === undefined) {
    perFile = new Map();
    checkpoints.set(model, perFile);
  }
  let states = perFile.get(file);
  if (states === undefined) {
    const list: ReaderState[] = [];
    const state: ReaderState = { listener: undefined, bridge: undefined, plugin: undefined, block: undefined, last: undefined };
    for (let i = 0; i < file.lines.length; i += CHECKPOINT_LINES) {
      list.push({ ...state });
      walk(model, file, state, i, Math.min(i + CHECKPOINT_LINES, file.lines.length));
    }
    states = list;
    perFile.set(file, states);
  }
  return states;
}

/** Advances `state` over the lines [from, to) of the file, as the broker reads them. */
function walk(model: ConfigModel, file: ParsedFile, state: ReaderState, from: number, to: number): void {
  const is21 = atLeast(model.settings.brokerVersion, SINCE.release2_1);
  for (let i = from; i < to; i++) {
    const d = file.lines[i].directive;
    if (!d) {
      continue;
    }
    const placement = model.placements.get(d);
    if (!placement || !d.spec) {
      continue;
    }
    state.last = d;
    const name = nameOf(d);
    if (name === 'listener') {
      state.listener = placement.target;
      state.block = placement.target;
    } else if (name === 'connection') {
      state.bridge = placement.target;
      state.block = placement.target;
    } else if (name === 'port' || name === 'bind_address') {
      if (is21) {
        state.listener = model.defaultListener;
      }
    } else {
      if (PLUGIN_LINES.has(name)) {
        state.plugin = d;
      }
      if (is21 && placement.kind === 'implicit-default-listener') {
        state.listener = model.defaultListener;
      }
    }
  }
}

/** The reader state when the broker reaches `line` of the file `fileId`. */
export function lineContext(model: ConfigModel, fileId: string, line: number): LineContext {
  const file = fileOf(model, fileId);
  const end = Math.max(0, Math.min(line, file.lines.length));
  const states = checkpointsOf(model, file);
  const index = Math.min(Math.floor(end / CHECKPOINT_LINES), states.length - 1);
  const state: ReaderState =
    index >= 0 ? { ...states[index] } : { listener: undefined, bridge: undefined, plugin: undefined, block: undefined, last: undefined };
  walk(model, file, state, Math.max(0, index) * CHECKPOINT_LINES, end);
  const { block, listener, bridge, plugin, last } = state;
  return {
    file,
    line,
    directive: directiveAt(file, line),
    block,
    listener,
    bridge,
    plugin,
    perListenerSettings: perListenerSettingsAt(model, file, last),
    included: file !== model.main,
  };
}

/** per_listener_settings after reading `last` (and the files an include_dir there reads). */
function perListenerSettingsAt(model: ConfigModel, file: ParsedFile, last: Directive | undefined): boolean {
  const order = model.order;
  let index: number;
  if (last) {
    index = order.indexOf(last);
    while (index + 1 < order.length && order[index + 1].file !== file.uri && nameOf(last) === 'include_dir') {
      index++;
    }
  } else {
    const first = file.directives.find((d) => model.placements.has(d));
    index = first ? order.indexOf(first) - 1 : -1;
  }
  const placement = index >= 0 ? model.placements.get(order[index]) : undefined;
  return placement?.perListenerSettings ?? false;
}

/**
 * Where a directive with this spec would land if it were written on the context's line: the
 * model's own placement rules (decidePlacement) applied to the reader state at that line.
 */
export function landingPlace(model: ConfigModel, context: LineContext, spec: DirectiveSpec): LandingPlace {
  const { kind, target } = decidePlacement(spec, context, model.settings.brokerVersion, model, (plugin) => model.placements.get(plugin)?.target);
  return { kind, target };
}
