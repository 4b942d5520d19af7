import type { DocumentLink, Location, LocationLink, Position, Range } from 'vscode-languageserver-types';
import type { ConfigModel } from '../model/config';
import type { Directive, ParsedFile } from '../parser/parser';
import type { Platform } from '../types';
import type { PathMapping } from '../model/brokerPaths';
import { resolveBrokerPath } from '../model/brokerPaths';
import { dirname, isPosixAbsolute, isWindowsAbsolute } from '../util/paths';
import type { Version } from '../version';
import type { PathValue } from '../model/reading';
import { isCSpace, nameOf, nulReading, pathValue } from '../model/reading';
import { lineIn, lineRangeIn, nameRangeIn, parsedFileOf } from '../model/positions';

/**
 * Document links on path values, and go to definition (include_dir → the included files,
 * plugin options → their plugin line, `plugin_use` → its `plugin_load`, file paths → the file).
 *
 * The path is the one the broker reads (a string value trimmed from 1.6.9 on, a raw value
 * with every blank it has); the link covers the visible value. A path is linked only when
 * it means something on this machine: absolute in this host's spelling, or relative and
 * resolved against the configuration file's folder. That is a guess (the broker opens a
 * relative path against its working directory), and the link's tooltip says so. Paths with
 * `%VAR%` references (which the Windows broker expands) are not linked.
 */

/** What links need from the adapter: where the document is and how to make a URI. */
export interface LinkContext {
  /** Native path of the document's file, when it is on disk. */
  readonly path?: string;
  /** Platform of the machine the files are on. */
  readonly hostPlatform: Platform;
  /** Platform the broker runs on (default: this machine's). */
  readonly platform?: Platform;
  /** Path mappings of the analysis (settings, `--path-map`, Compose). */
  readonly mappings?: readonly PathMapping[];
  /** Turns a native path into a URI. */
  toUri(path: string): string;
}

/** A path the broker reads from one line, with the range to show it on. */
interface LinkedPath {
  /** The path exactly as the broker reads it. */
  readonly path: string;
  /** Range of the path in the line, without surrounding white space. */
  readonly range: Range;
  readonly kind: PathValue['kind'];
}

/** The path a directive on 0-based `line` names (model/reading's pathValue), with its visible range. */
function linkedPath(d: Directive, line: number, version: Version): LinkedPath | undefined {
  const value = pathValue(d, version);
  if (!value) {
    return undefined;
  }
  // The path as read may carry blanks the broker keeps; the link covers the visible part.
  let s = 0;
  let e = value.text.length;
  while (s < e && isCSpace(value.text.charCodeAt(s))) {
    s++;
  }
  while (e > s && isCSpace(value.text.charCodeAt(e - 1))) {
    e--;
  }
  if (s === e) {
    return undefined;
  }
  return {
    path: value.text,
    range: { start: { line, character: value.start + s }, end: { line, character: value.start + e } },
    kind: value.kind,
  };
}

/** Where a path from the configuration is on this machine, and whether that is a guess. */
export function resolveOnHost(path: string, context: LinkContext): { path: string; relative: boolean; mapping?: PathMapping } | undefined {
  const resolved = resolveBrokerPath(path, {
    platform: context.platform ?? context.hostPlatform,
    hostPlatform: context.hostPlatform,
    mappings: context.mappings ?? [],
    baseDir: context.path !== undefined ? dirname(context.path) : undefined,
  });
  if (resolved.kind !== 'local' || path.includes('%')) {
    return undefined;
  }
  return { path: resolved.local, relative: resolved.relative, ...(resolved.mapping ? { mapping: resolved.mapping } : {}) };
}

const RELATIVE_NOTE = 'Relative path, opened here from the folder of this file; the broker resolves it against its working directory.';

