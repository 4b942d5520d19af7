import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { suite, test } from 'node:test';
import { FoldingRangeKind } from 'vscode-languageserver-types';
import { parse } from '../../../server/src/service';
import { foldingRanges } from '../../../server/src/service/features/folding';
import { corpusFiles } from './structureHelpers';

/** Folds as `start-end` (sections) and `start-end comment`. */
function folds(text: string): string[] {
  return foldingRanges(parse(text)).map((r) => `${r.startLine}-${r.endLine}${r.kind === FoldingRangeKind.Comment ? ' comment' : ''}`);
}

suite('folding ranges', () => {
  test('a listener block runs from its header to its last directive', () => {
    assert.deepEqual(folds('listener 1883\nprotocol websockets\nmax_connections 5\n'), ['0-2']);
  });
  test('the next header ends a block; blank lines and the comments introducing the next block stay outside', () => {
    const text = [
      'listener 1883', // 0
      'max_connections 5', // 1
      '', // 2
      '# the bridge', // 3
      '# to the cloud', // 4
      'connection cloud', // 5
      'address h', // 6
      'topic # out', // 7
      '', // 8
    ].join('\n');
    assert.deepEqual(folds(text), ['0-1', '3-4 comment', '5-7']);
  });
  test("listener and connection end each other's blocks, whatever the broker applies the lines to", () => {
    assert.deepEqual(folds('connection a\naddress h\nlistener 1883\nport 1\n'), ['0-1', '2-3']);
  });
  test('a header with nothing under it does not fold', () => {
    assert.deepEqual(folds('listener 1883\nlistener 1884\n\n# c\n'), []);
  });
  test('comment blocks of two lines or more fold; a single comment line does not', () => {
    assert.deepEqual(folds('# a\n# b\n# c\nport 1883\n# single\nlog_type all\n'), ['0-2 comment']);
  });
  test('comments inside a block fold inside it', () => {
    assert.deepEqual(folds('listener 1883\n# a\n# b\nmax_connections 5\n'), ['0-3', '1-2 comment']);
  });
  test('an indented "#" line is not a comment (the broker reads it as a directive)', () => {
    assert.deepEqual(folds('# a\n  # b\n# c\n'), []);
  });
  test('the global part before the first header does not fold (it is not a block)', () => {
    assert.deepEqual(folds('log_type all\nlog_dest stdout\n'), []);
  });
  test('lines from the first NUL on do not fold', () => {
    assert.deepEqual(folds('listener 1883\nport 1\0\nmax_connections 1\n# a\n# b\n'), ['0-1']);
  });
  test('CRLF text folds the same', () => {
    assert.deepEqual(folds('listener 1883\r\nport 1\r\n# a\r\n# b\r\n'), ['0-1', '2-3 comment']);
  });
  test('every corpus file: ranges are well formed and properly nested', { skip: corpusFiles().length === 0 ? 'corpus not found' : false }, () => {
    for (const file of corpusFiles()) {
      const parsed = parse(fs.readFileSync(file, 'utf8'));
      const ranges = foldingRanges(parsed);
      for (const r of ranges) {
        assert.ok(r.startLine < r.endLine && r.endLine < parsed.lines.length, `${file}: ${JSON.stringify(r)}`);
      }
      for (const a of ranges) {
        for (const b of ranges) {
          const disjoint = a.endLine < b.startLine || b.endLine < a.startLine;
          const nested = (a.startLine <= b.startLine && b.endLine <= a.endLine) || (b.startLine <= a.startLine && a.endLine <= b.endLine);
          assert.ok(disjoint || nested, `${file}: ${JSON.stringify(a)} crosses ${JSON.stringify(b)}`);
        }
      }
    }
  });
});
