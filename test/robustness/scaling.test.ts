import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import type { AnalysisSettings, ConfigModel, FileSystemAccess } from '../../server/src/service';
import { analyze, buildConfig, NO_FILE_SYSTEM, parse, RULES, runRules, validateConfig } from '../../server/src/service';
import { nodeFileSystem } from '../../server/src/nodeFileSystem';
import { memoryFs } from '../unit/helpers';
import { tlsDir } from '../unit/tlsMaterial';
import { adversarialDocument, LINE_SCALE, PAYLOAD, payloads } from './adversarial';
import { corpusFiles, settingsFor } from './invariants';
import { assertWorkRatioBelow, countWork, regexBacktracking, workRatio } from './work';

// No time is measured here (speed is measured by `npm run bench`, never by timed tests).
// Each test counts the work the service's code does (work.ts: V8's block coverage counts
// plus what scanning built-ins walk through) for an input and for the same kind of input N
// times larger. The counts are the same on every run, so the checks cannot be flaky: linear
// code gives about N, quadratic code N².

/** Lines: 1x vs 8x. Linear growth gives 8, quadratic 64. */
const SCALE = 8;
/** Twice linear: room for fixed costs and n log n sorting, far below a quadratic 64. */
const BOUND = SCALE * 2;
/** Adversarial lines, 1x vs 100x line length: linear gives 100, quadratic 10,000. */
const LINE_BOUND = LINE_SCALE * 2;
/**
 * Backtracks one regular expression match may take on the adversarial lines (up to 100,000
 * characters): a few per character for a linear expression, billions for a quadratic one.
 */
const BACKTRACK_LIMIT = 2_000_000;

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
    assertWorkRatioBelow('realistic', BOUND, analysisOf(small, settings), analysisOf(large, settings), (m) => t.diagnostic(m));
  });

  test(`1x vs ${SCALE}x lines: realistic configuration mixed with hostile shapes (${Object.keys(SHAPES).join('; ')})`, { timeout: 120_000 }, (t) => {
    const small = mixed(1500);
    const large = mixed(1500 * SCALE);
    const old = settingsFor('2.0.11', { platform: 'windows' });
    const both = (text: string) => () => {
      analysisOf(text, settings)();
      analysisOf(text, old)();
    };
    assertWorkRatioBelow('mixed, 2.1.2 and 2.0.11 on Windows', BOUND, both(small), both(large), (m) => t.diagnostic(m));
  });

  test(`1x vs ${SCALE}x: the real-world corpus, concatenated`, { skip: corpusFiles().length === 0 ? 'corpus not found' : false, timeout: 120_000 }, (t) => {
    const lines = corpusFiles()
      .map((f) => f.text)
      .join('\n')
      .split('\n');
    const small = lines.slice(0, 1500).join('\n');
    const large = Array.from({ length: SCALE }, () => small).join('\n');
    assertWorkRatioBelow('corpus', BOUND, analysisOf(small, settings), analysisOf(large, settings), (m) => t.diagnostic(m));
  });

  /** `listeners` TLS listeners naming the same certificate files (as the bench's generated file does). */
  const tlsListeners = (dir: string, listeners: number): string =>
    Array.from(
      { length: listeners },
      (_, i) =>
        `listener ${10000 + i}\ncafile ${dir}/ca.crt\ncertfile ${dir}/fullchain.pem\nkeyfile ${dir}/server.key\n` +
        (i % 3 === 0 ? `psk_hint h\npsk_file ${dir}/ca.crt\n` : 'require_certificate false\n'),
    ).join('\n');
  const withPaths = { ...settings, checkPaths: true };

  test(`1x vs ${SCALE}x TLS listeners naming the same files, paths checked (no inspector)`, { timeout: 120_000 }, (t) => {
    // The rules that ask whether a listener is opened and loads its files must not compare
    // each listener with all the others.
    const dir = '/etc/mosquitto/certs';
    const fs = memoryFs({ [`${dir}/ca.crt`]: 'ca\n', [`${dir}/fullchain.pem`]: 'certificate\n', [`${dir}/server.key`]: 'key\n' });
    const path = '/etc/mosquitto/mosquitto.conf';
    assertWorkRatioBelow(
      'TLS listeners, no inspector',
      BOUND,
      analysisOf(tlsListeners(dir, 400), withPaths, fs, path),
      analysisOf(tlsListeners(dir, 400 * SCALE), withPaths, fs, path),
      (m) => t.diagnostic(m),
    );
  });

  test(`1x vs ${SCALE}x TLS listeners naming the same files, paths checked, real files and the TLS inspector`, { timeout: 120_000 }, (t) => {
    // As the CLI sees them: every TLS material rule runs (format, chain, key match, permissions).
    const dir = tlsDir();
    const path = '/etc/mosquitto/mosquitto.conf';
    assertWorkRatioBelow(
      'TLS listeners, inspector',
      BOUND,
      analysisOf(tlsListeners(dir, 200), withPaths, nodeFileSystem(), path),
      analysisOf(tlsListeners(dir, 200 * SCALE), withPaths, nodeFileSystem(), path),
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
    assertWorkRatioBelow(
      'include_dir',
      BOUND,
      analysisOf(text(250), withPaths, fs, '/etc/mosquitto/mosquitto.conf'),
      analysisOf(text(250 * SCALE), withPaths, fs, '/etc/mosquitto/mosquitto.conf'),
      (m) => t.diagnostic(m),
    );
  });
});