/** Links on every path value of the document that can be resolved on this machine. */
export function documentLinks(parsed: ParsedFile, version: Version, context: LinkContext): DocumentLink[] {
  const links: DocumentLink[] = [];
  const nuls = nulReading(parsed, version);
  for (let line = 0; line < parsed.lines.length; line++) {
    const d = parsed.lines[line].directive;
    if (!d) {
      continue;
    }
    if (nuls.stop !== undefined && line >= nuls.stop.line) {
      break;
    }
    if (nuls.emptiedLines.has(line)) {
      continue;
    }
    const value = linkedPath(d, line, version);
    if (!value) {
      continue;
    }
    const resolved = resolveOnHost(value.path, context);
    if (!resolved) {
      continue;
    }
    const link: DocumentLink = { range: value.range, target: context.toUri(resolved.path) };
    if (resolved.relative) {
      link.tooltip = RELATIVE_NOTE;
    } else if (resolved.mapping) {
      link.tooltip = `Opened through the path mapping ${resolved.mapping.brokerPath} → ${resolved.mapping.localPath ?? ''} (${resolved.mapping.origin}).`;
    }
    links.push(link);
  }
  return links;
}

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** One definition target before it becomes a Location or a LocationLink. */
interface Target {
  readonly uri: string;
  readonly range: Range;
  readonly selectionRange: Range;
}

/**
 * Definitions for the position: the files an `include_dir` line reads (in the broker's
 * order), the plugin line a plugin option attaches to, the `plugin_load` a `plugin_use`
 * names, the file a path value names. LocationLinks when the client supports them.
 */
export function definition(model: ConfigModel, parsed: ParsedFile, position: Position, context: LinkContext, linkSupport = false): Location[] | LocationLink[] {
  const line = position.line;
  const d = parsed.lines[line]?.directive;
  if (!d || position.character < d.nameStart || !d.spec) {
    return [];
  }
  const version = model.settings.brokerVersion;
  const name = nameOf(d);
  const targets: Target[] = [];
  const columns = (start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });
  let origin: Range = columns(0, d.text.length);
  // The model's own line object for this line (the model may have read the file apart from `parsed`).
  const inModel = parsedFileOf(model, d.file)?.lines[line]?.directive;
  const idOf = (file: string): string => (isPosixAbsolute(file) || isWindowsAbsolute(file) ? context.toUri(file) : file);

  if (name === 'include_dir') {
    const include = inModel && model.includes.find((i) => i.directive === inModel);
    for (const file of include?.files ?? []) {
      targets.push({ uri: context.toUri(file), range: FILE_START, selectionRange: FILE_START });
    }
    origin = linkedPath(d, line, version)?.range ?? columns(d.nameStart, d.nameEnd);
  } else if (d.spec.scope === 'plugin') {
    const placed = inModel && model.placements.get(inModel);
    const plugin = placed?.plugin;
    if (plugin) {
      targets.push({ uri: idOf(plugin.file), range: lineRangeIn(model, plugin), selectionRange: nameRangeIn(model, plugin) });
    }
    origin = columns(d.nameStart, d.nameEnd);
  } else if (name === 'plugin_use') {
    const wanted = d.args[0]?.text;
    const load = model.order.find((x) => x.spec !== undefined && x.name === 'plugin_load' && x.args[0]?.text === wanted);
    if (wanted !== undefined && load) {
      const loadLine = lineIn(model, load);
      targets.push({
        uri: idOf(load.file),
        range: lineRangeIn(model, load),
        selectionRange: { start: { line: loadLine, character: load.args[0].start }, end: { line: loadLine, character: load.args[0].end } },
      });
      origin = columns(d.args[0].start, d.args[0].end);
    }
  } else {
    const value = linkedPath(d, line, version);
    if (value && value.kind === 'file' && contains(value.range, position)) {
      const resolved = resolveOnHost(value.path, context);
      if (resolved) {
        targets.push({ uri: context.toUri(resolved.path), range: FILE_START, selectionRange: FILE_START });
        origin = value.range;
      }
    }
  }
  if (linkSupport) {
    return targets.map((t) => ({ originSelectionRange: origin, targetUri: t.uri, targetRange: t.range, targetSelectionRange: t.selectionRange }));
  }
  return targets.map((t) => ({ uri: t.uri, range: t.selectionRange }));
}
