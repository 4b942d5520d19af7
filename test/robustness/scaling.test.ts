import * as assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { AnalysisSettings, ConfigModel, FileSystemAccess } from '../../server/src/service';
import { analyze, buildConfig, NO_FILE_SYSTEM, parse, RULES, runRules, validateConfig } from '../../server/src/service';
import { memoryFs } from '../unit/helpers';
import { assertRatioBelow, corpusFiles, settingsFor, timeRatio } from './invariants';

// Speed is never asserted as an absolute time here. Each test compares the time for an
// input with the time for the same kind of input N times larger, and fails only when the
// ratio is far above N in repeated measurements.

/** Lines: 1x vs 8x. Linear growth gives 8, quadratic 64. */
const SCALE = 8;
/**
 * The slack (4x) covers what a shared machine and the memory hierarchy add: the 8x model
 * no longer fits the caches the 1x model fits, and it is the one that triggers garbage
 * collections. It still fails a quadratic cost.
 */
const BOUND = SCALE * 4;
/**
 * Adversarial lines: 1x vs 100x line length. Linear gives 100, quadratic 10,000. The slack
 * (20x) is wider than for lines because the long lines hold up to 50,000 tokens each, which
 * costs the garbage collector more than in proportion (measured up to ~800).
 */
const LINE_SCALE = 100;
const LINE_BOUND = LINE_SCALE * 20;

/** A realistic configuration of about `lines` lines: globals, listeners, bridges with topics. */
function realistic(lines: number): string[] {
  const out = [
    'per_listener_settings false',
    'allow_anonymous false',
    'password_file /etc/mosquitto/passwd',
    'persistence true',
    'persistence_location /var/lib/mosquitto/',
    'log_dest stdout',
    'log_type all',
    '',
  ];
  let i = 0;
  while (out.length < lines) {
    i++;
    if (i % 4 !== 0) {
      out.push(
        `# listener ${i}`,
        `listener ${10000 + i}`,
        'protocol mqtt',
        `cafile /etc/mosquitto/ca${i}.crt`,
        `certfile /etc/mosquitto/s${i}.crt`,
        `keyfile /etc/mosquitto/s${i}.key`,
        'require_certificate false',
        `max_connections ${i}`,
        '',
      );
    } else {
      out.push(
        `connection bridge-${i}`,
        `address host${i}.example.net:8883`,
        `remote_clientid b${i}`,
        'cleansession false',
        'bridge_protocol_version mqttv311',
        'restart_timeout 10 30',
      );
      for (let t = 0; t < 20; t++) {
        out.push(t % 2 === 0 ? `topic sensors/${i}/${t}/# out 1 local/${i}/ remote/` : `topic cmd/+/${t} in 2`);
      }
      out.push('');
    }
  }
  return out.slice(0, lines);
}

/** Shapes whose rules compare lines with each other (where quadratic costs hide). */
const SHAPES: Record<string, (n: number) => string[]> = {
  'one listener with every line a repeated option': (n) => [
    'listener 1883',
    ...Array.from(
      { length: n - 1 },
      (_, i) => ['certfile /a.crt', 'keyfile /a.key', 'max_connections 5', 'protocol mqtt', 'allow_anonymous true', 'mount_point x/'][i % 6],
    ),
  ],
  'many listeners on the same port': (n) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'listener 1883' : 'protocol mqtt')),
  'many bridges with the same name and client id': (n) =>
    Array.from({ length: n }, (_, i) => ['connection same', 'address h:1883', 'local_clientid same', 'topic # both 0'][i % 4]),
  'many misspelled directives': (n) =>
    Array.from({ length: n }, (_, i) => ['listner 1883', 'alow_anonymous true', 'Port 1883', 'password_fille /x', 'listener=1883', 'log_dest\tstdout'][i % 6]),
  'many suppression comments': (n) =>
    Array.from({ length: n }, (_, i) => (i % 2 === 0 ? '# mosquitto-lint-disable-next-line unknown-directive' : 'bogus_directive 1')),
  'per_listener_settings after many security options': (n) =>
    Array.from({ length: n }, (_, i) => (i % 3 === 0 ? `listener ${2000 + i}` : i % 3 === 1 ? 'password_file /p' : 'per_listener_settings true')),
  'many plugins with options': (n) => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? `plugin /usr/lib/p${i}.so` : `plugin_opt_key${i} value`)),
};

/** Half realistic configuration, half the hostile shapes, about `lines` lines in all. */
function mixed(lines: number): string {
  const shapes = Object.values(SHAPES);
  const share = Math.floor(lines / 2 / shapes.length);
  return [...realistic(lines / 2), ...shapes.flatMap((make) => make(share))].join('\n');
}

function analysisOf(text: string, settings: AnalysisSettings, fs: FileSystemAccess = NO_FILE_SYSTEM, path?: string): () => void {
  return () => {
    analyze({ text, uri: path ?? 'untitled:scale.conf', path }, settings, fs);
  };
}

