// One story per line: findings on the same line never disagree about what the broker does,
// and hover documentation never denies what a rule reports.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'node:test';
import { analyze, NO_FILE_SYSTEM } from '../../server/src/service';
import { DIRECTIVE_DOCS } from '../../server/src/service/data/docs';
import { hover } from '../../server/src/service/features/hover';
import { settings } from './helpers';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const VERSIONS = ['1.6.15', '2.0.11', '2.0.22', '2.1.2'];
const MAIN = '/etc/mosquitto/mosquitto.conf';

/** The broker stops. */
const STOPS = /refuses to start|fails at start-?up|will not start/i;
/** The broker carries on without the line mattering. */
const CARRIES_ON = /does not read it|never reads it|silently runs|is ignored|ignores it/i;

function fixtureTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const folder of ['valid', 'invalid']) {
    const dir = path.join(repoRoot, 'test', 'fixtures', folder);
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.conf'))) {
      out.push({ name: `${folder}/${name}`, text: readFileSync(path.join(dir, name), 'utf8') });
    }
  }
  // Known tangles: a half certificate pair whose file is missing, per release.
  out.push({ name: 'half pair, missing file', text: 'listener 8883\ncertfile /missing/server.crt\nallow_anonymous true\n' });
  out.push({ name: 'seed without keyfile', text: 'port 1883\nlistener 1885\nprotocol websockets\ncafile C:/m/CA.crt\ncertfile C:/m/server.crt\n' });
  return out;
}

suite('consistency: findings on one line tell one story', () => {
  test('no line has one finding saying the broker stops and another saying it carries on (fixtures × releases, paths checked)', () => {
    const disagreements: string[] = [];
    for (const { name, text } of fixtureTexts()) {
      for (const version of VERSIONS) {
        const analysis = analyze({ text, uri: MAIN, path: MAIN }, settings(version, { checkPaths: true }), NO_FILE_SYSTEM);
        const byLine = new Map<number, string[]>();
        for (const d of analysis.diagnostics.get(MAIN) ?? []) {
          byLine.set(d.range.start.line, [...(byLine.get(d.range.start.line) ?? []), `[${String(d.code)}] ${d.message}`]);
        }
        for (const [line, messages] of byLine) {
          const stops = messages.filter((m) => STOPS.test(m));
          const carriesOn = messages.filter((m) => CARRIES_ON.test(m) && !STOPS.test(m));
          if (stops.length > 0 && carriesOn.length > 0) {
            disagreements.push(`${name} (${version}) line ${line + 1}:\n  ${stops[0]}\n  ${carriesOn[0]}`);
          }
        }
      }
    }
    assert.deepEqual(disagreements, []);
  });
});

suite('consistency: hover never contradicts the rule table', () => {
  test('no directive documentation says a mistake is not caught, checked or reported here', () => {
    const denials = Object.entries(DIRECTIVE_DOCS)
      .filter(([, doc]) => /not (caught|checked|detected|reported) (here|by this)/i.test(JSON.stringify(doc)))
      .map(([name]) => name);
    assert.deepEqual(denials, []);
  });

  test('the listener hover names duplicate-listener for two listeners on one port, which the rule reports', () => {
    const text = 'listener 1883\nallow_anonymous true\nlistener 1883\n';
    const analysis = analyze({ text, uri: MAIN, path: MAIN }, settings('2.0.11'));
    assert.ok(
      (analysis.diagnostics.get(MAIN) ?? []).some((d) => d.code === 'duplicate-listener'),
      'the rule reports it',
    );
    const shown = JSON.stringify(hover(analysis, MAIN, { line: 2, character: 2 }, { markdown: true }));
    assert.match(shown, /duplicate-listener/);
    assert.doesNotMatch(shown, /not caught/);
  });
});
