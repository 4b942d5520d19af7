import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { CodeActionKind, CodeActionTriggerKind } from 'vscode-languageserver-types';
import { findDirective } from '../data';
import type { Analysis } from '../index';
import type { ConfigModel, Section } from '../model/config';
import { lastEntry } from '../model/config';
import type { Directive, ParsedFile } from '../parser/parser';
import type { FileSystemAccess } from '../types';
import { NO_FILE_SYSTEM } from '../types';
import { closestMatches } from '../util/editDistance';
import { basename, dirname, isCheckableOn, isPosixAbsolute, isWindowsAbsolute, joinPath } from '../util/paths';
import { DIAGNOSTIC_SOURCE, INCLUDED_FILE_ERRORS, SUPPRESSION_COMMENT } from '../validate';
import { atLeast } from '../version';
import { fileOf, landingPlace, lineContext } from './lineContext';
import { nameOf } from '../rules/rule';
import { aboveAttachedComments, deleteLine, globalInsertionLine, insertLinesAfter, insertLinesBefore, lineBreakOf, replaceLine } from './lineEdits';
import { insertionText, sectionInsertion, snippetOptionsFor, WSS_LISTENER_SNIPPET } from './snippets';

/** Kind of the "Insert secure WebSocket (wss) listener" action. */
export const INSERT_WSS_LISTENER_KIND = `${CodeActionKind.Refactor}.insert`;
/** Title of the "Insert secure WebSocket (wss) listener" action. */
export const INSERT_WSS_LISTENER_TITLE = 'Insert secure WebSocket (wss) listener';

/** A code action request in the service's terms. */
export interface CodeActionRequest {
  /** URI the edits are for (the document's URI). */
  readonly uri: string;
  /** The document's id in the analysis (a native path for files on disk). */
  readonly fileId: string;
  readonly range: Range;
  /** Diagnostics the client sends in the code action context. */
  readonly diagnostics: readonly Diagnostic[];
  /** CodeActionContext.only. */
  readonly only?: readonly string[];
  /** CodeActionContext.triggerKind: refactorings are left out of automatic (light bulb) requests. */
  readonly triggerKind?: CodeActionTriggerKind;
}

export interface CodeActionEnvironment {
  /** Used to guess partner file names (e.g. the key next to a certificate). */
  readonly fs?: FileSystemAccess;
}

interface FixContext {
  readonly model: ConfigModel;
  readonly file: ParsedFile;
  readonly fileId: string;
  readonly fs: FileSystemAccess;
  /** The diagnostic as the analysis produced it (with its data). */
  readonly diagnostic: Diagnostic;
  /** The directive on the diagnostic's line. */
  readonly directive: Directive | undefined;
}

/** A fix before it is wrapped into a CodeAction. */
interface Fix {
  readonly title: string;
  readonly edits: TextEdit[];
  readonly preferred?: boolean;
}

type FixProvider = (context: FixContext) => Fix[];

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * Quick fixes for this tool's diagnostics (keyed on their codes, never for other sources),
 * a suppression comment per diagnostic, and the "Insert secure WebSocket (wss) listener"
 * refactoring. Every action carries a WorkspaceEdit for `request.uri`.
 */
export function codeActions(analysis: Analysis, request: CodeActionRequest, environment: CodeActionEnvironment = {}): CodeAction[] {
  const model = analysis.model;
  const file = fileOf(model, request.fileId);
  const fs = environment.fs ?? NO_FILE_SYSTEM;
  const current = analysis.diagnostics.get(request.fileId) ?? [];
  const fixes: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const suppressed = new Set<string>();
  for (const sent of request.diagnostics) {
    if (sent.source !== DIAGNOSTIC_SOURCE || typeof sent.code !== 'string') {
      continue;
    }
    // Trust our own analysis, not the client's copy: it has the data payload and is never stale.
    const diagnostic = current.find((c) => c.code === sent.code && sameRange(c.range, sent.range));
    if (!diagnostic) {
      continue;
    }
    const code = sent.code;
    const context: FixContext = { model, file, fileId: request.fileId, fs, diagnostic, directive: file.lines[diagnostic.range.start.line]?.directive };
    for (const fix of FIXES[code]?.(context) ?? []) {
      fixes.push(toAction(fix, CodeActionKind.QuickFix, request.uri, sent));
    }
    const key = `${diagnostic.range.start.line}\u0000${code}`;
    if (!suppressed.has(key)) {
      suppressed.add(key);
      const suppression = suppressionFix(file, diagnostic.range.start.line, code);
      if (suppression) {
        suppressions.push(toAction(suppression, CodeActionKind.QuickFix, request.uri, sent));
      }
    }
  }
  const actions = [...fixes, ...suppressions];
  if (request.triggerKind !== CodeActionTriggerKind.Automatic || request.only?.some((k) => k.startsWith(CodeActionKind.Refactor)) === true) {
    actions.push(insertWssListenerAction(model, file, request.uri, request.range.start.line));
  }
  const only = request.only;
  return only && only.length > 0 ? actions.filter((a) => only.some((k) => a.kind === k || (a.kind ?? '').startsWith(`${k}.`))) : actions;
}

