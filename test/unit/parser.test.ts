import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { parse, parseLine } from '../../server/src/service';
import type { Directive } from '../../server/src/service/parser/parser';
import { withoutKeys } from './parseShape';
import { lineOf, spanRange } from '../../server/src/service/parser/parser';

suite('parser: the broker tokenizer', () => {
  test('comment only in column 0: "# a" is a comment', () => {
    assert.equal(parseLine('f', '# a').kind, 'comment');
  });
  test('comment only in column 0: "  # a" is the directive "#"', () => {
    const line = parseLine('f', '  # a');
    assert.equal(line.kind, 'directive');
    assert.equal(line.directive?.name, '#');
    assert.deepEqual([line.directive?.nameStart, line.directive?.nameEnd], [2, 3]);
  });
  test('spaces only separate: a tab is part of the keyword', () => {
    assert.equal(parseLine('f', 'listener\t1883').directive?.name, 'listener\t1883');
  });
  test('several spaces between keyword and value are fine', () => {
    const d = parseLine('f', 'listener   1883  0.0.0.0').directive;
    assert.deepEqual(
      d?.args.map((t) => t.text),
      ['1883', '0.0.0.0'],
    );
    assert.equal(d?.args[0].start, 11);
  });
  test('a line of spaces is blank, a line with a tab is not', () => {
    assert.equal(parseLine('f', '    ').kind, 'blank');
    assert.equal(parseLine('f', '\t').kind, 'directive');
  });
  test('string value: rest of line, trimmed, quotes and "#" kept', () => {
    const d = parseLine('f', 'password_file   "/etc/pw" # users  ').directive;
    assert.equal(d?.value, '"/etc/pw" # users');
    assert.equal(d?.rest, '  "/etc/pw" # users  ');
    assert.deepEqual([d?.valueStart, d?.valueEnd], [16, 33]);
  });
  test('empty value: the value range sits at the end of the keyword', () => {
    const d = parseLine('f', 'pid_file').directive;
    assert.equal(d?.value, '');
    assert.equal(d?.valueStart, 8);
  });
  test('CRLF: trailing carriage returns are removed', () => {
    const file = parse('port 1883\r\nlistener 1884\r\n');
    assert.deepEqual(
      file.directives.map((d) => d.args[0]?.text),
      ['1883', '1884'],
    );
    assert.equal(file.lines[0].hadCarriageReturn, true);
    assert.equal(file.lines.length, 2);
  });
  test('a UTF-8 byte order mark stays part of the first keyword', () => {
    const file = parse('\ufefflistener 1883\n');
    assert.equal(file.hasBom, true);
    assert.equal(file.directives[0].name, '\ufefflistener');
    assert.equal(file.directives[0].spec, undefined);
  });
  test('catalogue lookup is case-sensitive; plugin_opt_ is a prefix family', () => {
    const file = parse('Listener 1883\nplugin_opt_db x\n');
    assert.equal(file.directives[0].spec, undefined);
    assert.equal(file.directives[1].spec?.name, 'plugin_opt_*');
  });
  test('the first NUL character is located', () => {
    assert.equal(parse('a 1\nb\0c\nd').nulLine, 1);
  });
  test('never throws and keeps every line: empty text, lone CR, surrogates', () => {
    for (const text of ['', '\r', '\n\n', '\ud800 x', 'a'.repeat(10000)]) {
      const file = parse(text);
      assert.equal(file.lines.length, Math.max(1, text.split('\n').length - (text.endsWith('\n') ? 1 : 0)));
    }
  });
});

