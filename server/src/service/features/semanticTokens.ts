import type { Diagnostic } from 'vscode-languageserver-types';
import type { Directive, ParsedFile } from '../parser/parser';
import { SECTION_STARTERS } from './grammar';

/**
 * Semantic tokens: what the TextMate grammar cannot know because it depends on the selected
 * release and on where a line sits. The grammar stays the fast first paint; these tokens
 * refine it once the server has analysed the file.
 */

/** Token types, in legend order. `path` is ours (a string subtype, see package.json). */
export const SEMANTIC_TOKEN_TYPES = ['property', 'keyword', 'number', 'enumMember', 'path'] as const;
/**
 * Token modifiers, in legend order. `deprecated` is set on every directive name the selected
 * release does not accept or does not honour where it is written (so themes that strike
 * deprecated names through mark it); `unavailable` (not in this release) and `misplaced` (in
 * the wrong section) say why. A global option written inside a section works (it applies to
 * the whole broker), so it is only `misplaced`, never struck through.
 */
export const SEMANTIC_TOKEN_MODIFIERS = ['deprecated', 'unavailable', 'misplaced'] as const;

export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
export type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

export const SEMANTIC_TOKENS_LEGEND = { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] };

/** Findings that say a known directive is not accepted by the selected release. */
const UNAVAILABLE_CODES = new Set(['unavailable-in-version']);
/** Findings that say a directive is written in a section where it does not belong. */
const MISPLACED_CODES = new Set([
  'listener-option-before-listener',
  'global-option-in-section',
  'bridge-option-outside-bridge',
  'plugin-option-without-plugin',
]);
/** Misplaced, yet the broker still honours the option (globally): marked, not struck through. */
const HONOURED_WHERE_MISPLACED = new Set(['global-option-in-section']);

/** One token before encoding. */
export interface SemanticToken {
  readonly line: number;
  readonly start: number;
  readonly length: number;
  readonly type: SemanticTokenType;
  readonly modifiers: readonly SemanticTokenModifier[];
}

const BOOLEAN_WORDS = new Set(['true', 'false', '1', '0']);
const NUMBER = /^[+-]?(?:0[xX][0-9a-fA-F]+|\d+)$/;
const DURATION = /^\d+[hdwmy]?$/;

/** The typed values of the directive on 0-based `line`. */
function valueTokens(d: Directive, line: number): SemanticToken[] {
  const spec = d.spec;
  if (!spec || spec.prefix !== undefined) {
    return [];
  }
  const first = spec.args[0];
  if (first?.type === 'path' && d.value.length > 0 && spec.args.length === 1) {
    return [{ line, start: d.valueStart, length: d.valueEnd - d.valueStart, type: 'path', modifiers: [] }];
  }
  const tokens: SemanticToken[] = [];
  d.args.forEach((token, i) => {
    const arg = spec.args[i];
    let type: SemanticTokenType | undefined;
    switch (arg?.type) {
      case 'bool':
        type = BOOLEAN_WORDS.has(token.text) ? 'keyword' : undefined;
        break;
      case 'int':
      case 'int64':
        type = NUMBER.test(token.text) ? 'number' : undefined;
        break;
      case 'duration':
        type = DURATION.test(token.text) ? 'number' : undefined;
        break;
      case 'enum':
        type = arg.values?.includes(token.text) ? 'enumMember' : undefined;
        break;
      default:
        type = undefined;
    }
    if (type) {
      tokens.push({ line, start: token.start, length: token.end - token.start, type, modifiers: [] });
    }
  });
  return tokens;
}

/** The tokens of one file, in document order: directive names (marked when not accepted there) and typed values. */
export function semanticTokenList(file: ParsedFile, diagnostics: readonly Diagnostic[]): SemanticToken[] {
  const codesByLine = new Map<number, Set<string>>();
  for (const diagnostic of diagnostics) {
    const codes = codesByLine.get(diagnostic.range.start.line) ?? new Set<string>();
    codes.add(String(diagnostic.code));
    codesByLine.set(diagnostic.range.start.line, codes);
  }
  const tokens: SemanticToken[] = [];
  file.lines.forEach(({ directive: d }, line) => {
    if (!d?.spec) {
      return; // unknown names are the grammar's (and unknown-directive's) business
    }
    const codes = codesByLine.get(line) ?? new Set<string>();
    const unavailable = [...codes].some((c) => UNAVAILABLE_CODES.has(c));
    const misplaced = [...codes].some((c) => MISPLACED_CODES.has(c));
    const ignoredThere = [...codes].some((c) => MISPLACED_CODES.has(c) && !HONOURED_WHERE_MISPLACED.has(c));
    const modifiers: SemanticTokenModifier[] = [];
    if (unavailable || ignoredThere) {
      modifiers.push('deprecated');
    }
    if (unavailable) {
      modifiers.push('unavailable');
    }
    if (misplaced) {
      modifiers.push('misplaced');
    }
    if (modifiers.length > 0 || !SECTION_STARTERS.includes(d.name)) {
      // listener/port/connection keep the grammar's section colour unless marked.
      tokens.push({ line, start: d.nameStart, length: d.nameEnd - d.nameStart, type: 'property', modifiers });
    }
    tokens.push(...valueTokens(d, line));
  });
  return tokens.filter((t) => t.length > 0).sort((a, b) => a.line - b.line || a.start - b.start);
}

/** LSP encoding: five integers per token, positions relative to the previous token. */
export function encodeSemanticTokens(tokens: readonly SemanticToken[]): number[] {
  const data: number[] = [];
  let line = 0;
  let start = 0;
  for (const token of tokens) {
    const deltaLine = token.line - line;
    const deltaStart = deltaLine === 0 ? token.start - start : token.start;
    const modifiers = token.modifiers.reduce((bits, m) => bits | (1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m)), 0);
    data.push(deltaLine, deltaStart, token.length, SEMANTIC_TOKEN_TYPES.indexOf(token.type), modifiers);
    line = token.line;
    start = token.start;
  }
  return data;
}

/** `textDocument/semanticTokens/full` for one file of an analysis. */
export function semanticTokens(file: ParsedFile, diagnostics: readonly Diagnostic[]): { data: number[] } {
  return { data: encodeSemanticTokens(semanticTokenList(file, diagnostics)) };
}
