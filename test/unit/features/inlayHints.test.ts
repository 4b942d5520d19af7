import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { InlayHintOptions } from '../../../server/src/service/features/inlayHints';
import { ALL_INLAY_HINTS, inlayHints } from '../../../server/src/service/features/inlayHints';
import { analyze } from '../../../server/src/service';
import { memoryFs, settings } from '../helpers';

const MAIN = '/etc/mosquitto/mosquitto.conf';
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

/** Hints of the main file as '<1-based line>: <label>'. */
function hints(text: string, version = '2.0.11', options: Partial<InlayHintOptions> = {}, files: Record<string, string> = {}): string[] {
  const analysis = analyze({ text, uri: MAIN, path: MAIN }, settings(version), memoryFs(files));
  const found = inlayHints(analysis.model, MAIN, WHOLE, analysis.diagnostics.get(MAIN) ?? [], { ...ALL_INLAY_HINTS, ...options });
  return found.map((h) => `${h.position.line + 1}: ${typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')}`);
}

const only = (kind: keyof InlayHintOptions): Partial<InlayHintOptions> => ({
  listenerSummary: false,
  scope: false,
  defaults: false,
  includeFiles: false,
  [kind]: true,
});

suite('inlay hints: listener summary', () => {
  test('after each listener line: protocol, TLS, authentication (the seed on 2.0)', () => {
    const text =
      'port 1883\nlistener 1884\nprotocol websockets\nlistener 1885\nprotocol websockets\ncafile /ca.crt\ncertfile /c.crt\nkeyfile /c.key\nallow_anonymous true\n';
    assert.deepEqual(hints(text, '2.0.11', only('listenerSummary')), [
      '1: default listener · mqtt · no TLS · anonymous allowed',
      '2: websockets · no TLS · anonymous allowed',
      '4: websockets · TLS · anonymous allowed',
    ]);
  });
  test('hints sit at the end of the line, padded from the text', () => {
    const analysis = analyze({ text: 'listener 1883\nallow_anonymous true\n', uri: MAIN, path: MAIN }, settings('2.0.11'));
    const [hint] = inlayHints(analysis.model, MAIN, WHOLE, [], only('listenerSummary') as InlayHintOptions);
    assert.deepEqual([hint.position, hint.paddingLeft], [{ line: 0, character: 13 }, true]);
  });
  test('anonymous-refused already says it: the summary leaves the anonymous part out', () => {
    assert.deepEqual(hints('listener 1883\nprotocol websockets\n', '2.0.11', only('listenerSummary')), ['1: websockets · no TLS']);
  });
  test('no summary on a line with an error (duplicate-listener)', () => {
    assert.deepEqual(hints('allow_anonymous true\nlistener 1883\nlistener 1883\n', '2.0.11', only('listenerSummary')), [
      '2: mqtt · no TLS · anonymous allowed',
    ]);
  });
});

suite('inlay hints: scope', () => {
  test('per_listener_settings false: a security option under a listener → all listeners', () => {
    assert.deepEqual(hints('listener 1883\nallow_anonymous true\npassword_file /p\n', '2.0.11', only('scope')), ['2: → all listeners', '3: → all listeners']);
  });
  test('per_listener_settings true: it stays with its listener, no hint', () => {
    assert.deepEqual(hints('per_listener_settings true\nlistener 1883\nallow_anonymous true\n', '2.0.11', only('scope')), []);
  });
  test('a listener option after port, before any listener line: → default listener', () => {
    assert.deepEqual(hints('port 1883\nmax_connections 10\nallow_anonymous true\n', '2.0.11', only('scope')), ['2: → default listener']);
  });
  test('no scope hint where listener-option-before-listener already explains it', () => {
    const text = 'per_listener_settings true\nallow_anonymous true\nlistener 1883\n';
    assert.deepEqual(hints(text, '2.0.11', only('scope')), []);
  });
  test('a global option before any listener gets no hint', () => {
    assert.deepEqual(hints('persistence true\nallow_anonymous true\nlistener 1883\n', '2.0.11', only('scope')), []);
  });
});

