import type { CompletionItem, CompletionList, Position, Range } from 'vscode-languageserver-types';
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, InsertTextMode } from 'vscode-languageserver-types';
import { DIRECTIVES } from '../data';
import { DIRECTIVE_DOCS } from '../data/docs';
import { defaultFor } from '../data/defaults';
import { PATH_OPTIONS } from '../data/paths';
import { unsupportedOn } from '../data/platforms';
import type { ArgSpec, DirectiveSpec } from '../data/types';
import type { Analysis } from '../index';
import type { ConfigModel } from '../model/config';
import type { Directive, ParsedLine } from '../parser/parser';
import { RULES } from '../engine/registry';
import { SINCE, allowedValues } from '../model/reading';
import type { AnalysisSettings, FileSystemAccess, Platform } from '../types';
import { NO_FILE_SYSTEM } from '../types';
import { dirname, isCheckableOn, isPosixAbsolute, isWindowsAbsolute, joinPath } from '../util/paths';
import { INCLUDED_FILE_ERRORS, SUPPRESSION_COMMENT } from '../engine/codes';
import { atLeast, formatVersion, parseVersion } from '../version';
import { directiveFacts } from './directiveFacts';
import type { LineContext } from '../model/lineContext';
import { landingPlace, lineContext } from '../model/lineContext';
import { paragraph, renderMarkup } from './markup';
import type { SnippetDefinition } from './snippets';
import { SNIPPETS, snippetOptionsFor, snippetToPlainText } from './snippets';

/** What the client supports. */
export interface CompletionClient {
  readonly markdown: boolean;
  readonly snippets: boolean;
  /**
   * The client asks for an item's documentation with `completionItem/resolve` when it shows
   * it: items then carry `data` (CompletionData) instead of their documentation, which keeps
   * the list small; `resolveCompletion` fills it in.
   */
  readonly resolvesDocumentation?: boolean;
  /**
   * The client takes a list-wide default edit range (LSP 3.17 `completionList.itemDefaults`
   * with `editRange`): the directive list then carries its range once instead of per item.
   */
  readonly editRangeDefault?: boolean;
}

/** What a completion item carries for `completionItem/resolve` (the documentation to add). */
export interface CompletionData {
  /** The directive documented (a directive item), or whose value is documented. */
  readonly directive: string;
  /** A value item: the value explained. */
  readonly value?: string;
  /** The release and platform the documentation is written for. */
  readonly release: string;
  readonly platform: Platform;
}

function isCompletionData(data: unknown): data is CompletionData {
  const d = data as Partial<CompletionData> | null;
  return typeof d === 'object' && d !== null && typeof d.directive === 'string' && typeof d.release === 'string' && typeof d.platform === 'string';
}

/**
 * `completionItem/resolve`: the item with the documentation a lazily resolving client left
 * out of the list (the same text `complete` gives other clients). Other items come back as they are.
 */
export function resolveCompletion(item: CompletionItem, client: Pick<CompletionClient, 'markdown'>): CompletionItem {
  const data: unknown = item.data;
  if (item.documentation !== undefined || !isCompletionData(data)) {
    return item;
  }
  const spec = DIRECTIVES.find((d) => d.name === data.directive);
  const brokerVersion = parseVersion(data.release);
  if (!spec || !brokerVersion) {
    return item;
  }
  const documentation =
    data.value === undefined
      ? directiveDocumentation(spec, { brokerVersion, platform: data.platform, checkPaths: true, rules: {} }, client.markdown)
      : valueDocumentation(spec.name, data.value, client.markdown);
  return documentation === undefined ? item : { ...item, documentation };
}

/** Sets the item's documentation, or the data to resolve it later for a client that resolves. */
function document(item: CompletionItem, client: CompletionClient, data: CompletionData, documentation: () => CompletionItem['documentation']): void {
  if (client.resolvesDocumentation) {
    item.data = data;
  } else {
    item.documentation = documentation();
  }
}