suite('parser: reuse of unchanged lines after an edit', () => {
  const before = 'listener 1883\r\nallow_anonymous true\r\npassword_file /etc/pw\r\n';
  const after = 'listener 1883\r\nallow_anonymous false\r\npassword_file /etc/pw\r\n';
  test('the result equals a fresh parse', () => {
    const incremental = parse(after, 'f', parse(before, 'f'));
    const fresh = parse(after, 'f');
    // Everything but the directives' serials (new objects, new serials); the keys are equal too.
    assert.deepEqual(withoutKeys(incremental), withoutKeys(fresh));
    assert.deepEqual(
      incremental.lines.map((l) => l.key),
      fresh.lines.map((l) => l.key),
    );
  });
  test('unchanged lines are the same objects; the edited line is new', () => {
    const first = parse(before, 'f');
    const second = parse(after, 'f', first);
    assert.equal(second.lines[0], first.lines[0]);
    assert.notEqual(second.lines[1], first.lines[1]);
    assert.equal(second.lines[2], first.lines[2]);
  });
  test('a changed line ending is not reused; another document is not reused', () => {
    const first = parse('listener 1883\r\n', 'f');
    assert.notEqual(parse('listener 1883\n', 'f', first).lines[0], first.lines[0]);
    assert.notEqual(parse('listener 1883\r\n', 'g', first).lines[0], first.lines[0]);
  });
  test('lines that moved keep their objects: inserting a line parses that line only', () => {
    const first = parse('a 1\nb 2\n', 'f');
    const second = parse('x 0\na 1\nb 2\n', 'f', first);
    assert.equal(second.lines[1], first.lines[0]);
    assert.equal(second.lines[2], first.lines[1]);
    assert.equal(lineOf(second, first.lines[0].directive as Directive), 1);
    assert.equal(lineOf(first, first.lines[0].directive as Directive), 0);
    assert.deepEqual(withoutKeys(second), withoutKeys(parse('x 0\na 1\nb 2\n', 'f')));
  });
});