function toAction(fix: Fix, kind: string, uri: string, diagnostic: Diagnostic): CodeAction {
  const action: CodeAction = { title: fix.title, kind, diagnostics: [diagnostic], edit: { changes: { [uri]: fix.edits } } };
  if (fix.preferred) {
    action.isPreferred = true;
  }
  return action;
}

/** The refactoring: a wss listener block where it cannot capture other options. */
export function insertWssListenerAction(model: ConfigModel, file: ParsedFile, uri: string, cursorLine?: number): CodeAction {
  const insertion = sectionInsertion(file, WSS_LISTENER_SNIPPET.body(snippetOptionsFor(model)), cursorLine);
  const edit: TextEdit = { range: { start: insertion.position, end: insertion.position }, newText: insertionText(insertion, lineBreakOf(file), false) };
  return { title: INSERT_WSS_LISTENER_TITLE, kind: INSERT_WSS_LISTENER_KIND, edit: { changes: { [uri]: [edit] } } };
}

/** `# mosquitto-lint-disable-next-line <id>` above the line, or the id added to such a comment already there. */
function suppressionFix(file: ParsedFile, line: number, id: string): Fix | undefined {
  if (id === INCLUDED_FILE_ERRORS || (line === 0 && file.hasBom)) {
    return undefined; // a line above the BOM would move the BOM into the file
  }
  const title = `Suppress '${id}' on this line`;
  const above = line > 0 ? file.lines[line - 1] : undefined;
  if (above?.kind === 'comment' && new RegExp(`^#\\s*${SUPPRESSION_COMMENT}\\b`).test(above.text)) {
    const at = { line: line - 1, character: above.text.length };
    return { title, edits: [{ range: { start: at, end: at }, newText: `${/\s$/.test(above.text) ? '' : ' '}${id}` }] };
  }
  return { title, edits: [insertLinesBefore(file, line, [`# ${SUPPRESSION_COMMENT} ${id}`])] };
}

function dataOf(diagnostic: Diagnostic): Record<string, unknown> {
  return typeof diagnostic.data === 'object' && diagnostic.data !== null ? (diagnostic.data as Record<string, unknown>) : {};
}

function sectionById(model: ConfigModel, id: unknown): Section | undefined {
  if (id === model.defaultListener.id) {
    return model.defaultListener;
  }
  return model.listeners.find((s) => s.id === id) ?? model.bridges.find((s) => s.id === id);
}

/** Whether a directive written on `line` of the file would configure `section`. */
function landsIn(context: FixContext, name: string, line: number, section: Section): boolean {
  const spec = findDirective(name);
  if (!spec) {
    return false;
  }
  return landingPlace(context.model, lineContext(context.model, context.fileId, line), spec).target === section;
}

const renameToCandidates: FixProvider = ({ diagnostic }) => {
  const candidates = dataOf(diagnostic).candidates;
  if (!Array.isArray(candidates)) {
    return [];
  }
  const names = candidates.filter((c): c is string => typeof c === 'string');
  return names.map((name) => ({ title: `Change to '${name}'`, edits: [{ range: diagnostic.range, newText: name }], preferred: names.length === 1 }));
};

/** Splits a path into its folder (with separator) and file name. */
function splitPath(value: string): { folder: string; name: string } {
  const i = Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\'));
  return { folder: value.slice(0, i + 1), name: value.slice(i + 1) };
}