/** Where the document is, for relative path completion, and how to list folders. */
export interface CompletionEnvironment {
  /** Native path of the document, when it is a file on disk. */
  readonly documentPath?: string;
  readonly fs?: FileSystemAccess;
  /** The character that opened completion by itself (CompletionContext.triggerCharacter). */
  readonly triggerCharacter?: string;
}

/** Characters that open completion by themselves (values after a space, path segments, list items). */
export const COMPLETION_TRIGGER_CHARACTERS: readonly string[] = [' ', '/', '\\', ','];

function empty(): CompletionList {
  return { isIncomplete: false, items: [] };
}

/**
 * Completion at a position: directive names valid in the section at the cursor (for the
 * selected release and platform) plus snippets; after a directive its values (keywords,
 * booleans, paths); in a suppression comment, rule ids.
 */
export function complete(
  analysis: Analysis,
  fileId: string,
  position: Position,
  client: CompletionClient,
  environment: CompletionEnvironment = {},
): CompletionList {
  const model = analysis.model;
  const context = lineContext(model, fileId, position.line);
  // The empty last line of a text that ends with a line break has no parsed line of its own.
  const line: LineText | undefined =
    context.file.lines[position.line] ?? (position.line === context.file.lines.length ? { text: '', kind: 'blank' } : undefined);
  if (!line) {
    return empty();
  }
  const character = Math.min(position.character, line.text.length);
  if (line.kind === 'comment') {
    return { isIncomplete: false, items: suppressionCompletions(line, position.line, character) };
  }
  const d = line.directive;
  if (!d || character <= d.nameEnd) {
    if ((d && character < d.nameStart) || environment.triggerCharacter !== undefined) {
      return empty(); // trigger characters only open value completion, not a list of directives while indenting
    }
    const range: Range = d
      ? { start: { line: position.line, character: d.nameStart }, end: { line: position.line, character: d.nameEnd } }
      : { start: { line: position.line, character }, end: { line: position.line, character } };
    const items = directiveCompletions(model, context, range, client);
    if (!d || d.args.length === 0) {
      items.push(...snippetCompletions(model, range, client));
    }
    return client.editRangeDefault ? withEditRangeDefault(items, range) : { isIncomplete: false, items };
  }
  if (!d.spec) {
    return empty();
  }
  return { isIncomplete: false, items: valueCompletions(model, d, d.spec, line, position.line, character, client, environment) };
}

/** What completion reads of a line (the empty last line of a text has no parsed line). */
type LineText = Pick<ParsedLine, 'text' | 'kind' | 'directive'>;

/**
 * The list with `range` as its default edit range: items that replace exactly that range
 * drop their TextEdit, keeping only a text that differs from their label (`textEditText`).
 */
function withEditRangeDefault(items: CompletionItem[], range: Range): CompletionList {
  for (const item of items) {
    const edit = item.textEdit;
    if (edit !== undefined && 'range' in edit && edit.range === range) {
      delete item.textEdit;
      if (edit.newText !== item.label) {
        item.textEditText = edit.newText;
      }
    }
  }
  return { isIncomplete: false, itemDefaults: { editRange: range }, items };
}

/** Ordering groups: the section's own options first, then section starters, then the rest. */
const RANK_HERE = 0;
const RANK_STRUCTURE = 1;
const RANK_ELSEWHERE = 2;
const RANK_UNLIKELY = 3;

