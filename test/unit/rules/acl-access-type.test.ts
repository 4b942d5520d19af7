import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { suggestAccess } from '../../../server/src/service';
import { companionFindings, lintCompanion } from '../companionHelpers';

const ID = 'acl-access-type';

suite(ID, () => {
  test('rw is an error on the access word, fixed to readwrite', () => {
    const [d] = lintCompanion('acl', 'user a\ntopic rw foo/#\n').filter((x) => x.code === ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 8 } });
    assert.deepEqual(d.data, { replacement: 'readwrite', title: "Change to 'readwrite'" });
  });
  test('the four access types are accepted, for topic and pattern', () => {
    assert.deepEqual(companionFindings('acl', 'topic read a\ntopic write a\ntopic readwrite a\ntopic deny a\npattern read %c\n', ID), []);
  });
  test('access types are case-sensitive: READ is an error', () => {
    assert.deepEqual(companionFindings('acl', 'topic READ a\n', ID), ['1:error']);
  });
  test('suggestions for common mistakes', () => {
    assert.equal(suggestAccess('rw'), 'readwrite');
    assert.equal(suggestAccess('r'), 'read');
    assert.equal(suggestAccess('wirte'), 'write');
    assert.equal(suggestAccess('READ'), 'read');
  });
});