/** Names of the files in the folder of a configured path, when that folder can be listed here. */
function siblings(context: FixContext, value: string): readonly string[] {
  const { folder } = splitPath(value);
  const absolute = isPosixAbsolute(value) || isWindowsAbsolute(value);
  const base = context.fileId && (isPosixAbsolute(context.fileId) || isWindowsAbsolute(context.fileId)) ? dirname(context.fileId) : undefined;
  const resolved = absolute ? folder : base !== undefined ? joinPath(base, folder) : undefined;
  if (resolved === undefined || resolved.length === 0 || !isCheckableOn(value, context.fs.hostPlatform)) {
    return [];
  }
  return context.fs.readDirectory(resolved) ?? [];
}

/** The key that goes with a certificate, or the certificate that goes with a key: a guess. */
function partnerPath(context: FixContext, value: string, missing: 'keyfile' | 'certfile'): string {
  const { folder, name } = splitPath(value);
  const stem = name.replace(/\.(crt|pem|cer|key)$/i, '');
  const extension = /\.[^.]+$/.exec(name)?.[0] ?? '';
  const found = siblings(context, value);
  let candidates: string[];
  if (missing === 'keyfile') {
    // Let's Encrypt folders hold fullchain.pem/cert.pem with privkey.pem.
    candidates = /^(fullchain|cert|chain)\.pem$/i.test(name) ? ['privkey.pem'] : [`${stem}.key`, `${stem}-key.pem`, `${stem}.key.pem`];
    const existing = candidates.find((c) => found.includes(c)) ?? found.find((f) => /\.key$/i.test(f));
    return folder + (existing ?? candidates[0]);
  }
  candidates = /^privkey\.pem$/i.test(name) ? ['fullchain.pem', 'cert.pem'] : [`${stem}.crt`, `${stem}.pem`, `${stem.replace(/[-.]key$/i, '')}.crt`];
  const existing = candidates.find((c) => found.includes(c) && c !== name) ?? found.find((f) => /\.crt$/i.test(f) && !/^ca[.-]/i.test(f));
  return folder + (existing ?? (extension.toLowerCase() === '.pem' && !/^privkey/i.test(name) ? `${stem}.crt` : candidates[0]));
}

const insertMissingPartner: FixProvider = (context) => {
  const { diagnostic, directive, file, model } = context;
  const data = dataOf(diagnostic);
  const missing = data.missing;
  if (!directive || (missing !== 'keyfile' && missing !== 'certfile')) {
    return [];
  }
  const fixes: Fix[] = [];
  const section = sectionById(model, data.section);
  const present = missing === 'keyfile' ? 'certfile' : 'keyfile';
  // `certfile` written twice where the second was meant to be `keyfile`.
  const doubles = section?.entries.filter((e) => e.file === context.fileId && nameOf(e) === present) ?? [];
  if (doubles.length > 1) {
    const looksLikeMissing = doubles.find((e) => (missing === 'keyfile' ? /key/i : /(crt|cert|chain)/i).test(basename(e.value)));
    if (looksLikeMissing) {
      fixes.push({ title: `Change the '${present}' on line ${looksLikeMissing.line + 1} to '${missing}'`, edits: [{ range: looksLikeMissing.nameRange, newText: missing }], preferred: true });
    }
  }
  const value = partnerPath(context, directive.value, missing);
  const line = `${missing} ${value}`;
  const edit = missing === 'keyfile' ? insertLinesAfter(file, directive.line, [line]) : insertLinesBefore(file, directive.line, [line]);
  fixes.push({ title: `Add '${line}'`, edits: [edit], preferred: fixes.length === 0 });
  return fixes;
};

