// The broker-differential test layer: our diagnostics against what the real broker does.
//
//   node out/test/broker/differential.js [--no-cache] [--no-corpus] [--no-fixtures]
//        [--count N] [--seed S] [--jobs N] [--json-out FILE] [--verbose]
//
// For every case (each corpus file in ../shared/corpus/real, each project fixture
// test/fixtures/**/*.conf, each generated case) the broker oracle (oracle.ts) gives a verdict
// and the lint CLI gives diagnostics (`--broker-version <installed> --platform linux
// --no-check-paths`). Per case:
//   broker rejects for a config reason (syntax/semantic)  =>  at least one error from us, and
//     where the broker names a line, one of our errors is on that line;
//   broker accepts                                        =>  no error from us.
// Environment and build rejections (files this machine lacks, Debian's websockets-only build
// limit) are counted and shown, not asserted. A disagreement fails the layer unless
// test/broker/known-differences.json lists it with a reason.
// Last line: `LAYER_RESULT broker <passed> <failed>` (one test per asserted case).
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCases, loadDirectiveTable, makeFixtures, seedFromEnv, countFromEnv, LABELS } from './generator';
import type { GeneratedCase } from './generator';
import {
  brokerVersion, compareWithManifest, defaultCacheDir, defaultConcurrency, findBroker, readManifest, runCases, sandboxProblem,
} from './oracle';
import type { OracleCase, OracleVerdict, SupportFile } from './oracle';
import { corpusDir, repoRoot } from './paths';

interface Options {
  cache: boolean;
  corpus: boolean;
  fixtures: boolean;
  generated: boolean;
  count: number;
  seed: number;
  jobs: number;
  jsonOut: string | null;
  verbose: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    cache: process.env.MOSQUITTO_ORACLE_NO_CACHE !== '1', corpus: true, fixtures: true, generated: true,
    count: countFromEnv(), seed: seedFromEnv(), jobs: defaultConcurrency(), jsonOut: null, verbose: false,
  };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    switch (arg) {
      case '--no-cache': options.cache = false; break;
      case '--no-corpus': options.corpus = false; break;
      case '--no-fixtures': options.fixtures = false; break;
      case '--no-generated': options.generated = false; break;
      case '--count': options.count = Number(argv[++k]); break;
      case '--seed': options.seed = Number(argv[++k]) >>> 0; break;
      case '--jobs': options.jobs = Number(argv[++k]); break;
      case '--json-out': options.jsonOut = argv[++k]; break;
      case '--verbose': options.verbose = true; break;
      default: throw new Error(`unknown argument ${arg}`);
    }
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// Cases

type Source = 'corpus' | 'fixture' | 'generated';

interface DiffCase extends OracleCase {
  source: Source;
  /** The file the lint CLI reads. */
  file: string;
  label: string;
  detail: string;
  /** Fixtures written for another broker version or platform (a `# mosquitto-lint:` header). */
  otherTarget: string | null;
  /** Folder relative paths of this case resolve against (included files). */
  baseDir: string;
}

function corpusCases(dir: string): DiffCase[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.conf')).sort().map((f) => {
    const file = path.join(dir, f);
    return {
      id: `corpus/${f}`, source: 'corpus', file, config: fs.readFileSync(file), label: 'corpus', detail: '',
      otherTarget: null, baseDir: dir,
    };
  });
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.isFile()) {
        out.push(full);
      }
    }
  };
  if (fs.existsSync(dir)) {
    walk(dir);
  }
  return out.sort();
}

/** Each fixture runs in a copy of its folder, so relative paths (include_dir, password
 * files) resolve as they do next to the file. */
function fixtureCases(root: string): DiffCase[] {
  const fixturesDir = path.join(root, 'test', 'fixtures');
  const all = listFiles(fixturesDir);
  return all.filter((f) => f.endsWith('.conf')).map((file) => {
    const baseDir = path.dirname(file);
    const files: SupportFile[] = all
      .filter((other) => other !== file && other.startsWith(`${baseDir}${path.sep}`) && fs.statSync(other).size < 256 * 1024)
      .map((other) => ({ path: path.relative(baseDir, other), content: fs.readFileSync(other) }));
    const config = fs.readFileSync(file);
    const header = /^#\s*mosquitto-lint:(.*)$/m.exec(config.toString('utf8').split('\n').slice(0, 5).join('\n'));
    let otherTarget: string | null = null;
    if (header) {
      const version = /--broker-version\s+(\S+)/.exec(header[1]);
      const platform = /--platform\s+(\S+)/.exec(header[1]);
      if ((version && version[1] !== installedVersion) || (platform && platform[1] !== 'linux')) {
        otherTarget = header[1].trim();
      }
    }
    const rel = path.relative(fixturesDir, file);
    return {
      id: `fixtures/${rel}`, source: 'fixture' as const, file, config, configName: path.basename(file), files,
      label: `fixture:${rel.split(path.sep)[0]}`, detail: rel, otherTarget, baseDir,
    };
  });
}