suite('robustness: analysis time grows linearly with the number of lines', () => {
  const settings = settingsFor('2.1.2');

  test(`1x vs ${SCALE}x lines: realistic configuration`, { timeout: 120_000 }, (t) => {
    const small = realistic(1500).join('\n');
    const large = realistic(1500 * SCALE).join('\n');
    assertRatioBelow(
      'realistic',
      BOUND,
      () => timeRatio(analysisOf(small, settings), analysisOf(large, settings), { minSpanMs: 20 }),
      (m) => t.diagnostic(m),
    );
  });

  test(`1x vs ${SCALE}x lines: realistic configuration mixed with hostile shapes (${Object.keys(SHAPES).join('; ')})`, { timeout: 120_000 }, (t) => {
    const small = mixed(1500);
    const large = mixed(1500 * SCALE);
    const old = settingsFor('2.0.11', { platform: 'windows' });
    const both = (text: string) => () => {
      analysisOf(text, settings)();
      analysisOf(text, old)();
    };
    assertRatioBelow(
      'mixed, 2.1.2 and 2.0.11 on Windows',
      BOUND,
      () => timeRatio(both(small), both(large), { minSpanMs: 20 }),
      (m) => t.diagnostic(m),
    );
  });

  test(`1x vs ${SCALE}x: the real-world corpus, concatenated`, { skip: corpusFiles().length === 0 ? 'corpus not found' : false, timeout: 120_000 }, (t) => {
    const lines = corpusFiles()
      .map((f) => f.text)
      .join('\n')
      .split('\n');
    const small = lines.slice(0, 1500).join('\n');
    const large = Array.from({ length: SCALE }, () => small).join('\n');
    assertRatioBelow(
      'corpus',
      BOUND,
      () => timeRatio(analysisOf(small, settings), analysisOf(large, settings), { minSpanMs: 20 }),
      (m) => t.diagnostic(m),
    );
  });

  test(`1x vs ${SCALE}x include_dir lines reading the same folder`, { timeout: 120_000 }, (t) => {
    const files = {
      '/etc/mosquitto/conf.d/a.conf': 'listener 1884\nallow_anonymous true\n',
      '/etc/mosquitto/conf.d/b.conf': 'connection x\naddress h\ntopic # out\n',
    };
    const fs = memoryFs(files);
    const text = (n: number): string => Array.from({ length: n }, () => 'include_dir /etc/mosquitto/conf.d').join('\n');
    const withPaths = { ...settings, checkPaths: true };
    assertRatioBelow(
      'include_dir',
      BOUND,
      () =>
        timeRatio(
          analysisOf(text(250), withPaths, fs, '/etc/mosquitto/mosquitto.conf'),
          analysisOf(text(250 * SCALE), withPaths, fs, '/etc/mosquitto/mosquitto.conf'),
          { minSpanMs: 20 },
        ),
      (m) => t.diagnostic(m),
    );
  });
});

// ---------------------------------------------------------------------------------------
// Regular expressions and scans on user text: long adversarial lines for every rule.

/** Directives that reach every kind of value handling (string, raw, token, tokens, paths, families). */
const NAMES = [
  'listener',
  'connection',
  'topic',
  'address',
  'log_dest',
  'log_dest file',
  'include_dir',
  'per_listener_settings',
  'password_file',
  'certfile',
  'persistence_location',
  'plugin',
  'plugin_opt_x',
  'restart_timeout',
  'max_connections',
  'allow_anonymous',
  'protocol',
  'bridge_protocol_version',
  'mount_point',
  'local_clientid',
  'bridge_tcp_keepalive',
  'port',
  'bind_address',
];

/** Payloads that make naive patterns backtrack: long runs of one character, or of a pair. */
function payloads(n: number): Record<string, string> {
  const half = n >> 1;
  return {
    'spaces then a word': `${' '.repeat(n)}x`,
    'tabs then a word': `${'\t'.repeat(n)}x`,
    hashes: '#'.repeat(n),
    colons: ':'.repeat(n),
    'equals signs': '='.repeat(n),
    'double quotes': '"'.repeat(n),
    'single quotes then a letter': `${"'".repeat(n)}a`,
    slashes: '/'.repeat(n),
    'plus and slash': '+/'.repeat(half),
    'hash and slash': '#/'.repeat(half),
    letters: 'a'.repeat(n),
    digits: '0'.repeat(n),
    'word and space': 'a '.repeat(half),
    'space and hash': ' #'.repeat(half),
    backslashes: '\\'.repeat(n),
    'percent signs': '%'.repeat(n),
    dots: '.'.repeat(n),
    'minus signs then a digit': `${'-'.repeat(n)}1`,
    'control characters': '\u0001'.repeat(n),
    'replacement characters': '\ufffd'.repeat(n),
    'letter and equals': 'a='.repeat(half),
    'quote and letter': '"a'.repeat(half),
    'spaces, tab, spaces': `${' '.repeat(half)}\t${' '.repeat(half)}`,
  };
}

