import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { analyze, defaultSettings, parse, parseVersion } from '../../server/src/service';
import { decodeConfigBytes } from '../../server/src/nodeFileSystem';

/** Real-world configurations and what mosquitto 2.0.11 (Debian) did with each (MANIFEST.tsv). */
const corpus = path.join(path.resolve(__dirname, '..', '..', '..'), '..', 'shared', 'corpus', 'real');

interface Row {
  readonly file: string;
  readonly verdict: string;
  readonly kind: string;
  readonly line: string;
  readonly message: string;
  readonly stub_verdict: string;
  readonly stub_kind: string;
  readonly stub_line: string;
  readonly stub_message: string;
}

function manifest(): Row[] {
  const [header, ...rows] = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  const columns = header.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])) as unknown as Row;
  });
}

/** The broker's verdict on a file; for files rejected for environment reasons, the verdict once the environment was stubbed. */
function verdictOf(row: Row): { verdict: string; kind: string; line: number | undefined; message: string } {
  const env = row.kind === 'environment';
  const line = env ? row.stub_line : row.line;
  return {
    verdict: env ? row.stub_verdict : row.verdict,
    kind: env ? row.stub_kind : row.kind,
    line: line ? Number(line) : undefined,
    message: env ? row.stub_message : row.message,
  };
}

function lint(file: string): Diagnostic[] {
  const text = decodeConfigBytes(readFileSync(path.join(corpus, file))).text;
  const settings = defaultSettings({ brokerVersion: parseVersion('2.0.11')!, platform: 'linux', checkPaths: false });
  return analyze({ text, uri: file }, settings).diagnostics.get(file) ?? [];
}

function show(diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${String(d.code)}`).join(' ');
}

suite('corpus: every real file parses and analyses without throwing', () => {
  test('all of corpus/real/*.conf, for every release line', () => {
    const files = readdirSync(corpus).filter((f) => f.endsWith('.conf'));
    assert.ok(files.length >= 300, `expected the corpus at ${corpus}`);
    for (const file of files) {
      const text = decodeConfigBytes(readFileSync(path.join(corpus, file))).text;
      assert.doesNotThrow(() => parse(text, file), file);
      for (const version of ['1.4.15', '1.5.11', '1.6.15', '2.0.11', '2.1.2']) {
        for (const platform of ['linux', 'windows'] as const) {
          const analysis = analyze({ text, uri: file }, defaultSettings({ brokerVersion: parseVersion(version)!, platform, checkPaths: false }));
          const internal = [...analysis.diagnostics.values()].flat().filter((d) => typeof d.message === 'string' && d.message.startsWith('Internal error'));
          assert.deepEqual(
            internal.map((d) => String(d.code)),
            [],
            `${file} ${version} ${platform}`,
          );
        }
      }
    }
  });
});

suite('corpus: agreement with mosquitto 2.0.11 (MANIFEST.tsv)', () => {
  const rows = manifest();
  test('the manifest lists every corpus file', () => {
    assert.deepEqual(
      rows.map((r) => r.file).sort(),
      readdirSync(corpus)
        .filter((f) => f.endsWith('.conf'))
        .sort(),
    );
  });
  for (const row of rows) {
    const broker = verdictOf(row);
    if (broker.verdict === 'accepted') {
      test(`accepted by the broker, no error: ${row.file}`, () => {
        const errors = lint(row.file).filter((d) => d.severity === DiagnosticSeverity.Error);
        assert.equal(show(errors), '', `the broker accepted ${row.file}`);
      });
    } else if (broker.kind === 'syntax' || broker.kind === 'semantic') {
      test(`rejected as ${broker.kind}${broker.line ? ` at line ${broker.line}` : ''}, an error there: ${row.file}`, () => {
        const errors = lint(row.file).filter((d) => d.severity === DiagnosticSeverity.Error);
        assert.ok(errors.length > 0, `the broker said: ${broker.message}`);
        if (broker.line !== undefined) {
          assert.ok(
            errors.some((d) => d.range.start.line + 1 === broker.line),
            `broker line ${broker.line} (${broker.message}); ours: ${show(errors)}`,
          );
        }
      });
    }
  }
});
