import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { checkDynsec, parseVersion } from '../../../server/src/service';

const ID = 'dynsec-json';

/** `line:severity` of this rule's findings (1-based lines). */
function found(text: string, version = '2.1.2'): string[] {
  return checkDynsec(text, parseVersion(version)!)
    .filter((f) => f.code === ID)
    .map((f) => `${f.range.start.line + 1}:${f.severity}`);
}

suite(ID, () => {
  test('a syntax error: one warning with line and column (2.0.11 logs it and starts, test/broker/companion.ts)', () => {
    const [finding] = checkDynsec('{\n  "roles": [ ,\n]}', parseVersion('2.0.11')!);
    assert.equal(finding.code, ID);
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range.start, { line: 1, character: 13 });
    assert.match(finding.message, /line 2, column 14/);
  });
  test('comments and trailing commas are not JSON for the plugin', () => {
    assert.deepEqual(found('{\n// note\n"roles": []}'), ['2:warning']);
    assert.deepEqual(found('{"roles": [],\n}'), ['2:warning']);
  });
  test('a top level that is not an object', () => {
    assert.deepEqual(found('[]'), ['1:warning']);
    assert.deepEqual(found('"text"'), ['1:warning']);
  });
  test('an empty file is an empty configuration; a valid object is fine', () => {
    assert.deepEqual(found(''), []);
    assert.deepEqual(found('{"roles": [], "clients": [], "groups": []}'), []);
  });
});
