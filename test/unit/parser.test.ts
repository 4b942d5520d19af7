import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { parse, parseLine } from '../../server/src/service';
import { lineOf, spanRange } from '../../server/src/service/parser/parser';

suite('parser: the broker tokenizer', () => {
  test('comment only in column 0: "# a" is a comment', () => {
    assert.equal(parseLine('f', 0, '# a').kind, 'comment');
  });
  test('comment only in column 0: "  # a" is the directive "#"', () => {
    const line = parseLine('f', 0, '  # a');
    assert.equal(line.kind, 'directive');
    assert.equal(line.directive?.name, '#');
    assert.deepEqual([line.directive?.nameStart, line.directive?.nameEnd], [2, 3]);
  });
  test('spaces only separate: a tab is part of the keyword', () => {
    assert.equal(parseLine('f', 0, 'listener\t1883').directive?.name, 'listener\t1883');
  });
  test('several spaces between keyword and value are fine', () => {
    const d = parseLine('f', 0, 'listener   1883  0.0.0.0').directive;
    assert.deepEqual(
      d?.args.map((t) => t.text),
      ['1883', '0.0.0.0'],
    );
    assert.equal(d?.args[0].start, 11);
  });
  test('a line of spaces is blank, a line with a tab is not', () => {
    assert.equal(parseLine('f', 0, '    ').kind, 'blank');
    assert.equal(parseLine('f', 0, '\t').kind, 'directive');
  });
  test('string value: rest of line, trimmed, quotes and "#" kept', () => {
    const d = parseLine('f', 0, 'password_file   "/etc/pw" # users  ').directive;
    assert.equal(d?.value, '"/etc/pw" # users');
    assert.equal(d?.rest, '  "/etc/pw" # users  ');
    assert.deepEqual([d?.valueStart, d?.valueEnd], [16, 33]);
  });
  test('empty value: the value range sits at the end of the keyword', () => {
    const d = parseLine('f', 0, 'pid_file').directive;
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
    assert.deepEqual(parse(after, 'f', parse(before, 'f')), parse(after, 'f'));
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
  test('lines that moved are parsed again (their positions changed)', () => {
    const first = parse('a 1\nb 2\n', 'f');
    const second = parse('x 0\na 1\nb 2\n', 'f', first);
    assert.equal(second.lines[1].directive?.line, 1);
    assert.deepEqual(second, parse('x 0\na 1\nb 2\n', 'f'));
  });
});

suite('parser: columns and the position map', () => {
  test('a directive has the columns of its keyword and value and its line text', () => {
    const d = parseLine('f', 0, '  password_file   "/etc/pw"  ').directive;
    assert.deepEqual([d?.nameStart, d?.nameEnd, d?.valueStart, d?.valueEnd, d?.text], [2, 15, 18, 27, '  password_file   "/etc/pw"  ']);
    const empty = parseLine('f', 0, 'pid_file').directive;
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
