import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { topicFilterProblem } from '../../../server/src/service';
import { companionFindings } from '../companionHelpers';

const ID = 'acl-topic';

suite(ID, () => {
  test('# not last, + inside a level: errors', () => {
    assert.deepEqual(companionFindings('acl', 'topic read foo/#/bar\ntopic read a/b+\ntopic read a#\n', ID), ['1:error', '2:error', '3:error']);
  });
  test('topic with nothing after it: error', () => {
    assert.deepEqual(companionFindings('acl', 'topic\n', ID), ['1:error']);
  });
  test('only an access word: the broker takes it as the topic (warning)', () => {
    assert.deepEqual(companionFindings('acl', 'user a\ntopic read\n', ID), ['2:warning']);
  });
  test('valid filters, spaces inside a topic, topic without access type', () => {
    assert.deepEqual(companionFindings('acl', 'topic read +/b/#\ntopic write my topic/x\ntopic foo/#\ntopic #\n', ID), []);
  });
  test('limits: 200 separators pass, 201 fail', () => {
    assert.equal(topicFilterProblem('a/'.repeat(200) + 'a'), undefined);
    assert.ok(topicFilterProblem('a/'.repeat(201) + 'a'));
  });
});