function generatedCases(options: Options, workDir: string): { cases: DiffCase[]; tableSource: string } {
  const table = loadDirectiveTable();
  const generated: GeneratedCase[] = generateCases({ seed: options.seed, count: options.count, fixtures: makeFixtures(), table });
  const dir = path.join(workDir, 'generated');
  fs.mkdirSync(dir, { recursive: true });
  const cases = generated.map((g) => {
    const file = path.join(dir, `${g.id}.conf`);
    fs.writeFileSync(file, g.config);
    return { ...g, source: 'generated' as const, file, otherTarget: null, baseDir: dir };
  });
  return { cases, tableSource: table.source };
}

// ---------------------------------------------------------------------------------------------
// The lint CLI

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code?: string | number;
  message: string;
}

function runLint(root: string, files: string[], version: string): Promise<Map<string, Diagnostic[]>> {
  return new Promise((resolve, reject) => {
    const cli = path.join(root, 'server', 'bin', 'mosquitto-lint');
    const child = spawn(process.execPath, [cli, '--format', 'json', '--broker-version', version, '--platform', 'linux',
      '--no-check-paths', ...files], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => { stdout += d; });
    child.stderr.on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) {
        reject(new Error(`mosquitto-lint exited with ${code}: ${stderr.trim() || stdout.slice(0, 500)}`));
        return;
      }
      try {
        const parsed = JSON.parse(stdout) as { file: string; diagnostics: Diagnostic[] }[];
        const byFile = new Map<string, Diagnostic[]>();
        for (const entry of parsed) {
          byFile.set(path.resolve(root, entry.file), entry.diagnostics);
        }
        resolve(byFile);
      } catch (error) {
        reject(new Error(`mosquitto-lint printed no JSON (${String(error)}): ${stdout.slice(0, 300)} ${stderr.slice(0, 300)}`));
      }
    });
  });
}

async function lintAll(root: string, files: string[], version: string, jobs: number): Promise<Map<string, Diagnostic[]>> {
  const batches: string[][] = [];
  for (let k = 0; k < files.length; k += 150) {
    batches.push(files.slice(k, k + 150));
  }
  const all = new Map<string, Diagnostic[]>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const batch = batches[next++];
      for (const [file, diagnostics] of await runLint(root, batch, version)) {
        all.set(file, diagnostics);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, batches.length)) }, () => worker()));
  return all;
}

// ---------------------------------------------------------------------------------------------
// Assertion

type Outcome = 'agree' | 'false-error' | 'missed-rejection' | 'wrong-line' | 'not-asserted' | 'oracle-unknown' | 'no-lint-result';

interface KnownDifference {
  id?: string;
  label?: string;
  detail?: string;
  outcome?: string;
  reason: string;
}

interface CaseResult {
  id: string;
  source: Source;
  label: string;
  detail: string;
  outcome: Outcome;
  known: string | null;
  verdict: OracleVerdict;
  errors: { line: number; code: string; message: string }[];
  why: string;
}