const insertCertificateForCa: FixProvider = (context) => {
  const { diagnostic, directive, file } = context;
  const missing = dataOf(diagnostic).missing;
  if (!directive) {
    return [];
  }
  if (missing === 'cafile') {
    const { folder } = splitPath(directive.value);
    const found = siblings(context, directive.value);
    const ca = found.find((f) => /^(ca|chain)[.-]/i.test(f)) ?? 'ca.crt';
    return [{ title: `Add 'cafile ${folder}${ca}'`, edits: [insertLinesBefore(file, directive.line, [`cafile ${folder}${ca}`])], preferred: true }];
  }
  if (missing !== 'certfile') {
    return [];
  }
  const { folder } = splitPath(directive.value);
  const found = siblings(context, directive.value);
  const letsEncrypt = found.includes('fullchain.pem') && found.includes('privkey.pem');
  const certificate = folder + (letsEncrypt ? 'fullchain.pem' : (found.find((f) => /\.crt$/i.test(f) && !/^ca[.-]/i.test(f)) ?? 'server.crt'));
  const key = letsEncrypt ? `${folder}privkey.pem` : partnerPath(context, certificate, 'keyfile');
  return [{ title: "Add 'certfile' and 'keyfile'", edits: [insertLinesAfter(file, directive.line, [`certfile ${certificate}`, `keyfile ${key}`])], preferred: true }];
};

const addSocketDomain: FixProvider = (context) => {
  const { diagnostic, file, model } = context;
  const section = sectionById(model, dataOf(diagnostic).section);
  const line = diagnostic.range.start.line;
  if (!section || !landsIn(context, 'socket_domain', line + 1, section)) {
    return [];
  }
  return [{ title: "Add 'socket_domain ipv4' to this listener", edits: [insertLinesAfter(file, line, ['socket_domain ipv4'])], preferred: true }];
};

/** `port N` (+ `bind_address A`) becomes `listener N [A]`, where the default listener's options stay with it. */
function portToListener(context: FixContext): Fix[] {
  const { model, file, fileId } = context;
  const dl = model.defaultListener;
  const port = lastEntry(dl, 'port');
  const bind = lastEntry(dl, 'bind_address');
  const lines = [port, bind].filter((d): d is Directive => d !== undefined);
  const repeated = dl.entries.filter((e) => nameOf(e) === 'port' || nameOf(e) === 'bind_address').length > lines.length;
  if (repeated || lines.some((d) => d.file !== fileId) || dl.entries.some((e) => e.file !== fileId) || (port && port.args.length === 0)) {
    return [];
  }
  const members = [...dl.entries].sort((a, b) => a.line - b.line);
  const first = members[0];
  const last = members[members.length - 1];
  if (!first || !last) {
    return [];
  }
  // From the new listener line down to the next `listener` line, every option must be one the
  // default listener (or the whole broker, or a bridge) had: it will now configure the new listener.
  for (const d of file.directives) {
    if (d.line <= first.line) {
      continue;
    }
    if (nameOf(d) === 'listener') {
      if (d.line < last.line) {
        return [];
      }
      break;
    }
    if (model.placements.get(d)?.target?.kind === 'listener') {
      return [];
    }
  }
  const text = `listener ${port?.args[0].text ?? '1883'}${bind && bind.value.length > 0 ? ` ${bind.value}` : ''}`;
  const edits: TextEdit[] = [];
  if (lines.includes(first)) {
    edits.push(replaceLine(file, first.line, `${' '.repeat(first.nameRange.start.character)}${text}`));
  } else {
    edits.push(insertLinesBefore(file, first.line, [text]));
  }
  for (const d of lines) {
    if (d !== first) {
      edits.push(deleteLine(file, d.line));
    }
  }
  return [{ title: `Rewrite as '${text}'`, edits, preferred: true }];
}

/** Deprecated synonyms with a drop-in replacement (same scope and arguments). */
function renameDeprecated(context: FixContext): Fix[] {
  const d = context.directive;
  const spec = d?.spec;
  const replacement = spec?.deprecated?.replacement;
  if (!d || !spec || !replacement) {
    return [];
  }
  if (spec.prefix !== undefined) {
    const target = findDirective(replacement);
    if (!target?.prefix || target.scope !== spec.scope || !atLeast(context.model.settings.brokerVersion, target.since)) {
      return [];
    }
    const renamed = target.prefix + d.name.slice(spec.prefix.length);
    return [{ title: `Change to '${renamed}'`, edits: [{ range: d.nameRange, newText: renamed }], preferred: true }];
  }
  const target = /^[a-z_]+$/.test(replacement) ? findDirective(replacement) : undefined;
  if (!target || target.scope !== spec.scope || target.valueMode !== spec.valueMode || !atLeast(context.model.settings.brokerVersion, target.since)) {
    return [];
  }
  return [{ title: `Change to '${replacement}'`, edits: [{ range: d.nameRange, newText: replacement }], preferred: true }];
}

