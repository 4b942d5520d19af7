import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { analyze } from '../../../server/src/service';
import type { SemanticToken } from '../../../server/src/service/features/semanticTokens';
import { encodeSemanticTokens, SEMANTIC_TOKENS_LEGEND, semanticTokenList, semanticTokens } from '../../../server/src/service/features/semanticTokens';
import { settings } from '../helpers';

const MAIN = '/etc/mosquitto/mosquitto.conf';

/** Tokens as '<1-based line>:<text> <type>[.<modifier>…]'. */
function tokens(text: string, version = '2.0.11'): string[] {
  const analysis = analyze({ text, uri: MAIN, path: MAIN }, settings(version));
  const lines = text.split('\n');
  return semanticTokenList(analysis.model.main, analysis.diagnostics.get(MAIN) ?? []).map(
    (t) => `${t.line + 1}:${lines[t.line].slice(t.start, t.start + t.length)} ${[t.type, ...t.modifiers].join('.')}`,
  );
}

suite('semantic tokens', () => {
  test('values typed: numbers, keyword values (enum members), booleans, paths', () => {
    assert.deepEqual(
      tokens('max_queued_messages 200\nlistener 8883\nprotocol websockets\nsocket_domain ipv4\ncafile /etc/ca dir/ca.crt\nallow_anonymous false\n'),
      [
        '1:max_queued_messages property',
        '1:200 number',
        '2:8883 number',
        '3:protocol property',
        '3:websockets enumMember',
        '4:socket_domain property',
        '4:ipv4 enumMember',
        '5:cafile property',
        '5:/etc/ca dir/ca.crt path',
        '6:allow_anonymous property',
        '6:false keyword',
      ],
    );
    // A global option written in a listener section is misplaced, but it works (globally): not struck through.
    assert.deepEqual(
      tokens('listener 8883\nmax_queued_messages 200\n').filter((t) => t.startsWith('2:')),
      ['2:max_queued_messages property.misplaced', '2:200 number'],
    );
  });
  test('values the broker would refuse are not typed (no enum member for a misspelt keyword, no boolean for yes)', () => {
    assert.deepEqual(tokens('listener 1883\nprotocol websocket\nallow_anonymous yes\n'), [
      '1:1883 number',
      '2:protocol property',
      '3:allow_anonymous property',
    ]);
  });
  test('a directive the selected release does not know is marked deprecated + unavailable', () => {
    // enable_proxy_protocol exists from 2.1 on.
    assert.deepEqual(
      tokens('listener 1883\nenable_proxy_protocol 2\n', '2.0.11').filter((t) => t.startsWith('2:enable')),
      ['2:enable_proxy_protocol property.deprecated.unavailable'],
    );
    assert.deepEqual(
      tokens('listener 1883\nenable_proxy_protocol 2\n', '2.1.2').filter((t) => t.startsWith('2:enable')),
      ['2:enable_proxy_protocol property'],
    );
  });
  test('a directive in the wrong section is marked deprecated + misplaced', () => {
    assert.deepEqual(
      tokens('mount_point a/\nlistener 1883\n', '2.1.2').filter((t) => t.startsWith('1:')),
      ['1:mount_point property.deprecated.misplaced'],
    );
    assert.deepEqual(
      tokens('listener 1883\nmount_point a/\n', '2.1.2').filter((t) => t.startsWith('2:')),
      ['2:mount_point property'],
    );
  });
  test('unknown names and comments get no token (the grammar marks them)', () => {
    assert.deepEqual(tokens('# listener 1883\nliste 1883\n'), []);
  });
  test('LSP encoding: relative lines and columns, type index, modifier bits', () => {
    const list: SemanticToken[] = [
      { line: 1, start: 0, length: 8, type: 'property', modifiers: [] },
      { line: 1, start: 9, length: 4, type: 'number', modifiers: [] },
      { line: 3, start: 2, length: 5, type: 'property', modifiers: ['deprecated', 'misplaced'] },
    ];
    const number = SEMANTIC_TOKENS_LEGEND.tokenTypes.indexOf('number');
    const bits = (1 << SEMANTIC_TOKENS_LEGEND.tokenModifiers.indexOf('deprecated')) | (1 << SEMANTIC_TOKENS_LEGEND.tokenModifiers.indexOf('misplaced'));
    assert.deepEqual(encodeSemanticTokens(list), [1, 0, 8, 0, 0, 0, 9, 4, number, 0, 2, 2, 5, 0, bits]);
    const analysis = analyze({ text: 'listener 1883\nprotocol mqtt\n', uri: MAIN, path: MAIN }, settings('2.0.11'));
    const enumMember = SEMANTIC_TOKENS_LEGEND.tokenTypes.indexOf('enumMember');
    // listener keeps the grammar's section colour: only its port is a token.
    assert.deepEqual(semanticTokens(analysis.model.main, []).data, [0, 9, 4, number, 0, 1, 0, 8, 0, 0, 0, 9, 4, enumMember, 0]);
  });
});