function judge(c: DiffCase, verdict: OracleVerdict, lint: Map<string, Diagnostic[]>): { outcome: Outcome; errors: CaseResult['errors']; why: string } {
  const main = lint.get(path.resolve(c.file));
  if (main === undefined) {
    return { outcome: 'no-lint-result', errors: [], why: 'the lint CLI returned nothing for this file' };
  }
  const toError = (d: Diagnostic): CaseResult['errors'][number] =>
    ({ line: d.range.start.line + 1, code: String(d.code ?? ''), message: d.message });
  const errors = main.filter((d) => d.severity === 'error').map(toError);
  // Errors the CLI put in an included file count for the case too.
  const included = verdict.includedFile !== null ? lint.get(path.resolve(c.baseDir, verdict.includedFile)) : undefined;
  const includedErrors = (included ?? []).filter((d) => d.severity === 'error').map(toError);
  if (c.otherTarget !== null) {
    return { outcome: 'not-asserted', errors, why: `fixture targets ${c.otherTarget}` };
  }
  if (verdict.verdict === 'accepted') {
    return errors.length === 0 ? { outcome: 'agree', errors, why: '' }
      : { outcome: 'false-error', errors, why: 'the broker starts, we report an error' };
  }
  if (verdict.kind === 'environment' || verdict.kind === 'build') {
    return { outcome: 'not-asserted', errors, why: `${verdict.kind} rejection` };
  }
  if (verdict.kind === 'unknown') {
    return { outcome: 'oracle-unknown', errors, why: `oracle could not classify: ${verdict.message || '(no message)'}` };
  }
  if (errors.length === 0 && includedErrors.length === 0) {
    return { outcome: 'missed-rejection', errors, why: `the broker refuses (${verdict.kind}), we report no error` };
  }
  if (verdict.line !== null) {
    const onLine = (d: Diagnostic): boolean => d.severity === 'error' &&
      d.range.start.line + 1 <= verdict.line! && verdict.line! <= Math.max(d.range.start.line, d.range.end.line) + 1;
    const inIncluded = verdict.includedLine !== null &&
      includedErrors.some((e) => e.line === verdict.includedLine);
    if (!main.some(onLine) && !inIncluded) {
      return { outcome: 'wrong-line', errors, why: `the broker names line ${verdict.line}, our errors are on ${errors.map((e) => e.line).join(', ') || '(none in this file)'}` };
    }
  }
  return { outcome: 'agree', errors, why: '' };
}

function matchKnown(known: readonly KnownDifference[], r: { id: string; label: string; detail: string; outcome: Outcome }): KnownDifference | undefined {
  return known.find((k) =>
    (k.id === undefined || k.id === r.id) &&
    (k.label === undefined || k.label === r.label) &&
    (k.detail === undefined || new RegExp(k.detail).test(r.detail)) &&
    (k.outcome === undefined || k.outcome === r.outcome) &&
    (k.id !== undefined || k.label !== undefined || k.detail !== undefined));
}

// ---------------------------------------------------------------------------------------------
// Main

let installedVersion = '';

