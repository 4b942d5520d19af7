import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'node:test';
import * as fc from 'fast-check';
import type { AnalysisSettings, ConfigModel, ParsedFile } from '../../server/src/service';
import { analyze, FindingsCache, parse } from '../../server/src/service';
import { corpusFiles, repoRoot, settingsFor } from './invariants';
import { modelShape, patchedFrom } from '../unit/modelShape';
import { withoutKeys } from '../unit/parseShape';

/** Start documents: the shared corpus when it is there, the fixtures and examples always. */
function startDocuments(): { name: string; text: string }[] {
  const local = [path.join(repoRoot, 'test', 'fixtures', 'valid'), path.join(repoRoot, 'test', 'fixtures', 'invalid'), path.join(repoRoot, 'examples')].flatMap(
    (dir) =>
      fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.conf'))
        .map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') })),
  );
  return [...corpusFiles(), ...local];
}

/** Text pieces an edit inserts: keywords, values, separators and the characters rules care about. */
const PIECES = [
  'listener 1883',
  'port 8883',
  'allow_anonymous true',
  'certfile /x.crt',
  'keyfile /x.key',
  'protocol websockets',
  'connection b',
  'address h:1',
  'topic # both',
  'max_keepalive 70000',
  'log_dest file /tmp/x',
  'per_listener_settings true',
  'persistence_location /var',
  'Listener',
  'x',
  '1',
  ' ',
  '  ',
  '\t',
  '#',
  '"',
  '=',
  '\n',
  '\r\n',
  '\r',
];

/** One edit: replace `length` characters at a relative position with a text. */
interface Edit {
  readonly at: number;
  readonly length: number;
  readonly text: string;
}

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.nat({ max: 40 }),
    text: fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((parts) => parts.join('')),
  }),
  // Typing inside a line: the edits that leave the structure alone and let the model be patched.
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.nat({ max: 1 }),
    text: fc.constantFrom('', 'x', '1', ' ', '0', 'e', '/'),
  }),
);

function apply(text: string, edit: Edit): string {
  const start = Math.min(text.length, Math.floor(edit.at * text.length));
  const end = Math.min(text.length, start + edit.length);
  return text.slice(0, start) + edit.text + text.slice(end);
}

const settingsArb: fc.Arbitrary<AnalysisSettings> = fc.constantFrom(
  settingsFor('2.1.2'),
  settingsFor('2.0.11'),
  settingsFor('1.5.11', { platform: 'windows' }),
);

// The analysis with a FindingsCache reuses line-local directive findings, section-local section
// findings and sections-only configuration findings: a wrongly keyed or wrongly marked cache
// shows up here as a difference from the fresh analysis.
suite('robustness: work reused across edits', () => {
  const documents = startDocuments();

  test('random edit sequences: the incremental analysis equals a fresh full analysis, diagnostic for diagnostic', { timeout: 600_000 }, () => {
    const kinds = { patched: 0, rebuilt: 0 };
    assert.ok(documents.length > 0);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: documents.length - 1 }),
        fc.array(editArb, { minLength: 1, maxLength: 8 }),
        settingsArb,
        (index, edits, settings) => {
          const uri = `untitled:${documents[index].name}`;
          let text = documents[index].text;
          let previous: ParsedFile | undefined;
          let previousModel: ConfigModel | undefined;
          const cache = new FindingsCache();
          for (const edit of [undefined, ...edits]) {
            if (edit) {
              text = apply(text, edit);
            }
            const parsed = parse(text, uri, previous);
            const incremental = analyze({ text, uri }, settings, undefined, parsed, cache);
            const fresh = analyze({ text, uri }, settings);
            assert.deepEqual(incremental.diagnostics, fresh.diagnostics);
            assert.deepEqual(withoutKeys(incremental.parsed), withoutKeys(fresh.parsed));
            assert.deepEqual(modelShape(incremental.model), modelShape(fresh.model));
            if (incremental.model !== undefined && cache.model === incremental.model && previousModel !== undefined) {
              kinds[patchedFrom(previousModel, incremental.model) ? 'patched' : 'rebuilt']++;
            }
            previousModel = incremental.model;
            previous = parsed;
          }
        },
      ),
      { numRuns: 150 },
    );
    // Both ways of making the model were taken (the patch for edits that touch no structure line).
    assert.ok(kinds.patched > 0 && kinds.rebuilt > 0, JSON.stringify(kinds));
  });

  test('unchanged lines keep their parsed objects, and an edit re-parses only what it touched', () => {
    const text = 'listener 1883\nallow_anonymous true\ncertfile /a.crt\n';
    const first = parse(text, 'untitled:a.conf');
    const second = parse(text.replace('true', 'false'), 'untitled:a.conf', first);
    assert.equal(second.lines[0], first.lines[0]);
    assert.notEqual(second.lines[1], first.lines[1]);
    assert.equal(second.lines[2], first.lines[2]);
  });
});
