import type { DocumentSymbol, Range, SymbolInformation } from 'vscode-languageserver-types';
import { SymbolKind, SymbolTag } from 'vscode-languageserver-types';
import type { ConfigModel, Placement, Section } from '../model/config';
import { describeSection, lastEntry, listenerProtocol } from '../model/config';
import type { Directive, ParsedFile } from '../parser/parser';
import { atLeast } from '../version';
import { columnsRange } from '../model/positions';

/**
 * Outline of one document, grouped by the section the broker applies each line to.
 *
 * Design. A mosquitto.conf has no closing keywords and its sections need not be contiguous:
 * global options may stand anywhere (between or inside listener blocks), and a listener
 * option after a `connection` line still belongs to the last listener. The outline shows
 * the model's truth, the *effective* section (`placements`), not the indentation:
 *
 * - Section symbols: `global`, the default listener (only when lines of this document
 *   configure it), each listener, each bridge. Their children are the directives of this
 *   document placed in that section (the header line is the section symbol itself).
 * - A section's `range` is the hull of its header and its children in this document, so
 *   every child lies inside its parent and `selectionRange` inside `range`. Sections may
 *   therefore overlap when the file interleaves them (the broker allows it); the global
 *   section in particular usually spans most of the file.
 * - Order: listeners, bridges, the default listener and the lines that belong to no section
 *   (unknown directives, a bridge option before any `connection`, …) come first, sorted by
 *   position; `global` comes last. Clients that name the symbol at the cursor by taking the
 *   first top-level symbol whose range contains it (VS Code breadcrumbs and "follow cursor")
 *   then name the listener or bridge block the cursor is in rather than the catch-all global
 *   section. Outline views that sort by position are unaffected.
 * - Directives of included files are not listed: they belong to their own documents.
 */

/** Longest value shown as a symbol's detail. */
const DETAIL_LIMIT = 60;