// ---------------------------------------------------------------------------------------
// Regular expressions and scans on user text: long adversarial lines for every rule.

const VARIANTS: readonly AnalysisSettings[] = [settingsFor('2.1.2'), settingsFor('2.0.11', { platform: 'windows' }), settingsFor('1.5.8')];

const WORKLOAD = join(__dirname, 'backtrackingWorkload.js');

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
    assertWorkRatioBelow(
      'parse',
      LINE_BOUND,
      () => parse(small),
      () => parse(large),
      (m) => t.diagnostic(m),
    );
  });

  for (const rule of RULES) {
    test(`${rule.id}: ${PAYLOAD} vs ${PAYLOAD * LINE_SCALE} characters per line`, { timeout: 120_000 }, (t) => {
      const { small, large } = getModels();
      const run = (list: ConfigModel[]) => () => {
        list.forEach((model, i) => runRules([rule], model, VARIANTS[i], NO_FILE_SYSTEM));
      };
      assertWorkRatioBelow(rule.id, LINE_BOUND, run(small), run(large), (m) => t.diagnostic(m));
    });
  }

  test(
    `suppression comments and diagnostics assembly (validateConfig): ${PAYLOAD} vs ${PAYLOAD * LINE_SCALE} characters per line`,
    { timeout: 120_000 },
    (t) => {
      const { small, large } = getModels();
      assertWorkRatioBelow(
        'validateConfig',
        LINE_BOUND,
        () => validateConfig(small[0], VARIANTS[0], NO_FILE_SYSTEM),
        () => validateConfig(large[0], VARIANTS[0], NO_FILE_SYSTEM),
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
      assertWorkRatioBelow(
        `payload '${key}'`,
        LINE_BOUND,
        () => analyze({ text: s, uri: 'untitled:a.conf' }, VARIANTS[0]),
        () => analyze({ text: l, uri: 'untitled:a.conf' }, VARIANTS[0]),
        (m) => t.diagnostic(m),
      );
    }
  });

  test(
    `no regular expression match backtracks more than ${BACKTRACK_LIMIT} times on the adversarial lines (every rule, three settings)`,
    { timeout: 300_000 },
    () => {
      assert.deepEqual(regexBacktracking(WORKLOAD, ['service'], BACKTRACK_LIMIT), []);
    },
  );
});

suite('robustness: the checks themselves', () => {
  const THIS_FILE = /scaling\.test\.js$/;
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
  /** Quadratic through a built-in: a growing list searched once per element. */
  const includesInLoop = (n: number) => () => {
    const seen: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!seen.includes(i)) {
        seen.push(i);
      }
    }
    return seen.length;
  };

  test('a linear loop passes; a quadratic loop, in code or through a built-in, is caught', () => {
    assert.ok(workRatio(linear(1000), linear(1000 * SCALE), THIS_FILE).ratio <= BOUND);
    assert.ok(workRatio(quadratic(100), quadratic(100 * SCALE), THIS_FILE).ratio > BOUND);
    assert.ok(workRatio(includesInLoop(1000), includesInLoop(1000 * SCALE), THIS_FILE).ratio > BOUND);
    assert.equal(countWork(linear(500), THIS_FILE), countWork(linear(500), THIS_FILE), 'the same count on every run');
  });

  test('an exponentially backtracking expression is caught by the backtrack limit', () => {
    assert.equal(regexBacktracking(WORKLOAD, ['self-check'], BACKTRACK_LIMIT).length, 1);
  });
});
