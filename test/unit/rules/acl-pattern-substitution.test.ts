import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { companionFindings, lintCompanion } from '../companionHelpers';

const ID = 'acl-pattern-substitution';

suite(ID, () => {
  test('pattern without %c or %u: warning with a fix to topic', () => {
    const [d] = lintCompanion('acl', 'pattern read a/b\n').filter((x) => x.code === ID);
    assert.equal(d.severity, 2);
    assert.deepEqual(d.data, { replacement: 'topic', title: "Change to 'topic'" });
  });
  test('%c or %u anywhere: fine', () => {
    assert.deepEqual(companionFindings('acl', 'pattern read %c/#\npattern write a/%u\n', ID), []);
  });
});
