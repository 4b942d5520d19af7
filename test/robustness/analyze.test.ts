import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import * as fc from 'fast-check';
import { DIRECTIVE_NAMES, parse } from '../../server/src/service';
import { toEditorPosition } from '../../server/src/service/parser/parser';
import { decodeConfigBytes } from '../../server/src/nodeFileSystem';
import { memoryFs } from '../unit/helpers';
import { brokerLines, checkInvariants, corpusFiles, editorLines, parserLineCount, settingsFor } from './invariants';

/** Property runs per property; fast-check's default is 100. */
const RUNS = 100;

const VERSIONS = ['1.4.15', '1.5.8', '1.6.12', '2.0.11', '2.0.18', '2.1.0', '2.1.2'];
const PLATFORMS = ['linux', 'windows', 'macos'] as const;

const settingsArb = fc
  .record({
    version: fc.constantFrom(...VERSIONS),
    platform: fc.constantFrom(...PLATFORMS),
  })
  .map(({ version, platform }) => settingsFor(version, { platform }));

/** Characters the broker's tokenizer and our rules treat specially, plus hostile code units. */
const SPECIAL = [
  ' ',
  ' ',
  ' ',
  '\t',
  '#',
  '=',
  ':',
  '"',
  "'",
  '\r',
  '\n',
  '\r\n',
  '\0',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  '/',
  '+',
  '%',
  '\\',
  ',',
  '.',
  '-',
  '0',
  '1',
  '65536',
  '-1',
  '0x1f',
  '010',
  'true',
  'false',
  'in',
  'out',
  'both',
  'mqtt',
  'websockets',
  '127.0.0.1',
  '::1',
  'localhost:1883',
  '/etc/mosquitto/x.pem',
  'C:\\mosquitto\\x.conf',
  '""',
  'file',
  'stdout',
  'tlsv1.2',
  '#a',
  'a/#',
  '+/b',
  '\u0001',
  '\u007f',
  '\u0085',
  '\u2028',
];

/** A word of a config line: a directive name, a special token, or random text. */
const wordArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...DIRECTIVE_NAMES) },
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('plugin_opt_', 'auth_opt_', 'listener_', 'bridge_', 'LISTENER', 'Port') },
);

/** A line that looks like configuration: a keyword and some values, joined by odd separators. */
const lineArb = fc
  .array(wordArb, { minLength: 0, maxLength: 6 })
  .chain((words) =>
    fc
      .array(fc.constantFrom(' ', ' ', '  ', '\t', '', '=', ' = '), { minLength: words.length, maxLength: words.length })
      .map((seps) => words.map((w, i) => (i === 0 ? w : `${seps[i]}${w}`)).join('')),
  );

/** A configuration-shaped document, with the structure lines that open sections mixed in. */
const configArb = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: lineArb },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'listener 1883',
          'listener 8883 0.0.0.0',
          'listener 0 /run/m.sock',
          'port 1883',
          'connection b1',
          'connection b1',
          'per_listener_settings true',
          'plugin /usr/lib/x.so',
          'include_dir /etc/mosquitto/conf.d',
          '# mosquitto-lint-disable-next-line',
          '# mosquitto-lint-disable-next-line unknown-directive, bridge-topic',
          '',
        ),
      },
    ),
    { maxLength: 40 },
  )
  .map((lines) => lines.join('\n'));

/** Random UTF-16 code units, lone surrogates included. */
const codeUnitsArb = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.integer({ min: 0, max: 0xffff })), { maxLength: 400 })
  .map((units) => String.fromCharCode(...units));

