import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import type { Platform } from '../../../server/src/service';
import { parse, parseVersion } from '../../../server/src/service';
import {
  sectionInsertion,
  SNIPPETS,
  snippetToPlainText,
  staticSnippets,
  wssListenerInsertion,
  WSS_LISTENER_SNIPPET,
} from '../../../server/src/service/features/snippets';
import { analysisOf, diagnosticsOf, errorCodes } from './featureHelpers';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SNIPPET_FILE = join(ROOT, 'snippets', 'mosquitto-conf.json');

function version(text: string): NonNullable<ReturnType<typeof parseVersion>> {
  const parsed = parseVersion(text);
  assert.ok(parsed);
  return parsed;
}

suite('snippets: one source for completion, code action and snippets/mosquitto-conf.json', () => {
  test('snippets/mosquitto-conf.json is generated from snippets.ts (UPDATE_SNIPPETS=1 rewrites it)', () => {
    const expected = `${JSON.stringify(staticSnippets(), null, 2)}\n`;
    if (process.env.UPDATE_SNIPPETS === '1') {
      writeFileSync(SNIPPET_FILE, expected);
    }
    assert.equal(readFileSync(SNIPPET_FILE, 'utf8'), expected, 'run the unit tests with UPDATE_SNIPPETS=1 to regenerate snippets/mosquitto-conf.json');
  });

  test('every snippet has a unique prefix, a name and a description', () => {
    const all = Object.values(staticSnippets());
    assert.equal(new Set(all.map((s) => s.prefix)).size, all.length);
    for (const snippet of all) {
      assert.ok(snippet.prefix.length > 0 && snippet.description.length > 0 && snippet.body.length > 0);
    }
  });
});

suite('snippets: the secure WebSocket listener', () => {
  const body = (platform: Platform, release = '2.1'): string =>
    snippetToPlainText(WSS_LISTENER_SNIPPET.body({ platform, version: version(release) }).join('\n'));

  test('listener, protocol websockets, cafile, certfile and keyfile with placeholders', () => {
    const lines = WSS_LISTENER_SNIPPET.body({ platform: 'linux', version: version('2.1') });
    assert.deepEqual(
      lines.map((l) => l.split(' ')[0]),
      ['listener', 'protocol', 'cafile', 'certfile', 'keyfile'],
    );
    assert.equal(lines[1], 'protocol websockets');
    for (const line of [lines[0], ...lines.slice(2)]) {
      assert.match(line, / \$\{\d+:[^}]+\}$/, `placeholder in '${line}'`);
    }
  });

  test('Windows adds socket_domain ipv4 (from 1.5.5, the first release with the option)', () => {
    assert.match(body('windows'), /^socket_domain ipv4$/m);
    assert.match(body('windows', '1.5.5'), /^socket_domain ipv4$/m);
    assert.doesNotMatch(body('windows', '1.5.4'), /socket_domain/);
    assert.doesNotMatch(body('linux'), /socket_domain/);
    assert.doesNotMatch(body('macos'), /socket_domain/);
  });

  test('the proposed port skips the ports in use', () => {
    const lines = WSS_LISTENER_SNIPPET.body({ platform: 'linux', version: version('2.1'), usedPorts: new Set([8081, 8082]) });
    assert.equal(snippetToPlainText(lines[0]), 'listener 8083');
  });
});

suite('snippets: every snippet gives a configuration the broker accepts', () => {
  for (const release of ['1.6', '2.0', '2.1']) {
    for (const platform of ['linux', 'windows'] as const) {
      test(`no errors and no TLS or websockets advice: ${release} on ${platform}`, () => {
        for (const snippet of SNIPPETS) {
          const text = `allow_anonymous true\n${snippetToPlainText(snippet.body({ platform, version: version(release) }).join('\n'))}\n`;
          const diagnostics = diagnosticsOf(analysisOf(text, release, { platform }));
          assert.deepEqual(errorCodes(diagnostics), [], `${snippet.id}: ${text}`);
          const advice = diagnostics.filter((d) => /^(tls-|websockets-|bridge-)/.test(String(d.code)));
          assert.deepEqual(
            advice.map((d) => d.code),
            [],
            `${snippet.id}`,
          );
        }
      });
    }
  }
});

suite('snippets: snippet syntax to plain text', () => {
  test('placeholders become their defaults, choices their first option', () => {
    assert.equal(snippetToPlainText('listener ${1:8081}\ntopic ${2:a/#} ${3|both,out,in|} ${4:0}'), 'listener 8081\ntopic a/# both 0');
  });

  test('tab stops disappear; escapes are unescaped; nested placeholders keep their text', () => {
    assert.equal(snippetToPlainText('a $1b ${2} \\$HOME ${3:x ${4:y}} \\}'), 'a b  $HOME x y }');
  });
});

suite('snippets: where a new section goes', () => {
  const lines = ['listener 8081'];

  test('at a blank cursor line directly followed by a listener line', () => {
    const file = parse('persistence true\n\n\nlistener 1883\n');
    assert.deepEqual(sectionInsertion(file, lines, 2).position, { line: 2, character: 0 });
  });

  test('at the end when the next line below would be captured by the new listener', () => {
    const file = parse('listener 1883\n\nmax_connections 5\n');
    assert.deepEqual(sectionInsertion(file, lines, 1).position, { line: 3, character: 0 });
  });

  test('at the end of a file without a final line break: after its last character', () => {
    const file = parse('persistence true');
    const insertion = sectionInsertion(file, lines);
    assert.deepEqual(insertion.position, { line: 0, character: 16 });
    assert.equal(insertion.before, '\n\n');
  });

  test("the client command's answer: snippet text with tab stops, plain text with the defaults", () => {
    const analysis = analysisOf('listener 1883\nallow_anonymous true\n');
    const insertion = wssListenerInsertion(analysis.model, analysis.model.main);
    assert.deepEqual(insertion.position, { line: 2, character: 0 });
    assert.ok(insertion.snippet.startsWith('\nlistener ${1:8081}\nprotocol websockets\n'));
    assert.ok(insertion.text.startsWith('\nlistener 8081\nprotocol websockets\n'));
  });
});
