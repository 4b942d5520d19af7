import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Analysis, AnalysisSettings, FileSystemAccess } from '../../server/src/service';
import { analyze, defaultSettings, NO_FILE_SYSTEM, parseVersion } from '../../server/src/service';

/** Repository root (tests run from out/test/unit/robustness). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** The shared corpus of real configurations (read-only), when it is there. */
export function corpusFiles(): { name: string; text: string }[] {
  const dir = path.join(repoRoot, '..', 'shared', 'corpus', 'real');
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.conf'))
    .sort()
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** Settings for one analysis: release as 'X.Y.Z'. */
export function settingsFor(version = '2.1.2', overrides: Partial<AnalysisSettings> = {}): AnalysisSettings {
  const brokerVersion = parseVersion(version);
  assert.ok(brokerVersion, `bad version ${version}`);
  return defaultSettings({ brokerVersion, checkPaths: false, ...overrides });
}

/**
 * Lines as an editor (LSP client) cuts them: `\r\n`, a lone `\r` and `\n` all end a line.
 * Diagnostics are given in these lines.
 */
export function editorLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Lines as the broker, and so the parser, cuts them: at `\n` only, trailing `\r`s removed.
 * (A lone `\r` inside such a line is listed in ParsedFile.loneCarriageReturns; diagnostics
 * are moved to editor lines.)
 */
export function brokerLines(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/\r+$/, ''));
}

/** How many lines the parser reports: the broker's lines, except that a final line feed opens none. */
export function parserLineCount(text: string): number {
  const lines = brokerLines(text).length;
  return lines > 1 && text.endsWith('\n') ? lines - 1 : lines;
}

/** Every problem with one diagnostic's range against the lines of its document ('' when fine). */
export function rangeProblem(d: Diagnostic, lines: readonly string[]): string {
  const { start, end } = d.range;
  for (const [label, p] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) {
      return `${label} ${JSON.stringify(p)} is not a valid position`;
    }
    if (p.line >= lines.length) {
      return `${label} line ${p.line} is past the last line (${lines.length} lines)`;
    }
    if (p.character > lines[p.line].length) {
      return `${label} character ${p.character} is past the end of line ${p.line} (length ${lines[p.line].length})`;
    }
  }
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
    return `range ${JSON.stringify(d.range)} ends before it starts`;
  }
  return '';
}

/**
 * Analyses `text` and checks the invariants every analysis must keep: it does not throw,
 * every diagnostic (and related location in a known file) lies inside its document, and a
 * second analysis gives the same diagnostics. `files` maps the ids of included files to
 * their texts. Returns the analysis for further checks.
 */
export function checkInvariants(
  text: string,
  settings: AnalysisSettings = settingsFor(),
  fileSystem: FileSystemAccess = NO_FILE_SYSTEM,
  files: Readonly<Record<string, string>> = {},
  mainPath?: string,
  { twice = true }: { twice?: boolean } = {},
): Analysis {
  const uri = mainPath ?? 'untitled:robustness.conf';
  let first: Analysis;
  try {
    first = analyze({ text, uri, path: mainPath }, settings, fileSystem);
  } catch (error) {
    assert.fail(`analyze threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)} for ${JSON.stringify(text.slice(0, 300))}`);
  }
  const textOf = (id: string): string | undefined => (id === uri ? text : files[id]);
  const linesCache = new Map<string, string[]>();
  const linesOf = (id: string, fileText: string): string[] => {
    let lines = linesCache.get(id);
    if (!lines) {
      lines = editorLines(fileText);
      linesCache.set(id, lines);
    }
    return lines;
  };
  for (const [id, diagnostics] of first.diagnostics) {
    const fileText = textOf(id);
    assert.ok(fileText !== undefined, `diagnostics for a file the test does not know: ${id}`);
    const lines = linesOf(id, fileText);
    for (const d of diagnostics) {
      assert.ok(typeof d.message === 'string' && d.message.length > 0, `empty message for ${String(d.code)}`);
      assert.ok(!/Internal error in rule/.test(d.message), `a rule crashed: ${d.message}`);
      const problem = rangeProblem(d, lines);
      assert.equal(problem, '', `[${String(d.code)}] ${problem} in ${id}; text starts ${JSON.stringify(fileText.slice(0, 200))}`);
      for (const r of d.relatedInformation ?? []) {
        const relatedText = textOf(r.location.uri);
        if (relatedText !== undefined) {
          const relatedProblem = rangeProblem({ ...d, range: r.location.range }, linesOf(r.location.uri, relatedText));
          assert.equal(relatedProblem, '', `[${String(d.code)}] related location: ${relatedProblem}`);
        }
      }
    }
  }
  if (!twice) {
    return first;
  }
  const second = analyze({ text, uri, path: mainPath }, settings, fileSystem);
  assert.deepEqual(normalise(second.diagnostics), normalise(first.diagnostics), 'a second analysis of the same text gave other diagnostics');
  return first;
}

function normalise(map: ReadonlyMap<string, Diagnostic[]>): [string, Diagnostic[]][] {
  return [...map].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
