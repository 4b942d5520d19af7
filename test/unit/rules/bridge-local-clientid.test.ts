import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { findings, lint, withCode } from '../helpers';

const ID = 'bridge-local-clientid';

function bridge(name: string, extra = ''): string {
  return `connection ${name}\naddress h:1883\ntopic # out 0\n${extra}`;
}

suite(ID, () => {
  test('the same explicit local_clientid in two bridges is an error on the second', () => {
    const [d] = withCode(lint(bridge('a', 'local_clientid x\n') + bridge('b', 'local_clientid x\n')), ID);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 7, character: 0 }, end: { line: 7, character: 14 } });
  });
  test('the same remote_clientid gives the same generated local id', () => {
    assert.deepEqual(findings(bridge('a', 'remote_clientid gw\n') + bridge('b', 'remote_clientid gw\n'), ID), ['8:error']);
  });
  test('checked from 1.5', () => {
    const text = bridge('a', 'local_clientid x\n') + bridge('b', 'local_clientid x\n');
    assert.deepEqual(findings(text, ID, '1.5.0'), ['8:error']);
    assert.deepEqual(findings(text, ID, '1.4.15'), []);
  });
  test('distinct bridges get distinct generated ids: no finding', () => {
    assert.deepEqual(findings(bridge('a') + bridge('b'), ID), []);
  });
});