/** Makes a keyword or value printable: tabs and other invisible characters as escapes. */
function visible(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\ufeff]/g, (c) => (c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

function detailOf(value: string): string {
  const shown = visible(value);
  return shown.length > DETAIL_LIMIT ? `${shown.slice(0, DETAIL_LIMIT - 1)}…` : shown;
}

/** Bridge address as written (`host:port`, the first of several). */
function bridgeTarget(section: Section): string | undefined {
  const address = lastEntry(section, 'address');
  if (!address || address.args.length === 0) {
    return undefined;
  }
  const first = address.args[0].text;
  return address.args.length > 1 && !address.args[1].text.startsWith('#') ? `${first}, …` : first;
}

/** What makes a listener stand out: protocol, encryption, unix socket. */
function listenerTraits(section: Section): string[] {
  const traits: string[] = [];
  const protocol = listenerProtocol(section);
  if (protocol !== 'mqtt') {
    traits.push(protocol);
  }
  if (lastEntry(section, 'certfile') && lastEntry(section, 'keyfile')) {
    traits.push('TLS');
  } else if (lastEntry(section, 'psk_hint')) {
    traits.push('TLS-PSK');
  }
  if (section.kind === 'listener' && section.port === 0 && section.address !== undefined) {
    traits.push('unix socket');
  }
  return traits;
}

/** Display name of a section: `listener 1885 (websockets, TLS)`, `bridge cloud → host:8883`. */
export function sectionTitle(section: Section): string {
  switch (section.kind) {
    case 'global':
      return 'global';
    case 'default-listener': {
      const address = section.address !== undefined ? ` on ${section.address}` : '';
      const traits = listenerTraits(section);
      return `default listener (port ${section.port ?? 1883}${address}${traits.length > 0 ? `, ${traits.join(', ')}` : ''})`;
    }
    case 'listener': {
      const header = section.header;
      const port = header?.args[0]?.text ?? String(section.port ?? '?');
      const address = section.address !== undefined ? ` ${section.address}` : '';
      const traits = listenerTraits(section);
      return `listener ${visible(port)}${visible(address)}${traits.length > 0 ? ` (${traits.join(', ')})` : ''}`;
    }
    case 'bridge': {
      const target = bridgeTarget(section);
      const name = section.name !== undefined ? visible(section.name) : describeSection(section).replace(/^bridge /, '');
      return target !== undefined ? `bridge ${name} → ${visible(target)}` : `bridge ${name}`;
    }
  }
}

function sectionKind(section: Section): SymbolKind {
  switch (section.kind) {
    case 'global':
      return SymbolKind.Namespace;
    case 'bridge':
      return SymbolKind.Module;
    default:
      return SymbolKind.Interface;
  }
}

/** Why a line applies to no section, shown as its detail. */
function orphanReason(placement: Placement | undefined): string {
  switch (placement?.kind) {
    case 'unknown':
      return 'unknown directive';
    case 'no-bridge':
      return 'no bridge: needs a connection line before it';
    case 'no-listener':
      return 'no listener: needs a listener line before it';
    case 'no-explicit-listener':
      return 'needs a listener line before it';
    case 'no-plugin':
      return 'no plugin: needs a plugin line before it';
    default:
      return 'applies to no section';
  }
}

function directiveSymbol(d: Directive, file: ParsedFile, model: ConfigModel, detail?: string): DocumentSymbol {
  const spec = d.spec;
  const version = model.settings.brokerVersion;
  const deprecated = spec?.deprecated !== undefined && atLeast(version, spec.deprecated.version);
  const removed = spec?.removed !== undefined && atLeast(version, spec.removed.version);
  const name = visible(d.name);
  const symbol: DocumentSymbol = {
    name: name.trim().length > 0 ? name : '(blank)',
    detail: detail ?? detailOf(d.value),
    kind: spec ? SymbolKind.Property : SymbolKind.Key,
    range: columnsRange(file, d, 0, d.text.length),
    selectionRange: columnsRange(file, d, d.nameStart, d.nameEnd),
  };
  if (deprecated || removed) {
    symbol.tags = [SymbolTag.Deprecated];
  }
  return symbol;
}

function hull(ranges: readonly Range[]): Range {
  let start = ranges[0].start;
  let end = ranges[0].end;
  for (const r of ranges) {
    if (r.start.line < start.line || (r.start.line === start.line && r.start.character < start.character)) {
      start = r.start;
    }
    if (r.end.line > end.line || (r.end.line === end.line && r.end.character > end.character)) {
      end = r.end;
    }
  }
  return { start, end };
}

function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

function sectionSymbol(section: Section, file: ParsedFile, model: ConfigModel): DocumentSymbol | undefined {
  const header = section.header !== undefined && section.header.file === file.uri ? section.header : undefined;
  const children = section.entries.filter((d) => d.file === file.uri && d !== section.header).map((d) => directiveSymbol(d, file, model));
  if (!header && children.length === 0) {
    return undefined;
  }
  const headerRange = header ? columnsRange(file, header, 0, header.text.length) : undefined;
  const selectionRange = headerRange ?? children[0].selectionRange;
  const range = hull([...(headerRange ? [headerRange] : []), ...children.map((c) => c.range)]);
  return {
    name: sectionTitle(section),
    detail: section.kind === 'global' && model.perListenerSettings ? 'per_listener_settings true' : undefined,
    kind: sectionKind(section),
    range,
    selectionRange,
    children,
  };
}

/** The document's symbols as a tree (see the design note at the top of this file). */
export function documentSymbols(model: ConfigModel, file: ParsedFile = model.main): DocumentSymbol[] {
  const top: DocumentSymbol[] = [];
  for (const section of [model.defaultListener, ...model.listeners, ...model.bridges]) {
    const symbol = sectionSymbol(section, file, model);
    if (symbol) {
      top.push(symbol);
    }
  }
  for (const d of model.order) {
    if (d.file !== file.uri) {
      continue;
    }
    const placement = model.placements.get(d);
    if (placement?.target === undefined) {
      top.push(directiveSymbol(d, file, model, orphanReason(placement)));
    }
  }
  top.sort((a, b) => compareRanges(a.range, b.range));
  const global = sectionSymbol(model.global, file, model);
  if (global) {
    top.push(global);
  }
  return top;
}

/** The same symbols as a flat list, for clients without hierarchical symbol support. */
export function symbolInformation(model: ConfigModel, uri: string, file: ParsedFile = model.main): SymbolInformation[] {
  const flat: SymbolInformation[] = [];
  const visit = (symbol: DocumentSymbol, container: string | undefined): void => {
    const info: SymbolInformation = { name: symbol.name, kind: symbol.kind, location: { uri, range: symbol.range } };
    if (container !== undefined) {
      info.containerName = container;
    }
    if (symbol.tags) {
      info.tags = symbol.tags;
    }
    flat.push(info);
    for (const child of symbol.children ?? []) {
      visit(child, symbol.name);
    }
  };
  for (const symbol of documentSymbols(model, file)) {
    visit(symbol, undefined);
  }
  return flat.sort((a, b) => compareRanges(a.location.range, b.location.range));
}
