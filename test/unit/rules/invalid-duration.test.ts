import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'invalid-duration';

suite(ID, () => {
  test('a number without unit is an error on the value: "persistent_client_expiration 14"', () => {
    const [d] = withCode(lint('persistent_client_expiration 14\n'), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 0, character: 29 }, end: { line: 0, character: 31 } });
  });
  test('the unit s needs 2.1: "3600s"', () => {
    assert.deepEqual(findings('persistent_client_expiration 3600s\n', ID, '2.0.11'), ['1:error']);
    assert.deepEqual(findings('persistent_client_expiration 3600s\n', ID, '2.1.0'), []);
  });
  test('units are lower case: "10D"', () => {
    assert.deepEqual(findings('persistent_client_expiration 10D\n', ID), ['1:error']);
  });
  test('the amount must come out above zero: "0d", "-1d", "abcd"', () => {
    assert.deepEqual(findings('persistent_client_expiration 0d\npersistent_client_expiration -1d\npersistent_client_expiration abcd\n', ID), [
      '1:error',
      '2:error',
      '3:error',
    ]);
  });
  test('atoi reads only the leading digits: "1.5d" is one day (warning)', () => {
    assert.deepEqual(findings('persistent_client_expiration 1.5d\n', ID), ['1:warning']);
  });
  test('valid durations in every unit: 2h 14d 1w 6m 1y', () => {
    assert.deepEqual(
      findings(
        'persistent_client_expiration 2h\npersistent_client_expiration 14d\npersistent_client_expiration 1w\npersistent_client_expiration 6m\npersistent_client_expiration 1y\n',
        ID,
        '1.4.15',
      ),
      [],
    );
  });
  test('a missing value is left to missing-value', () => {
    assert.deepEqual(findings('persistent_client_expiration\n', ID), []);
  });
});