/** The rank of a directive on this line, or undefined when it does not belong here. */
function rankHere(model: ConfigModel, context: LineContext, spec: DirectiveSpec): number | undefined {
  const version = model.settings.brokerVersion;
  if (!atLeast(version, spec.since) || (spec.removed && atLeast(version, spec.removed.version)) || unsupportedOn(spec.name, model.settings.platform)) {
    return undefined;
  }
  const place = landingPlace(model, context, spec);
  if (place.kind.startsWith('no-')) {
    return undefined;
  }
  const block = context.block?.kind ?? 'global';
  if (place.target && spec.duplicate !== 'accumulates' && spec.scope !== 'structure') {
    const canonical = spec.aliasOf ?? spec.name;
    const taken = place.target.entries.some((e) => e !== context.directive && e.spec !== undefined && (e.spec.aliasOf ?? e.spec.name) === canonical);
    if (taken) {
      return undefined;
    }
  }
  switch (spec.scope) {
    case 'structure':
      return spec.name === 'include_dir' && context.included ? undefined : RANK_STRUCTURE;
    case 'default-listener':
      return block === 'global' ? RANK_HERE : RANK_UNLIKELY;
    case 'bridge':
      return block === 'bridge' ? RANK_HERE : undefined;
    case 'plugin':
      return RANK_HERE;
    case 'global':
      return block === 'global' ? RANK_HERE : RANK_ELSEWHERE;
    case 'security':
    case 'listener': {
      if (place.kind === 'security-global') {
        return block === 'global' ? RANK_HERE : RANK_ELSEWHERE;
      }
      if (block === 'bridge') {
        return undefined; // it would configure the listener above the bridge: a trap
      }
      if (place.kind === 'implicit-default-listener' || place.kind === 'security-default-listener') {
        // Only where the default listener is really in use (a port line); otherwise it opens an extra listener.
        return model.defaultListener.explicit ? RANK_HERE : undefined;
      }
      if (spec.name === 'mount_point' && !atLeast(version, SINCE.release2_1) && place.target?.kind !== 'listener') {
        return undefined;
      }
      return RANK_HERE;
    }
  }
}

/**
 * Rendered documentation of a directive, kept per release, platform and format: the same
 * ~60 texts are asked for on every completion request, and they depend on nothing else.
 */
const documentationCache = new Map<string, ReturnType<typeof renderMarkup>>();
function directiveDocumentation(spec: DirectiveSpec, settings: AnalysisSettings, markdown: boolean): ReturnType<typeof renderMarkup> {
  const key = `${spec.name}|${formatVersion(settings.brokerVersion)}|${settings.platform}|${markdown}`;
  let rendered = documentationCache.get(key);
  if (rendered === undefined) {
    if (documentationCache.size > 5000) {
      documentationCache.clear();
    }
    rendered = renderMarkup(directiveFacts(spec, settings), markdown);
    documentationCache.set(key, rendered);
  }
  return rendered;
}

/** What the ranks of the directives at a line depend on besides the model (see rankedDirectives). */
const READER_STATE = ['block', 'listener', 'bridge', 'plugin', 'perListenerSettings', 'included', 'directive'] as const;

/** The directives that belong at one reader state of a model, with their ranks. */
interface RankedAt {
  readonly state: LineContext;
  readonly ranked: readonly { readonly spec: DirectiveSpec; readonly rank: number }[];
}

/** Reader states kept per model (the most recent first). */
const RANKED_STATES = 8;
const rankedByModel = new WeakMap<ConfigModel, RankedAt[]>();

/**
 * rankHere for every directive, kept per model and reader state: the ranks depend on nothing
 * else (the model, its settings, and the READER_STATE fields of the line's context), and a model
 * never changes (an edit makes a new one). Requests on an unchanged document then skip the ~200
 * placement decisions, which were most of a request's work and, while V8 was still optimising
 * them, most of its slow requests.
 */
function rankedDirectives(model: ConfigModel, context: LineContext): RankedAt['ranked'] {
  let states = rankedByModel.get(model);
  if (states === undefined) {
    states = [];
    rankedByModel.set(model, states);
  }
  const found = states.find((s) => READER_STATE.every((field) => s.state[field] === context[field]));
  if (found !== undefined) {
    return found.ranked;
  }
  const ranked: { spec: DirectiveSpec; rank: number }[] = [];
  for (const spec of DIRECTIVES) {
    const rank = rankHere(model, context, spec);
    if (rank !== undefined) {
      ranked.push({ spec, rank });
    }
  }
  states.unshift({ state: context, ranked });
  if (states.length > RANKED_STATES) {
    states.pop();
  }
  return ranked;
}

