import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { Directive, ParsedFile, ParsedLine } from '../parser/parser';
import type { Version } from '../version';
import { atLeast } from '../version';
import { SINCE, isCSpace, nameOf } from '../model/reading';

/**
 * Conservative formatting: every edit leaves what the broker reads unchanged.
 *
 * - Between a known directive and its value, a run of spaces becomes one space. The broker
 *   splits on spaces (`strtok_r(…, " ")`), and string values drop their leading blanks, so
 *   this is only skipped for values read raw from the character after the single separator
 *   space (`include_dir`, `bridge_protocol_version`, the plugin paths, `plugin_load`), where
 *   an extra space becomes part of the value.
 * - Trailing white space is removed where the broker ignores it: trailing spaces after
 *   token values (a trailing tab would stick to the last token, so tabs stay), and any
 *   trailing blank after string values from 1.6.9 on (older brokers keep it in the value).
 *   Raw values, `log_dest file …`, plugin options and `listener` before 1.5 (whose address
 *   was the rest of the line) keep theirs.
 * - Blank lines: none at the start or end of the file, at most two in a row, and one before
 *   each `listener`/`connection` header (above the comment lines that introduce it) that
 *   follows a directive directly. Lines of spaces only are blank to the broker and are emptied.
 * - Never touched: comments (column-0 `#`), unknown directives (including indented `#` lines
 *   and keywords with a tab, which the broker does not split), tabs, string text, line
 *   endings, and everything from a NUL character on (the broker stops reading there).
 * - A text with a carriage return that does not end a line is left alone: the broker and
 *   LSP positions disagree about where its lines are.
 */

/** Most blank lines kept in a row. */
export const MAX_BLANK_LINES = 2;

/** Options beyond the LSP ones: the broker release decides which trailing blanks matter. */
export interface FormatSettings {
  readonly brokerVersion: Version;
}

const SPACE = 0x20;

/** The value starts right after the single separator space and every character counts. */
function readsRawRest(d: Directive): boolean {
  const spec = d.spec;
  return spec !== undefined && ((spec.valueMode === 'raw' && spec.prefix === undefined) || nameOf(d) === 'plugin_load');
}

/** How much trailing white space the broker ignores on this directive line: 'none', 'spaces' or 'blanks'. */
function ignoredTrailing(d: Directive, version: Version): 'none' | 'spaces' | 'blanks' {
  const spec = d.spec;
  if (!spec || readsRawRest(d) || spec.valueMode === 'raw') {
    return 'none';
  }
  const name = nameOf(d);
  if (name === 'log_dest' && d.args[0]?.text === 'file') {
    return 'none';
  }
  if (name === 'listener' && !atLeast(version, SINCE.release1_5)) {
    return 'none';
  }
  if (spec.valueMode === 'string') {
    // An all-blank value is an error either way, but not the same reading: leave it.
    return atLeast(version, SINCE.trimmedStrings) && d.value.length > 0 ? 'blanks' : 'none';
  }
  return 'spaces';
}

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** Edits of one directive line (0-based `line`): the gap after the keyword and the trailing white space. */
function directiveEdits(d: Directive, line: number, text: string, version: Version, trimTrailing: boolean): TextEdit[] {
  if (!d.spec) {
    return [];
  }
  const edits: TextEdit[] = [];
  const keywordEnd = d.nameEnd;
  let contentEnd = text.length;
  const trailing = trimTrailing ? ignoredTrailing(d, version) : 'none';
  if (trailing !== 'none') {
    while (contentEnd > keywordEnd && (trailing === 'blanks' ? isCSpace(text.charCodeAt(contentEnd - 1)) : text.charCodeAt(contentEnd - 1) === SPACE)) {
      contentEnd--;
    }
  }
  if (!readsRawRest(d)) {
    let gapEnd = keywordEnd;
    while (gapEnd < contentEnd && text.charCodeAt(gapEnd) === SPACE) {
      gapEnd++;
    }
    if (gapEnd - keywordEnd > 1 && gapEnd < contentEnd) {
      edits.push({ range: lineRange(line, keywordEnd + 1, gapEnd), newText: '' });
    }
  }
  if (contentEnd < text.length) {
    edits.push({ range: lineRange(line, contentEnd, text.length), newText: '' });
  }
  return edits;
}

function isSectionHeader(line: ParsedLine): boolean {
  const name = line.directive ? nameOf(line.directive) : undefined;
  return name === 'listener' || name === 'connection';
}