suite('robustness: analyze() on hostile input never throws and keeps ranges inside the document', () => {
  test('arbitrary strings (printable ASCII)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), (text) => {
        checkInvariants(text);
      }),
      { numRuns: RUNS },
    );
  });

  test('arbitrary strings (any code point), every release and platform', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), settingsArb, (text, settings) => {
        checkInvariants(text, settings);
      }),
      { numRuns: RUNS },
    );
  });

  test('lone surrogates, NUL and other raw UTF-16 code units', () => {
    fc.assert(
      fc.property(codeUnitsArb, settingsArb, (text, settings) => {
        checkInvariants(text, settings);
      }),
      { numRuns: RUNS },
    );
  });

  test('arbitrary bytes decoded as the CLI and server decode files (invalid UTF-8 becomes U+FFFD)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const decoded = decodeConfigBytes(bytes);
        checkInvariants(decoded.text);
        const lossy = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
        checkInvariants(lossy);
      }),
      { numRuns: RUNS },
    );
  });

  test('configuration-shaped documents (directives, odd separators, sections), every release and platform', () => {
    fc.assert(
      fc.property(configArb, settingsArb, (text, settings) => {
        checkInvariants(text, settings);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  test('configuration-shaped documents with included files (include_dir through a file system)', () => {
    fc.assert(
      fc.property(configArb, fc.array(configArb, { maxLength: 3 }), settingsArb, (main, included, settings) => {
        const files: Record<string, string> = {};
        included.forEach((text, i) => {
          files[`/etc/mosquitto/conf.d/${String.fromCharCode(97 + i)}.conf`] = text;
        });
        files['/etc/mosquitto/conf.d/backup.conf~'] = 'ignored';
        const text = `include_dir /etc/mosquitto/conf.d\n${main}`;
        checkInvariants(text, { ...settings, checkPaths: true }, memoryFs(files), files, '/etc/mosquitto/mosquitto.conf');
      }),
      { numRuns: RUNS },
    );
  });

  test('diagnostics are deterministic across separate analyses of equal texts', () => {
    fc.assert(
      fc.property(configArb, (text) => {
        // A copy built from parts is a different string object with the same contents.
        const copy = text.split('').join('');
        const a = checkInvariants(text);
        const b = checkInvariants(copy);
        assert.deepEqual([...b.diagnostics.values()], [...a.diagnostics.values()]);
      }),
      { numRuns: RUNS },
    );
  });
});

suite('robustness: mutations of the real-world corpus', () => {
  const corpus = corpusFiles();
  const mutationArb = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.oneof(fc.constantFrom(...SPECIAL), lineArb, fc.string({ unit: 'binary', maxLength: 8 })),
    }),
    fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  );
  type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;
  const mutate = (text: string, m: Mutation): string => {
    const at = text.length === 0 ? 0 : m.at % (text.length + 1);
    switch (m.kind) {
      case 'delete':
        return text.slice(0, at) + text.slice(at + m.length);
      case 'insert':
        return text.slice(0, at) + m.text + text.slice(at);
      case 'truncate':
        return text.slice(0, at);
      case 'duplicate-line':
      case 'swap-lines': {
        const lines = text.split('\n');
        const i = m.at % lines.length;
        if (m.kind === 'duplicate-line') {
          lines.splice(i, 0, lines[i]);
        } else {
          const j = m.other % lines.length;
          [lines[i], lines[j]] = [lines[j], lines[i]];
        }
        return lines.join('\n');
      }
    }
  };

  test('the corpus is there', { skip: corpus.length === 0 ? 'corpus not found next to the repository' : false }, () => {
    assert.ok(corpus.length > 0);
  });

  test('every corpus file as it is, on every release', { skip: corpus.length === 0 }, () => {
    for (const { text } of corpus) {
      for (const version of ['1.6.12', '2.0.11', '2.1.2']) {
        checkInvariants(text, settingsFor(version));
      }
    }
  });

  test('random mutations of corpus files', { skip: corpus.length === 0 }, () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutationArb, { minLength: 1, maxLength: 8 }), settingsArb, (index, mutations, settings) => {
        const original = corpus[index % corpus.length].text;
        const text = mutations.reduce(mutate, original);
        checkInvariants(text, settings);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

suite('robustness: large inputs (each analysed once)', () => {
  test('a 1 MB single line: a string directive with a 1 MB value', () => {
    checkInvariants(`password_file /etc/${'a'.repeat(1 << 20)}`);
  });
  test('a 1 MB single line: 1 MB of spaces then a word, after a directive', () => {
    checkInvariants(`log_dest file /tmp/x${' '.repeat(1 << 20)}y`);
  });
  test('a 1 MB single line: one unknown 1 MB keyword', () => {
    checkInvariants('x'.repeat(1 << 20));
  });
  test('a 1 MB single line: 1 MB of "# " (a comment)', () => {
    checkInvariants('# '.repeat(1 << 19));
  });
  test('a 1 MB single line: topic with 1 MB of levels', () => {
    checkInvariants(`connection b\naddress h:1883\ntopic ${'a/+/'.repeat(1 << 18)}# both 2 ${'l/'.repeat(1000)} r/`);
  });
  test('a 1 MB single line: half a million tokens', () => {
    checkInvariants(`listener 1883 ${'a '.repeat(1 << 19)}`);
  });
  test('a 10 MB file of real-world configuration', () => {
    const corpus = corpusFiles();
    const unit = corpus.length > 0 ? corpus.map((f) => f.text).join('\n') : 'listener 1883\nallow_anonymous true\n# comment\n';
    const parts: string[] = [];
    let size = 0;
    while (size < 10 * 1024 * 1024) {
      parts.push(unit);
      size += unit.length + 1;
    }
    const text = parts.join('\n');
    // Analysed once: determinism is covered by the properties above.
    const analysis = checkInvariants(text, settingsFor(), undefined, {}, undefined, { twice: false });
    assert.equal(analysis.parsed.lines.length, parserLineCount(text));
  });
  test('100k empty lines', () => {
    const text = '\n'.repeat(100_000);
    const analysis = checkInvariants(text);
    assert.equal(analysis.parsed.lines.length, 100_000);
  });
  test('100k CRLF line breaks and 100k lines of spaces', () => {
    checkInvariants('\r\n'.repeat(100_000));
    checkInvariants('   \n'.repeat(100_000));
  });
  test('100k NUL characters', () => {
    checkInvariants('\0'.repeat(100_000));
  });
});

suite('robustness: broker lines and editor lines', () => {
  test("the parser's lines are the broker's lines (split at \\n, trailing \\r removed) and every lone \\r is listed, for any text", () => {
    const breaksArb = fc.string({ unit: fc.constantFrom('a', ' ', '#', '\r', '\n', '\r\n', '\r\r'), maxLength: 60 });
    fc.assert(
      fc.property(fc.oneof(configArb, codeUnitsArb, breaksArb), (text) => {
        const parsed = parse(text);
        assert.equal(parsed.lines.length, parserLineCount(text));
        const broker = brokerLines(text);
        parsed.lines.forEach((line, i) => assert.equal(line.text, broker[i], `line ${i} of ${JSON.stringify(text)}`));
        assert.deepEqual(
          parsed.loneCarriageReturns,
          parsed.lines.flatMap((line, i) => (line.text.includes('\r') ? [i] : [])),
        );
      }),
      { numRuns: RUNS * 2 },
    );
  });
  test('toEditorPosition maps the end of every broker line to the end of an editor line', () => {
    const breaksArb = fc.string({ unit: fc.constantFrom('a', ' ', '\r', '\n', '\r\n'), maxLength: 60 });
    fc.assert(
      fc.property(breaksArb, (text) => {
        const parsed = parse(text);
        const editor = editorLines(text);
        parsed.lines.forEach((line, i) => {
          const end = toEditorPosition(parsed, { line: i, character: line.text.length });
          assert.ok(end.line < editor.length, `line ${end.line} exists in ${JSON.stringify(text)}`);
          assert.equal(end.character, editor[end.line].length, `end of broker line ${i} is the end of editor line ${end.line} in ${JSON.stringify(text)}`);
        });
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
