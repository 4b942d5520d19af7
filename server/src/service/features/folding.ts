import type { FoldingRange } from 'vscode-languageserver-types';
import { FoldingRangeKind } from 'vscode-languageserver-types';
import type { ParsedFile, ParsedLine } from '../parser/parser';

/**
 * Folding ranges: one per `listener`/`connection` block as written, and one per block of
 * consecutive comment lines.
 *
 * A block runs from its header to the last directive before the next header (of either
 * kind) or the end of the file; blank lines and the comments that introduce the next block
 * stay outside. This is the text as written, not the broker's effective sections (those are
 * in the outline): folding hides lines, so it follows the lines. Lines after the first NUL
 * are not folded: the broker never reads them.
 */

function isHeader(line: ParsedLine): boolean {
  const spec = line.directive?.spec;
  return spec !== undefined && spec.prefix === undefined && (line.directive?.name === 'listener' || line.directive?.name === 'connection');
}

/** Folding ranges of a document, in document order of their start lines. */
export function foldingRanges(parsed: ParsedFile): FoldingRange[] {
  const lines = parsed.lines;
  // The line with the first NUL is read up to the NUL; nothing after it is.
  const limit = parsed.nulLine !== undefined ? parsed.nulLine + 1 : lines.length;
  const ranges: FoldingRange[] = [];

  let header: number | undefined;
  let lastDirective = -1;
  const closeBlock = (): void => {
    if (header !== undefined && lastDirective > header) {
      ranges.push({ startLine: header, endLine: lastDirective });
    }
  };

  let commentStart: number | undefined;
  const closeComments = (end: number): void => {
    if (commentStart !== undefined && end > commentStart) {
      ranges.push({ startLine: commentStart, endLine: end, kind: FoldingRangeKind.Comment });
    }
    commentStart = undefined;
  };

  for (let i = 0; i < limit; i++) {
    const line = lines[i];
    if (line.kind === 'comment') {
      commentStart ??= i;
      continue;
    }
    closeComments(i - 1);
    if (line.kind !== 'directive') {
      continue;
    }
    if (isHeader(line)) {
      closeBlock();
      header = i;
    }
    lastDirective = i;
  }
  closeComments(limit - 1);
  closeBlock();
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