/** Every payload after every directive, alone as a keyword, glued to a keyword, and in comments. */
function adversarialDocument(n: number): string {
  const lines: string[] = [];
  for (const payload of Object.values(payloads(n))) {
    for (const name of NAMES) {
      lines.push(`${name} ${payload}`);
    }
    lines.push(
      payload,
      `listener${payload}`,
      `password_file=${payload}`,
      `#${payload}`,
      `# mosquitto-lint-disable-next-line${payload}`,
      `# mosquitto-lint-disable-next-line ${payload}`,
      `  ${payload}`,
    );
  }
  // Sections, so that the section rules see the lines as listener and bridge options.
  return ['listener 1883', 'connection adversarial', ...lines].join('\n');
}

/** Payload length of the baseline document; the adversarial one is LINE_SCALE times longer. */
const PAYLOAD = 200;
const VARIANTS: readonly AnalysisSettings[] = [settingsFor('2.1.2'), settingsFor('2.0.11', { platform: 'windows' }), settingsFor('1.5.8')];

suite('robustness: no catastrophic backtracking on long adversarial lines', () => {
  // Built once: the models of the adversarial document with short and with long lines.
  let models: { small: ConfigModel[]; large: ConfigModel[] } | undefined;
  const getModels = (): { small: ConfigModel[]; large: ConfigModel[] } => {
    if (!models) {
      const build = (text: string): ConfigModel[] => {
        const main = parse(text, 'untitled:adversarial.conf');
        return VARIANTS.map((s) => buildConfig({ main }, s, NO_FILE_SYSTEM));
      };
      models = { small: build(adversarialDocument(PAYLOAD)), large: build(adversarialDocument(PAYLOAD * LINE_SCALE)) };
    }
    return models;
  };

  test(`parser: ${PAYLOAD} vs ${PAYLOAD * LINE_SCALE} characters per line`, { timeout: 120_000 }, (t) => {
    const small = adversarialDocument(PAYLOAD);
    const large = adversarialDocument(PAYLOAD * LINE_SCALE);
    assertRatioBelow(
      'parse',
      LINE_BOUND,
      () =>
        timeRatio(
          () => parse(small),
          () => parse(large),
          { minSpanMs: 10 },
        ),
      (m) => t.diagnostic(m),
    );
  });

  for (const rule of RULES) {
    test(`${rule.id}: ${PAYLOAD} vs ${PAYLOAD * LINE_SCALE} characters per line`, { timeout: 120_000 }, (t) => {
      const { small, large } = getModels();
      const run = (list: ConfigModel[]) => () => {
        list.forEach((model, i) => runRules([rule], model, VARIANTS[i], NO_FILE_SYSTEM));
      };
      assertRatioBelow(
        rule.id,
        LINE_BOUND,
        () => timeRatio(run(small), run(large), { minSpanMs: 5 }),
        (m) => t.diagnostic(m),
      );
    });
  }

  test(
    `suppression comments and diagnostics assembly (validateConfig): ${PAYLOAD} vs ${PAYLOAD * LINE_SCALE} characters per line`,
    { timeout: 120_000 },
    (t) => {
      const { small, large } = getModels();
      assertRatioBelow(
        'validateConfig',
        LINE_BOUND,
        () =>
          timeRatio(
            () => validateConfig(small[0], VARIANTS[0], NO_FILE_SYSTEM),
            () => validateConfig(large[0], VARIANTS[0], NO_FILE_SYSTEM),
            { minSpanMs: 10 },
          ),
        (m) => t.diagnostic(m),
      );
    },
  );

  test('every adversarial payload at 100k characters: the full analysis finishes (vs 1k characters)', { timeout: 180_000 }, (t) => {
    const full = 100_000;
    const small = payloads(full / LINE_SCALE);
    const large = payloads(full);
    const names = ['password_file', 'include_dir', 'max_connections', 'listener', 'topic', 'log_dest file'];
    const doc = (p: string): string => ['listener 1883', 'connection c', ...names.map((name) => `${name} ${p}`), p, `#${p}`].join('\n');
    for (const key of Object.keys(large)) {
      const s = doc(small[key]);
      const l = doc(large[key]);
      assertRatioBelow(
        `payload '${key}'`,
        LINE_BOUND,
        () =>
          timeRatio(
            () => analyze({ text: s, uri: 'untitled:a.conf' }, VARIANTS[0]),
            () => analyze({ text: l, uri: 'untitled:a.conf' }, VARIANTS[0]),
            { minSpanMs: 5, runs: 2 },
          ),
        (m) => t.diagnostic(m),
      );
    }
  });

  test('the timing check itself: a linear loop passes, a quadratic loop is caught', () => {
    const linear = (n: number) => () => {
      let x = 0;
      for (let i = 0; i < n; i++) {
        x += i;
      }
      return x;
    };
    const quadratic = (n: number) => () => {
      let x = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          x += j;
        }
      }
      return x;
    };
    assertRatioBelow('linear loop', BOUND, () => timeRatio(linear(100_000), linear(100_000 * SCALE), { minSpanMs: 5 }));
    const r = timeRatio(quadratic(1000), quadratic(1000 * SCALE), { minSpanMs: 1, runs: 1 });
    assert.ok(r.ratio > BOUND, `a quadratic loop measured only ${r.ratio.toFixed(1)}x`);
  });
});