/** The first line of the comment block that directly introduces line `header`. */
function introStart(lines: readonly ParsedLine[], header: number): number {
  let start = header;
  while (start > 0 && lines[start - 1].kind === 'comment') {
    start--;
  }
  return start;
}

/** Whether the text has a carriage return that is not part of a line ending. */
function hasLoneCarriageReturn(text: string): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 0x0a) {
      return true;
    }
  }
  return false;
}

/**
 * Formats a document, or only the lines a range touches (a range ending at character 0 of a
 * later line does not touch that line). Returns non-overlapping edits in document order.
 */
export function formatDocument(parsed: ParsedFile, settings: FormatSettings, options: Partial<FormattingOptions> = {}, range?: Range): TextEdit[] {
  if (hasLoneCarriageReturn(parsed.text)) {
    return [];
  }
  const lines = parsed.lines;
  // Lines from the first NUL on are never read by the broker: leave them as they are.
  const limit = parsed.nulLine ?? lines.length;
  const firstLine = range ? range.start.line : 0;
  let lastLine = range ? range.end.line : lines.length - 1;
  if (range && range.end.character === 0 && range.end.line > range.start.line) {
    lastLine--;
  }
  lastLine = Math.min(lastLine, limit - 1);
  const inScope = (line: number): boolean => line >= firstLine && line <= lastLine;
  const trimTrailing = options.trimTrailingWhitespace !== false;
  const version = settings.brokerVersion;

  // Which blank lines go.
  const remove = new Array<boolean>(lines.length).fill(false);
  let firstContent = 0;
  while (firstContent < limit && lines[firstContent].kind === 'blank') {
    firstContent++;
  }
  let lastContent = limit - 1;
  while (lastContent >= 0 && lines[lastContent].kind === 'blank') {
    lastContent--;
  }
  const reachesEnd = limit === lines.length;
  const trimEnd = reachesEnd && options.trimFinalNewlines !== false;
  let run = 0;
  for (let i = 0; i < limit; i++) {
    if (lines[i].kind !== 'blank') {
      run = 0;
      continue;
    }
    run++;
    const leading = i < firstContent;
    const trailingAtEnd = i > lastContent && trimEnd;
    if (leading || trailingAtEnd || run > MAX_BLANK_LINES) {
      remove[i] = true;
    }
  }

  const edits: TextEdit[] = [];
  const finalNewline = parsed.text.endsWith('\n');
  for (let i = 0; i < limit; i++) {
    if (!inScope(i)) {
      continue;
    }
    const line = lines[i];
    if (remove[i]) {
      let j = i;
      while (j + 1 < limit && remove[j + 1] && inScope(j + 1)) {
        j++;
      }
      const end = j + 1 < lines.length || finalNewline ? { line: j + 1, character: 0 } : { line: j, character: lines[j].text.length };
      // At the end of a text without a final newline, the line break before the deleted lines stays.
      if (end.line === i && end.character === 0) {
        i = j;
        continue; // an empty last line: nothing to delete
      }
      edits.push({ range: { start: { line: i, character: 0 }, end }, newText: '' });
      i = j;
      continue;
    }
    if (line.kind === 'blank') {
      if (line.text.length > 0) {
        edits.push({ range: lineRange(i, 0, line.text.length), newText: '' });
      }
      continue;
    }
    if (line.kind === 'comment' || !line.directive) {
      continue;
    }
    if (isSectionHeader(line)) {
      const start = introStart(lines, i);
      if (start > 0 && lines[start - 1].kind === 'directive' && inScope(start)) {
        // Lines start…i-1 are comments, which have no edits: the list stays in document order.
        const eol = lines[start - 1].hadCarriageReturn ? '\r\n' : '\n';
        edits.push({ range: lineRange(start, 0, 0), newText: eol });
      }
    }
    edits.push(...directiveEdits(line.directive, i, line.text, version, trimTrailing));
  }

  if (options.insertFinalNewline === true && reachesEnd && !finalNewline && parsed.text.length > 0 && inScope(lines.length - 1)) {
    const last = lines.length - 1;
    if (!remove[last]) {
      const eol = lines.some((l) => l.hadCarriageReturn) ? '\r\n' : '\n';
      edits.push({ range: lineRange(last, lines[last].text.length, lines[last].text.length), newText: eol });
    }
  }
  return edits;
}