suite('inlay hints: defaults', () => {
  test('an option written with the release default value', () => {
    assert.deepEqual(
      hints('persistence false\nmax_queued_messages 1000\nmax_inflight_messages 10\nlistener 1883\nallow_anonymous true\n', '2.0.11', only('defaults')),
      ['1: default', '2: default'],
    );
  });
  test('defaults follow the release: max_queued_messages 1000 is not the 1.6 default', () => {
    assert.deepEqual(hints('max_queued_messages 1000\n', '1.6.15', only('defaults')), []);
    assert.deepEqual(hints('max_queued_messages 100\n', '1.6.15', only('defaults')), ['1: default']);
    assert.deepEqual(hints('listener 1883\nallow_anonymous true\nmax_queued_messages 1000\n', '2.0.11', only('defaults')), ['3: default']);
  });
  test('booleans compare as the broker reads them: 0 is false', () => {
    assert.deepEqual(hints('listener 1883\nallow_anonymous true\npersistence 0\n', '2.0.11', only('defaults')), ['3: default']);
  });
});

suite('inlay hints: include_dir', () => {
  test('the files the broker reads, in its order', () => {
    const files = {
      '/etc/mosquitto/conf.d/b.conf': 'persistence true\n',
      '/etc/mosquitto/conf.d/A.conf': 'sys_interval 5\n',
      '/etc/mosquitto/conf.d/x.conf.bak': '',
    };
    assert.deepEqual(hints('include_dir /etc/mosquitto/conf.d\n', '2.0.11', only('includeFiles'), files), ['1: 2 files: A.conf, b.conf']);
  });
  test('an empty folder', () => {
    assert.deepEqual(hints('include_dir /etc/mosquitto/conf.d\n', '2.0.11', only('includeFiles'), { '/etc/mosquitto/conf.d/': '' }), ['1: no .conf files']);
  });
  test('an included file read twice (two include_dir lines): hints of each reading on its own lines', () => {
    const included = '/etc/mosquitto/conf.d/a.conf';
    const text = 'include_dir /etc/mosquitto/conf.d\ninclude_dir /etc/mosquitto/conf.d\n';
    const analysis = analyze({ text, uri: MAIN, path: MAIN }, settings('2.0.11'), memoryFs({ [included]: '\npersistence false\n' }));
    const found = inlayHints(analysis.model, included, WHOLE, [], only('defaults') as InlayHintOptions);
    assert.deepEqual(
      found.map((h) => [h.position, h.label]),
      [
        [{ line: 1, character: 17 }, 'default'],
        [{ line: 1, character: 17 }, 'default'],
      ],
    );
  });
});

suite('inlay hints: never a second story', () => {
  test('no hint repeats the finding on its line', () => {
    // duplicate-option (error) on the second password_file: no hint there.
    const text = 'listener 1883\npersistence false\npassword_file /p\npassword_file /p\n';
    const analysis = analyze({ text, uri: MAIN, path: MAIN }, settings('2.0.11'));
    const findings = analysis.diagnostics.get(MAIN) ?? [];
    assert.deepEqual(
      findings
        .filter((d) => (d.severity ?? 1) <= 2)
        .map((d) => `${d.range.start.line}:${String(d.code)}`)
        .sort(),
      ['3:duplicate-option'],
    );
    const hinted = inlayHints(analysis.model, MAIN, WHOLE, findings).map((h) => `${h.position.line}: ${String(h.label)}`);
    assert.deepEqual(hinted, ['0: mqtt · no TLS · password file · anonymous refused', '1: default', '2: → all listeners']);
  });
  test('only lines inside the requested range', () => {
    const analysis = analyze(
      { text: 'persistence false\nlistener 1883\nallow_anonymous true\npersistence false\n', uri: MAIN, path: MAIN },
      settings('2.0.11'),
    );
    const range = { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } };
    assert.deepEqual(
      inlayHints(analysis.model, MAIN, range, []).map((h) => h.position.line),
      [2],
    );
  });
});
