/**
 * Run by scaling.test.ts in a Node.js process with V8's backtrack limit (work.ts,
 * `regexBacktracking`): `service` analyses the adversarial documents with every rule on
 * three release/platform settings; `self-check` runs one expression known to backtrack
 * exponentially, to show that the limit and its trace work.
 */
import type { AnalysisSettings } from '../../server/src/service';
import { analyze } from '../../server/src/service';
import { adversarialDocument, LINE_SCALE, PAYLOAD, payloads } from './adversarial';
import { settingsFor } from './invariants';

const VARIANTS: readonly AnalysisSettings[] = [settingsFor('2.1.2'), settingsFor('2.0.11', { platform: 'windows' }), settingsFor('1.5.8')];

if (process.argv[2] === 'self-check') {
  if (/(a+)+b/.test('a'.repeat(32))) {
    process.exitCode = 1;
  }
} else {
  const documents = [adversarialDocument(PAYLOAD * LINE_SCALE)];
  const names = ['password_file', 'include_dir', 'max_connections', 'listener', 'topic', 'log_dest file'];
  for (const p of Object.values(payloads(100_000))) {
    documents.push(['listener 1883', 'connection c', ...names.map((name) => `${name} ${p}`), p, `#${p}`].join('\n'));
  }
  for (const text of documents) {
    for (const settings of VARIANTS) {
      analyze({ text, uri: 'untitled:adversarial.conf' }, settings);
    }
  }
}