function directiveCompletions(model: ConfigModel, context: LineContext, range: Range, client: CompletionClient): CompletionItem[] {
  const settings = model.settings;
  const items: CompletionItem[] = [];
  for (const { spec, rank } of rankedDirectives(model, context)) {
    const deprecated = spec.deprecated !== undefined && atLeast(settings.brokerVersion, spec.deprecated.version);
    const item: CompletionItem = {
      label: spec.name,
      kind: spec.scope === 'structure' ? CompletionItemKind.Keyword : CompletionItemKind.Property,
      detail: spec.syntax,
      sortText: `${rank}${deprecated ? 1 : 0}${spec.name}`,
    };
    document(item, client, { directive: spec.name, release: formatVersion(settings.brokerVersion), platform: settings.platform }, () =>
      directiveDocumentation(spec, settings, client.markdown),
    );
    if (spec.prefix !== undefined) {
      item.filterText = spec.prefix;
      if (client.snippets) {
        item.textEdit = { range, newText: `${spec.prefix}\${1:key} \${2:value}` };
        item.insertTextFormat = InsertTextFormat.Snippet;
      } else {
        item.textEdit = { range, newText: spec.prefix };
      }
    } else {
      item.textEdit = { range, newText: spec.name };
    }
    if (deprecated) {
      item.tags = [CompletionItemTag.Deprecated];
    }
    items.push(item);
  }
  return items;
}

interface RenderedSnippet {
  readonly snippet: SnippetDefinition;
  readonly body: string;
  readonly plain: string;
  readonly documentation: ReturnType<typeof renderMarkup>;
}

/** The snippets' texts for one model (its ports, bridge names, release, platform) and format, kept per model. */
const snippetsByModel = new WeakMap<ConfigModel, { markdown?: readonly RenderedSnippet[]; plaintext?: readonly RenderedSnippet[] }>();
function renderedSnippets(model: ConfigModel, markdown: boolean): readonly RenderedSnippet[] {
  let kept = snippetsByModel.get(model);
  if (kept === undefined) {
    kept = {};
    snippetsByModel.set(model, kept);
  }
  const format = markdown ? 'markdown' : 'plaintext';
  const known = kept[format];
  if (known !== undefined) {
    return known;
  }
  const options = snippetOptionsFor(model);
  const rendered = SNIPPETS.map((snippet): RenderedSnippet => {
    const body = snippet.body(options).join('\n');
    const plain = snippetToPlainText(body);
    return { snippet, body, plain, documentation: renderMarkup([paragraph(snippet.description), { kind: 'code', text: plain }], markdown) };
  });
  kept[format] = rendered;
  return rendered;
}

function snippetCompletions(model: ConfigModel, range: Range, client: CompletionClient): CompletionItem[] {
  if (range.start.character > 0) {
    return []; // multi-line snippets start at the first column
  }
  return renderedSnippets(model, client.markdown).map(({ snippet, body, plain, documentation }): CompletionItem => {
    return {
      label: snippet.id,
      labelDetails: { description: snippet.name },
      kind: CompletionItemKind.Snippet,
      detail: snippet.name,
      documentation,
      sortText: `${RANK_STRUCTURE}0${snippet.id}`,
      textEdit: { range, newText: client.snippets ? body : plain },
      insertTextFormat: client.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      // Keep the lines as written: an indented '#' or option changes what the broker reads.
      insertTextMode: InsertTextMode.asIs,
    };
  });
}