const fixDeprecated: FixProvider = (context) => {
  const name = context.directive ? nameOf(context.directive) : '';
  return name === 'port' || name === 'bind_address' ? portToListener(context) : renameDeprecated(context);
};

const movePerListenerSettings: FixProvider = ({ directive, file }) => {
  if (!directive) {
    return [];
  }
  const first = file.directives[0];
  if (!first || first === directive) {
    return []; // the earlier security option is in another file
  }
  const target = aboveAttachedComments(file, first.line);
  return [{
    title: 'Move per_listener_settings to the top of the file',
    edits: [insertLinesBefore(file, target, [file.lines[directive.line].text]), deleteLine(file, directive.line)],
    preferred: true,
  }];
};

const replaceTabs: FixProvider = ({ directive }) => {
  if (!directive) {
    return [];
  }
  const name = directive.name;
  const line = directive.line;
  if (/^[\t ]*#/.test(name)) {
    // A tab-indented comment: the comment goes back to the first column.
    return [{ title: 'Move the comment to the first column', edits: [{ range: { start: { line, character: 0 }, end: directive.nameRange.end }, newText: name.replace(/^[\t ]+/, '') }], preferred: true }];
  }
  return [{ title: 'Replace tabs with spaces', edits: [{ range: directive.nameRange, newText: name.replace(/\t/g, ' ') }], preferred: true }];
};

const unindentComment: FixProvider = ({ directive }) => {
  if (!directive || directive.nameRange.start.character === 0) {
    return [];
  }
  const line = directive.line;
  return [{ title: 'Move the comment to the first column', edits: [{ range: { start: { line, character: 0 }, end: directive.nameRange.start }, newText: '' }], preferred: true }];
};

const moveTrailingComment: FixProvider = ({ directive, diagnostic, file }) => {
  if (!directive) {
    return [];
  }
  const text = file.lines[directive.line].text;
  const hash = diagnostic.range.start.character;
  let end = hash;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) {
    end--;
  }
  if (end <= directive.nameRange.end.character) {
    return []; // the comment is the whole value: moving it would leave the option empty
  }
  const line = directive.line;
  return [{
    title: 'Move the comment to its own line',
    edits: [insertLinesBefore(file, line, [text.slice(hash)]), { range: { start: { line, character: end }, end: { line, character: text.length } }, newText: '' }],
    preferred: true,
  }];
};

const stripQuotes: FixProvider = ({ diagnostic }) => {
  const unquoted = dataOf(diagnostic).unquoted;
  return typeof unquoted === 'string' ? [{ title: 'Remove the quotes', edits: [{ range: diagnostic.range, newText: unquoted }], preferred: true }] : [];
};

const fixAssignment: FixProvider = ({ directive, file }) => {
  if (!directive) {
    return [];
  }
  const start = directive.nameRange.start.character;
  const text = file.lines[directive.line].text;
  const m = /^([A-Za-z_][A-Za-z0-9_.]*)[ \t]*[=:][ \t]*/.exec(text.slice(start));
  if (!m) {
    return [];
  }
  const hasValue = text.length > start + m[0].length;
  const line = directive.line;
  return [{
    title: `Write '${m[1]} value'`,
    edits: [{ range: { start: { line, character: start }, end: { line, character: start + m[0].length } }, newText: hasValue ? `${m[1]} ` : m[1] }],
    preferred: true,
  }];
};

/** Where a password file could live: next to the configuration when it is on disk. */
function passwordFilePath(context: FixContext): string {
  const main = context.model.main.uri;
  if (isPosixAbsolute(main) || isWindowsAbsolute(main)) {
    return joinPath(dirname(main), 'passwd');
  }
  return context.model.settings.platform === 'windows' ? 'C:/mosquitto/passwd' : '/etc/mosquitto/passwd';
}

