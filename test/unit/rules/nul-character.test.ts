import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'nul-character';

suite(ID, () => {
  test('a NUL byte is a warning on that character: "a\\0b" on line 2', () => {
    const [d] = withCode(lint('listener 1883\nallow_anonymous tr\0ue\n'), ID);
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, { start: { line: 1, character: 18 }, end: { line: 1, character: 19 } });
  });
  test('the line with the NUL and everything after it are ignored, as the broker does', () => {
    // 'allow_anonymous tr' would be an invalid boolean and 'xyzzy' an unknown directive.
    const text = 'listener 1883\nallow_anonymous tr\0ue\nxyzzy 1\n';
    assert.deepEqual(findings(text, ID), ['2:warning']);
    assert.deepEqual(findings(text, 'invalid-boolean'), []);
    assert.deepEqual(findings(text, 'unknown-directive'), []);
  });
  // Correction: this test used to assert that the NUL line hides the listener on 2.1.2 too;
  // the 2.0.22 and 2.1.2 brokers read a line starting with NUL as empty and keep reading
  // (test/broker/cases/nul-column-0*.conf), while 1.5.11, 1.6.15 and 2.0.11 stop there.
  for (const version of ['1.5.11', '1.6.15', '2.0.11']) {
    test(`${version} stops at a NUL in column 0: the unknown directive after it is never read`, () => {
      assert.deepEqual(findings('\0\nbogus_directive x\n', 'unknown-directive', version), []);
      assert.deepEqual(findings('\0\nbogus_directive x\n', ID, version), ['1:warning']);
    });
  }
  for (const version of ['2.0.22', '2.1.2']) {
    test(`${version} reads a NUL in column 0 as an empty line: the unknown directive after it is refused`, () => {
      assert.deepEqual(findings('\0\nbogus_directive x\n', 'unknown-directive', version), ['2:error']);
      assert.deepEqual(findings('\0\nbogus_directive x\n', ID, version), ['1:warning']);
    });
  }
  test('2.0.11: a NUL on a line of its own hides the listener after it', () => {
    assert.deepEqual(findings('allow_anonymous true\n\0\nlistener 1883\n', 'no-listener', '2.0.11'), ['1:information']);
  });
  test('2.1.2: a NUL on a line of its own does not hide the listener after it', () => {
    assert.deepEqual(findings('allow_anonymous true\n\0\nlistener 1883\n', 'no-listener'), []);
  });
  test('2.1.2: the text after a NUL in column 0 is ignored, the next lines are read', () => {
    const text = '\0xyzzy 1\nlistener 1883\nplugh 2\n';
    assert.deepEqual(findings(text, 'unknown-directive'), ['3:error']);
    const [d] = withCode(lint(text), ID);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    assert.match(String(d.message), /empty line/);
  });
  test('2.1.2: a NUL in column 0 before a NUL later in a line: read on, then stop at the second', () => {
    const text = 'listener 1883\n\0\nallow_anonymous tr\0ue\nxyzzy 1\n';
    assert.deepEqual(findings(text, ID), ['2:warning', '3:warning']);
    assert.deepEqual(findings(text, 'unknown-directive'), []);
  });
  test('only the first NUL is reported where the broker stops: two NUL lines on 2.0.11', () => {
    assert.deepEqual(findings('listener 1883\n\0\n\0\n', ID, '2.0.11'), ['2:warning']);
  });
  test('each NUL line read as empty is reported on 2.1.2: two NUL lines', () => {
    assert.deepEqual(findings('listener 1883\n\0\n\0\n', ID), ['2:warning', '3:warning']);
  });
  test('no NUL, no finding', () => {
    assert.deepEqual(findings('listener 1883\n', ID), []);
  });
});