function pct(n: number, d: number): string {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const root = repoRoot();
  const started = Date.now();
  const broker = findBroker();
  if (broker === null) {
    process.stdout.write('broker layer: mosquitto is not installed. Install it with scripts/broker/install-broker.sh ' +
      '(Debian: apt-get install mosquitto); CI does this before the tests.\n');
    return fail();
  }
  const problem = sandboxProblem();
  if (problem !== null) {
    process.stdout.write(`broker layer: ${problem}\n`);
    return fail();
  }
  installedVersion = brokerVersion(broker) ?? '';
  if (installedVersion === '') {
    process.stdout.write(`broker layer: cannot read the version of ${broker}\n`);
    return fail();
  }
  const knownFile = path.join(root, 'test', 'broker', 'known-differences.json');
  const known: KnownDifference[] = fs.existsSync(knownFile)
    ? (JSON.parse(fs.readFileSync(knownFile, 'utf8')) as { differences: KnownDifference[] }).differences : [];

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosq-differential-'));
  try {
    const cases: DiffCase[] = [];
    const corpus = corpusDir();
    if (options.corpus) {
      if (!fs.existsSync(corpus)) {
        process.stdout.write(`broker layer: corpus not found at ${corpus} (expected ../shared next to the repository)\n`);
        return fail();
      }
      cases.push(...corpusCases(corpus));
    }
    if (options.fixtures) {
      cases.push(...fixtureCases(root));
    }
    let tableSource = '-';
    if (options.generated) {
      const generated = generatedCases(options, workDir);
      cases.push(...generated.cases);
      tableSource = generated.tableSource;
    }
    process.stdout.write(`broker layer: mosquitto ${installedVersion} (${broker}), ${cases.length} cases ` +
      `(${cases.filter((c) => c.source === 'corpus').length} corpus, ${cases.filter((c) => c.source === 'fixture').length} fixtures, ` +
      `${cases.filter((c) => c.source === 'generated').length} generated with seed ${options.seed}, directives from ${tableSource}), ` +
      `${options.jobs} jobs, cache ${options.cache ? defaultCacheDir() : 'off'}\n`);

    // Lint and oracle run side by side: the CLI is quick, the broker runs are mostly waiting.
    const lintStarted = Date.now();
    let lintMs = 0;
    const lintPromise = lintAll(root, cases.map((c) => c.file), installedVersion, 2).then((result) => {
      lintMs = Date.now() - lintStarted;
      return result;
    });
    const oracleStarted = Date.now();
    let cached = 0;
    let done = 0;
    const verdicts = await runCases(cases, {
      concurrency: options.jobs,
      cacheDir: options.cache ? defaultCacheDir() : null,
      onResult: (_c, _v, fromCache) => {
        done++;
        if (fromCache) {
          cached++;
        }
        if (options.verbose && done % 100 === 0) {
          process.stdout.write(`  oracle: ${done}/${cases.length}\n`);
        }
      },
    });
    const oracleMs = Date.now() - oracleStarted;
    let lint: Map<string, Diagnostic[]>;
    try {
      lint = await lintPromise;
    } catch (error) {
      process.stdout.write(`broker layer: the lint CLI failed: ${error instanceof Error ? error.message : String(error)}\n`);
      return fail();
    }

    const results: CaseResult[] = cases.map((c) => {
      const verdict = verdicts.get(c.id) as OracleVerdict;
      const judged = judge(c, verdict, lint);
      const knownMatch = judged.outcome === 'agree' || judged.outcome === 'not-asserted' ? undefined
        : matchKnown(known, { id: c.id, label: c.label, detail: c.detail, outcome: judged.outcome });
      return { id: c.id, source: c.source, label: c.label, detail: c.detail, verdict, ...judged, known: knownMatch?.reason ?? null };
    });

    // Figures
    const failed = results.filter((r) => r.outcome !== 'agree' && r.outcome !== 'not-asserted' && r.known === null);
    const knownHit = results.filter((r) => r.known !== null);
    const line = (label: string, rs: CaseResult[]): string => {
      const asserted = rs.filter((r) => r.outcome !== 'not-asserted');
      const agree = asserted.filter((r) => r.outcome === 'agree').length;
      const notAsserted = rs.length - asserted.length;
      const accepted = rs.filter((r) => r.verdict.verdict === 'accepted').length;
      const knownCount = rs.filter((r) => r.known !== null).length;
      const failing = rs.filter((r) => r.outcome !== 'agree' && r.outcome !== 'not-asserted' && r.known === null).length;
      return `  ${label.padEnd(28)} ${String(rs.length).padStart(5)} ${String(accepted).padStart(8)} ${String(asserted.length).padStart(8)} ` +
        `${String(agree).padStart(6)} ${pct(agree, asserted.length).padStart(7)} ${String(knownCount).padStart(5)} ${String(failing).padStart(6)} ${String(notAsserted).padStart(7)}`;
    };
    const header = `  ${'group'.padEnd(28)} ${'cases'.padStart(5)} ${'accepted'.padStart(8)} ${'asserted'.padStart(8)} ${'agree'.padStart(6)} ${'rate'.padStart(7)} ${'known'.padStart(5)} ${'failed'.padStart(6)} ${'env/bld'.padStart(7)}`;
    const out: string[] = [];
    out.push('', 'Agreement with the broker (asserted = config verdicts; env/bld = environment/build rejections, counted only):', header);
    for (const source of ['corpus', 'fixture', 'generated'] as const) {
      const rs = results.filter((r) => r.source === source);
      if (rs.length > 0) {
        out.push(line(source, rs));
      }
    }
    out.push(line('all', results));
    const generated = results.filter((r) => r.source === 'generated');
    if (generated.length > 0) {
      out.push('', 'Generated cases by mutation label:', header);
      for (const label of LABELS) {
        const rs = generated.filter((r) => r.label === label);
        if (rs.length > 0) {
          out.push(line(label, rs));
        }
      }
    }
    const kinds = new Map<string, number>();
    for (const r of results) {
      const key = r.verdict.verdict === 'accepted' ? 'accepted' : `rejected/${r.verdict.kind}`;
      kinds.set(key, (kinds.get(key) ?? 0) + 1);
    }
    out.push('', `Broker verdicts: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    const notAsserted = results.filter((r) => r.outcome === 'not-asserted');
    const reasons = new Map<string, number>();
    for (const r of notAsserted) {
      const key = r.verdict.kind === 'build' ? 'build: websockets-only listeners (Debian libwebsockets)'
        : r.why.startsWith('fixture targets') ? 'fixture written for another broker version/platform'
          : `${r.verdict.kind}: ${r.verdict.message.replace(/".*"|'.*'/g, '"…"').replace(/\d+/g, 'N')}`;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
    if (reasons.size > 0) {
      out.push('Not asserted (reported separately):');
      for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) {
        out.push(`  ${String(n).padStart(4)}  ${reason}`);
      }
    }
    // The oracle itself, against the reference verdicts recorded with the corpus.
    let manifestLine = '';
    if (options.corpus) {
      const rows = readManifest(corpus);
      const byFile = new Map<string, OracleVerdict>();
      for (const r of results.filter((x) => x.source === 'corpus')) {
        byFile.set(r.id.slice('corpus/'.length), r.verdict);
      }
      const comparison = compareWithManifest(rows, byFile);
      manifestLine = `Oracle vs corpus MANIFEST.tsv (verdict/kind/line): ${comparison.agree}/${comparison.total} agree`;
      out.push('', manifestLine);
      for (const d of comparison.differences) {
        out.push(`  ${d.file}: manifest ${d.expected} | oracle ${d.actual} ${d.message}`);
      }
    }
    if (knownHit.length > 0) {
      out.push('', `Known differences (test/broker/known-differences.json): ${knownHit.length}`);
      for (const r of knownHit) {
        out.push(`  ${r.id} [${r.label}] ${r.outcome}: ${r.known}`);
      }
    }
    const stale = known.filter((k) => !results.some((r) => r.known === k.reason && matchKnown([k], r) !== undefined));
    if (stale.length > 0 && options.corpus && options.fixtures && options.generated) {
      out.push('', `Known differences that no longer occur (remove them): ${stale.map((k) => k.id ?? k.label ?? k.detail).join(', ')}`);
    }
    if (failed.length > 0) {
      out.push('', `DISAGREEMENTS (${failed.length}):`);
      for (const r of failed) {
        const v = r.verdict;
        out.push(`  ${r.id} [${r.label}] ${r.outcome}: ${r.why}`);
        if (r.detail) {
          out.push(`      case:   ${r.detail}`);
        }
        out.push(`      broker: ${v.verdict}${v.kind !== 'none' ? ` ${v.kind}` : ''}${v.line !== null ? ` line ${v.line}` : ''}${v.message ? `: ${v.message}` : ''}`);
        out.push(`      ours:   ${r.errors.length === 0 ? 'no error' : r.errors.map((e) => `${e.line}:${e.code}`).join(', ')}`);
      }
    }
    const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
    out.push('', `Time: total ${seconds(Date.now() - started)}, oracle ${seconds(oracleMs)} (${cached} of ${cases.length} verdicts from cache), lint CLI ${seconds(lintMs)}`);
    // Cases rejected for environment/build reasons assert nothing, so they are not counted as passed.
    const passed = results.length - failed.length - notAsserted.length;
    out.push(`broker layer: ${passed} passed (${knownHit.length} of them known differences), ${failed.length} failed, ${notAsserted.length} not asserted (environment or build rejections, listed above)`);
    process.stdout.write(`${out.join('\n')}\n`);

    if (options.jsonOut !== null) {
      const summary = {
        date: new Date().toISOString(), broker: installedVersion, seed: options.seed, count: options.count, tableSource,
        cases: results.length, passed, failed: failed.length, notAsserted: notAsserted.length, known: knownHit.length,
        manifest: manifestLine, oracleMs, lintMs, totalMs: Date.now() - started, cached,
        results: results.map((r) => ({
          id: r.id, source: r.source, label: r.label, detail: r.detail, outcome: r.outcome, known: r.known, why: r.why,
          verdict: r.verdict.verdict, kind: r.verdict.kind, line: r.verdict.line, message: r.verdict.message,
          errors: r.errors,
        })),
        notAssertedReasons: Object.fromEntries(reasons),
      };
      fs.writeFileSync(options.jsonOut, `${JSON.stringify(summary, null, 1)}\n`);
    }
    process.stdout.write(`LAYER_RESULT broker ${passed} ${failed.length}\n`);
    return failed.length > 0 ? 1 : 0;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function fail(): number {
  process.stdout.write('LAYER_RESULT broker 0 1\n');
  return 1;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  process.stdout.write(`broker layer: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = fail();
});