const allowAnonymousOrPassword: FixProvider = (context) => {
  const { model, diagnostic, file, fileId } = context;
  const section = sectionById(model, dataOf(diagnostic).section);
  if (!section) {
    return [];
  }
  const anchor = diagnostic.range.start.line;
  const fixes: Fix[] = [];
  const here = section.kind === 'default-listener' ? 'the default listener' : `this listener`;
  if (atLeast(model.settings.brokerVersion, '2.1.0') && landsIn(context, 'listener_allow_anonymous', anchor + 1, section)) {
    fixes.push({ title: `Allow anonymous clients on ${here}: add 'listener_allow_anonymous true'`, edits: [insertLinesAfter(file, anchor, ['listener_allow_anonymous true'])] });
  }
  const password = `password_file ${passwordFilePath(context)}`;
  if (model.perListenerSettings) {
    if (landsIn(context, 'allow_anonymous', anchor + 1, section)) {
      fixes.push({ title: `Allow anonymous clients on ${here}: add 'allow_anonymous true'`, edits: [insertLinesAfter(file, anchor, ['allow_anonymous true'])] });
      fixes.push({ title: `Require a password on ${here}: add '${password}'`, edits: [insertLinesAfter(file, anchor, [password])] });
    }
  } else {
    const existing = lastEntry(model.global, 'allow_anonymous');
    const token = existing?.args[0];
    if (existing && token && existing.file === fileId && token.text !== '=' && token.text !== ':') {
      const range = { start: { line: existing.line, character: token.start }, end: { line: existing.line, character: token.end } };
      fixes.push({ title: "Allow anonymous clients on every listener: set 'allow_anonymous true'", edits: [{ range, newText: 'true' }] });
    } else if (!existing) {
      fixes.push({ title: "Allow anonymous clients on every listener: add 'allow_anonymous true'", edits: [insertLinesBefore(file, globalInsertionLine(file), ['allow_anonymous true'])] });
    }
    fixes.push({ title: `Require a password on every listener: add '${password}'`, edits: [insertLinesBefore(file, globalInsertionLine(file), [password])] });
  }
  return fixes;
};

const fixBoolean: FixProvider = ({ diagnostic }) => {
  const replacement = dataOf(diagnostic).replacement;
  return typeof replacement === 'string' ? [{ title: `Change to '${replacement}'`, edits: [{ range: diagnostic.range, newText: replacement }], preferred: true }] : [];
};

const fixEnum: FixProvider = ({ diagnostic, file }) => {
  const allowed = dataOf(diagnostic).allowed;
  if (!Array.isArray(allowed) || diagnostic.range.start.line !== diagnostic.range.end.line) {
    return [];
  }
  const value = file.lines[diagnostic.range.start.line].text.slice(diagnostic.range.start.character, diagnostic.range.end.character);
  const names = allowed.filter((a): a is string => typeof a === 'string');
  const matches = closestMatches(value, names);
  return matches.map((m) => ({ title: `Change to '${m}'`, edits: [{ range: diagnostic.range, newText: m }], preferred: matches.length === 1 }));
};

const removeByteOrderMark: FixProvider = ({ diagnostic }) => [{ title: 'Remove the byte order mark', edits: [{ range: diagnostic.range, newText: '' }], preferred: true }];

const trimTrailingWhitespace: FixProvider = ({ diagnostic }) => [{ title: 'Remove the trailing white space', edits: [{ range: diagnostic.range, newText: '' }], preferred: true }];

/** Quick fixes per diagnostic code. */
const FIXES: Readonly<Record<string, FixProvider>> = {
  'unknown-directive': renameToCandidates,
  'directive-case': renameToCandidates,
  'tls-certfile-without-keyfile': insertMissingPartner,
  'tls-keyfile-without-certfile': insertMissingPartner,
  'tls-ca-without-certificate': insertCertificateForCa,
  'websockets-socket-domain': addSocketDomain,
  'deprecated-option': fixDeprecated,
  'per-listener-settings-order': movePerListenerSettings,
  'tab-separator': replaceTabs,
  'indented-comment': unindentComment,
  'trailing-comment': moveTrailingComment,
  'quoted-value': stripQuotes,
  'assignment-syntax': fixAssignment,
  'anonymous-refused': allowAnonymousOrPassword,
  'invalid-boolean': fixBoolean,
  'invalid-enum': fixEnum,
  'byte-order-mark': removeByteOrderMark,
  'trailing-whitespace': trimTrailingWhitespace,
};

/** Codes that have quick fixes (besides suppression). */
export const FIXABLE_CODES: readonly string[] = Object.keys(FIXES);