suite('parser: prefix and suffix reuse (every line object below an inserted line is kept)', () => {
  const doc =
    Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? `listener ${1880 + i}` : i % 3 === 1 ? `# note ${i}` : `max_connections ${i}`)).join('\n') + '\n';
  const edits: [string, (lines: string[]) => string[]][] = [
    ['insert a line in the middle', (l) => [...l.slice(0, 5), 'allow_anonymous true', ...l.slice(5)]],
    ['remove a line in the middle', (l) => [...l.slice(0, 5), ...l.slice(6)]],
    ['split a line in two', (l) => [...l.slice(0, 5), 'max_conn', 'ections 5', ...l.slice(6)]],
    ['insert at the top', (l) => ['# top', ...l]],
    ['append at the end', (l) => [...l, 'port 1']],
    ['insert three blank lines', (l) => [...l.slice(0, 7), '', '', '', ...l.slice(7)]],
    ['edit two lines apart', (l) => l.map((x, i) => (i === 2 || i === 9 ? `${x}0` : x))],
  ];
  for (const [name, change] of edits) {
    test(`${name}: lines outside the edit are the same objects, lineOf gives their new lines, the rest equals a fresh parse`, () => {
      const before = doc.split('\n').slice(0, -1);
      const after = change(before);
      const text = after.join('\n') + '\n';
      const first = parse(doc, 'f');
      const second = parse(text, 'f', first);
      assert.deepEqual(withoutKeys(second), withoutKeys(parse(text, 'f')));
      const kept = new Set(first.lines);
      // The common start and end of the two line lists are kept by identity.
      let start = 0;
      while (start < after.length && start < before.length && after[start] === before[start]) {
        assert.equal(second.lines[start], first.lines[start], `line ${start}`);
        start++;
      }
      for (let k = 1; k <= Math.min(before.length, after.length) - start && after[after.length - k] === before[before.length - k]; k++) {
        assert.equal(second.lines[after.length - k], first.lines[before.length - k], `line ${after.length - k}`);
      }
      second.lines.forEach((line, i) => {
        assert.equal(lineOf(second, line), i);
        if (line.directive) {
          assert.equal(lineOf(second, line.directive), i);
        }
      });
      assert.ok(second.lines.filter((line) => !kept.has(line)).length <= Math.abs(after.length - before.length) + 2, 'only the edited lines are new');
    });
  }
  test('many insertions at one place: keys stay whole numbers in order, lineOf stays right, lines far from the edit are kept', () => {
    let lines = Array.from({ length: 300 }, (_, i) => `max_connections ${i}`);
    const first = parse(lines.join('\n'), 'f');
    let parsed = first;
    for (let i = 0; i < 80; i++) {
      lines = [...lines.slice(0, 150 + i), `# ${i}`, ...lines.slice(150 + i)];
      parsed = parse(lines.join('\n'), 'f', parsed);
      assert.deepEqual(withoutKeys(parsed), withoutKeys(parse(lines.join('\n'), 'f')));
      parsed.lines.forEach((line, n) => {
        assert.equal(lineOf(parsed, line), n);
        assert.ok(Number.isInteger(line.key), `key ${line.key} of line ${n}`);
      });
    }
    // Room was made by parsing a few neighbours again, not the whole file.
    assert.equal(parsed.lines[0], first.lines[0]);
    assert.equal(parsed.lines[parsed.lines.length - 1], first.lines[first.lines.length - 1]);
    assert.ok(parsed.lines.filter((line) => first.lines.includes(line)).length > 200);
  });
  test('300 random edits (line breaks, CRs, NULs included): each parse equals a fresh one and keeps the lines outside the edit', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['\n', '\r\n', '\r', '\n\n', 'listener 1883', 'port 1', '# c', ' ', 'x', '\0', '\t'];
    let text = 'listener 1883\r\n# one\nport 1\n\nmax_connections 5\n';
    let parsed = parse(text, 'f');
    for (let i = 0; i < 300; i++) {
      const at = random(text.length + 1);
      const length = random(4);
      const next = text.slice(0, at) + (random(3) === 0 ? '' : pieces[random(pieces.length)]) + text.slice(at + length);
      const again = parse(next, 'f', parsed);
      assert.deepEqual(withoutKeys(again), withoutKeys(parse(next, 'f')), JSON.stringify([text, next]));
      // Lines before the edit are the same objects, up to one that ends in several CRs (parsed
      // again: how many CRs it had is not kept).
      const before = text.slice(0, at).split('\n').slice(0, -1);
      const kept = before.findIndex((raw) => /\r\r$/.test(raw));
      before.slice(0, kept === -1 ? before.length : kept).forEach((_, n) => {
        assert.equal(again.lines[n], parsed.lines[n], `line ${n} of ${JSON.stringify([text, next])}`);
      });
      again.lines.forEach((line, n) => assert.equal(lineOf(again, line), n));
      text = next;
      parsed = again;
    }
  });
  test('line endings: a changed line ending, CRLF, several CRs and lone CRs give what a fresh parse gives', () => {
    const texts = [
      'a\nb',
      'ab',
      'x\nab',
      'xa\nb',
      'a\nb\n',
      'a 1\r\nb 2\r\n',
      'x\r\na 1\r\nb 2\r\n',
      'x\r\r\na 1\r\nb 2\r\n',
      'x\ra 1\r\nb 2\r',
      'a 1\nb 2',
      'a 1\nb 2\n\n',
      '',
      '\n',
    ];
    for (const from of texts) {
      for (const to of texts) {
        assert.deepEqual(withoutKeys(parse(to, 'f', parse(from, 'f'))), withoutKeys(parse(to, 'f')), `${JSON.stringify(from)} -> ${JSON.stringify(to)}`);
      }
    }
  });
});

