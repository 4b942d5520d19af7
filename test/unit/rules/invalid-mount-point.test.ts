import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'invalid-mount-point';

suite(ID, () => {
  test('a wildcard in mount_point is an error on the value: "mount_point tenant/+/"', () => {
    const [d] = withCode(lint('listener 1883\nmount_point tenant/+/\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 21 } });
  });
  test('"#" too, in every version (1.4.15, 2.0.11)', () => {
    assert.deepEqual(findings('listener 1883\nmount_point #\n', ID, '1.4.15'), ['2:error']);
    assert.deepEqual(findings('listener 1883\nmount_point tenant/#/\n', ID, '2.0.11'), ['2:error']);
  });
  test('a trailing "# comment" is part of the value, so it is a wildcard too', () => {
    assert.deepEqual(findings('listener 1883\nmount_point tenant/ # per customer\n', ID), ['2:error']);
  });
  test('plain prefixes are fine: "tenant-a/", "site/7/"', () => {
    assert.deepEqual(findings('listener 1883\nmount_point tenant-a/\nlistener 1884\nmount_point site/7/\n', ID), []);
  });
});
