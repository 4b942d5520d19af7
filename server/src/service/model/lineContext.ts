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

/** The reader state when the broker reaches `line` of the file `fileId`. */
export function lineContext(model: ConfigModel, fileId: string, line: number): LineContext {
  const file = fileOf(model, fileId);
  const is21 = atLeast(model.settings.brokerVersion, SINCE.release2_1);
  let listener: Section | undefined;
  let bridge: Section | undefined;
  let plugin: Directive | undefined;
  let block: Section | undefined;
  let last: Directive | undefined;
  for (let i = 0; i < line && i < file.lines.length; i++) {
    const d = file.lines[i].directive;
    if (!d) {
      continue;
    }
    const placement = model.placements.get(d);
    if (!placement || !d.spec) {
      continue;
    }
    last = d;
    const name = nameOf(d);
    if (name === 'listener') {
      listener = placement.target;
      block = placement.target;
    } else if (name === 'connection') {
      bridge = placement.target;
      block = placement.target;
    } else if (name === 'port' || name === 'bind_address') {
      if (is21) {
        listener = model.defaultListener;
      }
    } else {
      if (PLUGIN_LINES.has(name)) {
        plugin = d;
      }
      if (is21 && placement.kind === 'implicit-default-listener') {
        listener = model.defaultListener;
      }
    }
  }
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