/** Rule ids after `# mosquitto-lint-disable-next-line`. */
function suppressionCompletions(line: LineText, lineNumber: number, character: number): CompletionItem[] {
  const m = new RegExp(`^#\\s*${SUPPRESSION_COMMENT}\\b`).exec(line.text);
  if (!m || character < m[0].length) {
    return [];
  }
  const before = line.text.slice(0, character);
  const wordStart = Math.max(before.lastIndexOf(' '), before.lastIndexOf(','), m[0].length - 1) + 1;
  const range: Range = { start: { line: lineNumber, character: wordStart }, end: { line: lineNumber, character } };
  const listed = new Set(line.text.slice(m[0].length).split(/[\s,]+/));
  return RULES.filter((rule) => rule.id !== INCLUDED_FILE_ERRORS && !listed.has(rule.id)).map((rule) => ({
    label: rule.id,
    kind: CompletionItemKind.EnumMember,
    detail: rule.title,
    textEdit: { range, newText: rule.id },
  }));
}

/** The argument the cursor is in: its index and the text range it occupies so far. */
interface ArgumentAt {
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

function argumentAt(d: Directive, spec: DirectiveSpec, character: number, lineText: string): ArgumentAt {
  if (spec.valueMode === 'string' || spec.valueMode === 'raw') {
    let start = d.restStart;
    while (start < character && lineText.charCodeAt(start) === 0x20) {
      start++;
    }
    return { index: 0, start, end: Math.max(character, d.valueEnd) };
  }
  let index = 0;
  for (const token of d.args) {
    if (character >= token.start && character <= token.end) {
      return { index, start: token.start, end: token.end };
    }
    if (token.end < character) {
      index++;
    }
  }
  return { index, start: character, end: character };
}

function valueCompletions(
  model: ConfigModel,
  d: Directive,
  spec: DirectiveSpec,
  line: LineText,
  lineNumber: number,
  character: number,
  client: CompletionClient,
  environment: CompletionEnvironment,
): CompletionItem[] {
  const at = argumentAt(d, spec, character, line.text);
  // log_dest file <path>: the path is the rest of the line after `file`.
  if (spec.name === 'log_dest') {
    if (at.index >= 1 && d.args[0]?.text === 'file') {
      const start = d.args[1]?.start ?? character;
      return pathCompletions(line.text, lineNumber, Math.min(start, character), character, 'parent', environment);
    }
    if (at.index > 0) {
      return [];
    }
  }
  if (spec.valueMode === 'token' && at.index > 0) {
    return []; // the broker reads one word; the rest of the line is ignored
  }
  const arg: ArgSpec | undefined = spec.args[at.index];
  if (!arg) {
    return [];
  }
  if (arg.type === 'path') {
    const use = PATH_OPTIONS[spec.aliasOf ?? spec.name];
    const kind = spec.name === 'include_dir' ? 'directory' : use?.kind === 'directory' ? 'directory' : 'file';
    return pathCompletions(line.text, lineNumber, at.start, character, kind, environment);
  }
  if (!arg.values) {
    return [];
  }
  const range: Range = { start: { line: lineNumber, character: at.start }, end: { line: lineNumber, character: at.end } };
  let values: readonly string[] =
    arg.type === 'bool' ? ['true', 'false'] : at.index === 0 ? allowedValues(spec.name, arg.values, model.settings.brokerVersion) : arg.values;
  if (arg.type === 'list') {
    // Comma-separated items: complete the item under the cursor, offer the ones not listed yet.
    const text = line.text.slice(at.start, character);
    const itemStart = at.start + text.lastIndexOf(',') + 1;
    const rest = line.text.slice(character, at.end);
    const comma = rest.indexOf(',');
    range.start = { line: lineNumber, character: itemStart };
    range.end = { line: lineNumber, character: comma === -1 ? at.end : character + comma };
    const listed = new Set(line.text.slice(at.start, at.end).split(','));
    values = values.filter((v) => !listed.has(v) || v === line.text.slice(range.start.character, range.end.character));
  }
  const byDefault = defaultFor(spec.name, model.settings.brokerVersion);
  return values.map((value, i): CompletionItem => {
    const explanation = valueExplanation(spec.name, value);
    const isDefault = byDefault === `\`${value}\``;
    const item: CompletionItem = {
      label: value,
      kind: arg.type === 'bool' ? CompletionItemKind.Value : CompletionItemKind.EnumMember,
      sortText: String(i).padStart(3, '0'),
      textEdit: { range, newText: value },
    };
    if (isDefault) {
      item.labelDetails = { description: 'default' };
    }
    if (explanation) {
      const data = { directive: spec.name, value, release: formatVersion(model.settings.brokerVersion), platform: model.settings.platform };
      document(item, client, data, () => valueDocumentation(spec.name, value, client.markdown));
    }
    return item;
  });
}

function valueExplanation(directive: string, value: string): string | undefined {
  return (DIRECTIVE_DOCS as Partial<Record<string, { values?: Partial<Record<string, string>> }>>)[directive]?.values?.[value];
}

/** The explanation of one value of a directive, when the documentation has one. */
function valueDocumentation(directive: string, value: string, markdown: boolean): ReturnType<typeof renderMarkup> | undefined {
  const explanation = valueExplanation(directive, value);
  return explanation === undefined ? undefined : renderMarkup([paragraph({ prose: explanation })], markdown);
}

/**
 * File and folder names for a path value: the folder typed so far is listed through the
 * injected file system; absolute paths as written, relative ones against the document's folder.
 */
function pathCompletions(
  lineText: string,
  lineNumber: number,
  start: number,
  character: number,
  kind: 'file' | 'directory' | 'parent',
  environment: CompletionEnvironment,
): CompletionItem[] {
  const fs = environment.fs ?? NO_FILE_SYSTEM;
  const typed = lineText.slice(start, character);
  const separator = Math.max(typed.lastIndexOf('/'), typed.lastIndexOf('\\'));
  const folderText = typed.slice(0, separator + 1);
  const partial = typed.slice(separator + 1);
  const absolute = isPosixAbsolute(typed) || isWindowsAbsolute(typed);
  if (!isCheckableOn(typed.length > 0 ? typed : '.', fs.hostPlatform)) {
    return [];
  }
  let folder: string | undefined;
  if (absolute) {
    folder = folderText.length > 0 ? folderText : undefined;
  } else if (environment.documentPath !== undefined) {
    const base = dirname(environment.documentPath);
    folder = folderText.length > 0 ? joinPath(base, folderText) : base;
  }
  if (folder === undefined) {
    return [];
  }
  const entries = fs.readDirectory(folder);
  if (!entries) {
    return [];
  }
  const slash = typed.includes('\\') && !typed.includes('/') ? '\\' : '/';
  const segmentStart = start + separator + 1;
  const after = lineText.slice(character);
  const nextSeparator = after.search(/[\\/]/);
  const segmentEnd = nextSeparator === -1 ? character + after.replace(/[ \t]+$/, '').length : character + nextSeparator;
  const range: Range = { start: { line: lineNumber, character: segmentStart }, end: { line: lineNumber, character: Math.max(segmentEnd, character) } };
  const items: CompletionItem[] = [];
  for (const name of entries) {
    if (name.startsWith('.') && !partial.startsWith('.')) {
      continue;
    }
    const isFolder = fs.stat(joinPath(folder, name))?.kind === 'directory';
    if (kind === 'directory' && !isFolder) {
      continue;
    }
    const label = isFolder ? `${name}${slash}` : name;
    items.push({
      label,
      kind: isFolder ? CompletionItemKind.Folder : CompletionItemKind.File,
      sortText: `${isFolder ? 0 : 1}${name}`,
      textEdit: { range, newText: label },
    });
  }
  return items;
}