suite('parser: columns and the position map', () => {
  test('a directive has the columns of its keyword and value and its line text', () => {
    const d = parseLine('f', '  password_file   "/etc/pw"  ').directive;
    assert.deepEqual([d?.nameStart, d?.nameEnd, d?.valueStart, d?.valueEnd, d?.text], [2, 15, 18, 27, '  password_file   "/etc/pw"  ']);
    const empty = parseLine('f', 'pid_file').directive;
    assert.deepEqual([empty?.valueStart, empty?.valueEnd], [8, 8]);
  });
  test('lineOf finds every line object and its directive; a span becomes a range on that line', () => {
    const file = parse('# c\n\nlistener 1883\r\nport 1\n', 'f');
    file.lines.forEach((line, i) => {
      assert.equal(lineOf(file, line), i);
      if (line.directive) {
        assert.equal(lineOf(file, line.directive), i);
      }
    });
    const port = file.lines[3].directive;
    assert.ok(port);
    assert.deepEqual(spanRange(file, { on: port, start: port.valueStart, end: port.valueEnd }), {
      start: { line: 3, character: 5 },
      end: { line: 3, character: 6 },
    });
  });
  test('lineOf refuses a line object of another parse', () => {
    const file = parse('listener 1883\n', 'f');
    const other = parse('listener 1883\n', 'g');
    assert.throws(() => lineOf(file, other.lines[0]), /not in f/);
  });
});

/** The heap in use after two full garbage collections, in MB (the collector exposed for the test). */
async function heapAfterGcMb(): Promise<() => number> {
  const { setFlagsFromString } = await import('node:v8');
  const { runInNewContext } = await import('node:vm');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed / 1048576;
  };
}

suite('parser: memory kept across edits', () => {
  test('a line parsed on an edit does not keep its version of the whole text in memory', async () => {
    const heapMb = await heapAfterGcMb();
    // About 1 MB of text; each edit makes a new text and parses the edited line only.
    const lines = Array.from({ length: 30_000 }, (_, i) => `max_connections ${i} # a comment long enough to be sliced`);
    let text = lines.join('\n');
    let parsed = parse(text, '/m.conf');
    const before = heapMb();
    for (let i = 0; i < 30; i++) {
      const at = 500 + i * 900;
      lines[at] = `${lines[at]} x`;
      text = lines.join('\n');
      parsed = parse(text, '/m.conf', parsed);
    }
    const grown = heapMb() - before;
    // Sliced from its text, each edited line would keep its own 1 MB copy of the document (30 MB).
    assert.ok(grown < 8, `heap grew ${grown.toFixed(1)} MB over 30 edits`);
    assert.equal(parsed.lines[500].text, `${lines[500]}`);
    assert.equal(parsed.text, text);
  });
});

suite('parser: memory kept by a parse', () => {
  test('a directive object has a serial of its own: a kept line keeps it, a line parsed again gets a new one', () => {
    const text = 'listener 1883\nmax_connections 10\nlistener 1884\nmax_connections 10\n';
    const first = parse(text, 'f');
    const serials = first.directives.map((d) => d.serial);
    assert.equal(new Set(serials).size, 4);
    // The same text parsed again: new objects, new serials (a findings cache key names objects).
    assert.ok(parse(text, 'f').directives.every((d) => !serials.includes(d.serial)));
    const second = parse(text.replace('max_connections 10\nlistener 1884', 'max_connections 10\nlistener 1885'), 'f', first);
    assert.equal(second.directives[0].serial, serials[0]);
    assert.equal(second.directives[3].serial, serials[3]);
    assert.ok(!serials.includes(second.directives[2].serial));
  });
  test('the tokens of a line are not kept: a parse of 50k five-token lines stays small', async () => {
    const heapMb = await heapAfterGcMb();
    const text = Array.from({ length: 50_000 }, (_, i) => `topic t/${i % 97}/# out 1 local/ r/`).join('\n');
    const before = heapMb();
    const parsed = parse(text, '/m.conf');
    const kept = heapMb() - before;
    // Kept, the tokens (an array, five objects and their strings per line) made this parse
    // 28 MB; the directive objects and their strings alone are ~7 MB.
    assert.ok(kept < 14, `the parse keeps ${kept.toFixed(1)} MB`);
    const d = parsed.directives[12_345];
    assert.deepEqual(
      d.args.map((t) => [t.text, t.start, t.end]),
      [
        ['t/26/#', 6, 12],
        ['out', 13, 16],
        ['1', 17, 18],
        ['local/', 19, 25],
        ['r/', 26, 28],
      ],
    );
  });
});
