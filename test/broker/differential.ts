// The broker-differential test layer: our diagnostics against what the real brokers do.
//
//   node out/test/broker/differential.js [--releases R,R…] [--no-cache] [--no-corpus]
//        [--no-fixtures] [--no-cases] [--no-generated] [--count [R=]N] [--seed [R=]S] [--jobs N]
//        [--json-out FILE] [--verbose]
//
// For every release (releases.ts: 1.5.11, 1.6.15, 2.0.11 from Debian, 2.0.22, 2.1.2) and every
// case (each corpus file in ../shared/corpus/real, each project fixture test/fixtures/**/*.conf,
// each broker case test/broker/cases/*.conf, each case generated for that release) the broker
// oracle (oracle.ts) gives that release's verdict and the lint CLI gives diagnostics
// (`--broker-version <release> --platform linux --no-check-paths`; broker cases keep the path
// checks). Per case:
//   broker rejects for a config reason (syntax/semantic)  =>  at least one error from us, and
//     where the broker names a line, one of our errors is on that line (of the included file,
//     when the broker names a line there);
//   broker accepts                                        =>  no error from us.
// Environment and build rejections (files this machine lacks, a build's limits) are counted and
// shown, not asserted — except in broker cases, whose missing paths are part of the case and
// the same for the broker and for us. A disagreement fails the layer unless
// test/broker/known-differences/<release>.json lists it with a reason.
// Last line: `LAYER_RESULT broker <passed> <failed>` (one test per asserted case and release).
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_SEED, generateCases, listenerOptionFirstCases, loadDirectiveTable, makeFixtures, LABELS, parseSeed } from './generator';
import type { Fixtures, GeneratedCase } from './generator';
import { compareWithManifest, defaultCacheDir, defaultConcurrency, readManifest, sandboxProblem } from './oracle';
import type { OracleCase, OracleVerdict, SupportFile } from './oracle';
import { corpusDir, repoRoot } from './paths';
import { brokerFor, buildBrokers, DEBIAN_RELEASE, DEFAULT_COUNTS, RELEASES, verdictsOf } from './releases';

interface Options {
  releases: string[];
  cache: boolean;
  corpus: boolean;
  fixtures: boolean;
  brokerCases: boolean;
  generated: boolean;
  /** Generated cases and seed per release. */
  counts: Map<string, number>;
  seeds: Map<string, number>;
  jobs: number;
  jsonOut: string | null;
  verbose: boolean;
}

/** `N` (every release) or `R=N,R=N` (per release), into `into`. */
function perRelease(text: string, into: Map<string, number>, releases: readonly string[], parse: (v: string) => number): void {
  for (const part of text.split(',').filter(Boolean)) {
    const m = /^(?:([\d.]+)=)?(.+)$/.exec(part.trim());
    const value = parse(m?.[2] ?? '');
    if (!m || !Number.isFinite(value) || value < 0) {
      throw new Error(`bad value '${part}' (N, or RELEASE=N)`);
    }
    for (const release of m[1] ? [m[1]] : releases) {
      into.set(release, value);
    }
  }
}

function parseArgs(argv: string[]): Options {
  const envReleases = process.env.MOSQUITTO_BROKER_RELEASES;
  const options: Options = {
    releases: envReleases ? envReleases.split(',').filter(Boolean) : [...RELEASES],
    cache: process.env.MOSQUITTO_ORACLE_NO_CACHE !== '1',
    corpus: true,
    fixtures: true,
    brokerCases: true,
    generated: true,
    counts: new Map(Object.entries(DEFAULT_COUNTS)),
    seeds: new Map(),
    jobs: defaultConcurrency(),
    jsonOut: null,
    verbose: false,
  };
  const counts: string[] = process.env.MOSQUITTO_FUZZ_COUNT ? [process.env.MOSQUITTO_FUZZ_COUNT] : [];
  const seeds: string[] = process.env.MOSQUITTO_FUZZ_SEED ? [process.env.MOSQUITTO_FUZZ_SEED] : [];
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    switch (arg) {
      case '--releases':
      case '--release':
        options.releases = argv[++k].split(',').filter(Boolean);
        break;
      case '--no-cache':
        options.cache = false;
        break;
      case '--no-corpus':
        options.corpus = false;
        break;
      case '--no-fixtures':
        options.fixtures = false;
        break;
      case '--no-cases':
        options.brokerCases = false;
        break;
      case '--no-generated':
        options.generated = false;
        break;
      case '--count':
        counts.push(argv[++k]);
        break;
      case '--seed':
        seeds.push(argv[++k]);
        break;
      case '--jobs':
        options.jobs = Number(argv[++k]);
        break;
      case '--json-out':
        options.jsonOut = argv[++k];
        break;
      case '--verbose':
        options.verbose = true;
        break;
      default:
        throw new Error(`unknown argument ${arg}`);
    }
  }
  for (const release of options.releases) {
    if (!RELEASES.includes(release)) {
      throw new Error(`unknown release ${release} (known: ${RELEASES.join(', ')})`);
    }
  }
  for (const text of counts) {
    perRelease(text, options.counts, options.releases, Number);
  }
  for (const text of seeds) {
    perRelease(text, options.seeds, options.releases, parseSeed);
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// Cases

type Source = 'corpus' | 'fixture' | 'case' | 'generated';

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
  /** Broker cases: linted with path checks, and environment rejections are asserted (their
   * missing paths are the same on this machine and in the sandbox). */
  checkPaths: boolean;
}

function corpusCases(dir: string): DiffCase[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.conf'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      return {
        id: `corpus/${f}`,
        source: 'corpus',
        file,
        config: fs.readFileSync(file),
        label: 'corpus',
        detail: '',
        otherTarget: null,
        baseDir: dir,
        checkPaths: false,
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

/** The `# mosquitto-lint:` header's target when it is not this release on Linux. */
function otherTargetOf(config: Buffer, release: string): string | null {
  const header = /^#\s*mosquitto-lint:(.*)$/m.exec(config.toString('utf8').split('\n').slice(0, 5).join('\n'));
  if (!header) {
    return null;
  }
  const version = /--broker-version\s+(\S+)/.exec(header[1]);
  const platform = /--platform\s+(\S+)/.exec(header[1]);
  return (version && version[1] !== release) || (platform && platform[1] !== 'linux') ? header[1].trim() : null;
}

/** Each `.conf` file below `dir` runs in a copy of its folder, so relative paths (include_dir,
 * password files) resolve as they do next to the file. */
function folderCases(dir: string, source: 'fixture' | 'case', release: string): DiffCase[] {
  const all = listFiles(dir);
  return all
    .filter((f) => f.endsWith('.conf'))
    .map((file) => {
      const baseDir = path.dirname(file);
      const files: SupportFile[] = all
        .filter((other) => other !== file && other.startsWith(`${baseDir}${path.sep}`) && fs.statSync(other).size < 256 * 1024)
        .map((other) => ({ path: path.relative(baseDir, other), content: fs.readFileSync(other) }));
      const config = fs.readFileSync(file);
      const rel = path.relative(dir, file);
      const fixture = source === 'fixture';
      return {
        id: `${fixture ? 'fixtures' : 'cases'}/${rel}`,
        source,
        file,
        config,
        configName: path.basename(file),
        files,
        label: fixture ? `fixture:${rel.split(path.sep)[0]}` : 'case',
        detail: rel,
        otherTarget: otherTargetOf(config, release),
        baseDir,
        checkPaths: !fixture,
      };
    });
}

function generatedCases(
  release: string,
  seed: number,
  count: number,
  fixtures: Fixtures,
  table: ReturnType<typeof loadDirectiveTable>,
  workDir: string,
): DiffCase[] {
  const generated: GeneratedCase[] = [
    ...generateCases({ seed, count, fixtures, table, version: release }),
    ...listenerOptionFirstCases({ fixtures, table, version: release, seed }),
  ];
  const dir = path.join(workDir, release, 'generated');
  return generated.map((g) => {
    // Each case in its own folder with the files it names, as the broker sees it (the lint CLI
    // reads included files from there).
    const caseDir = path.join(dir, g.id);
    const file = path.join(caseDir, g.configName ?? 'mosquitto.conf');
    fs.mkdirSync(caseDir, { recursive: true });
    fs.writeFileSync(file, g.config);
    for (const f of g.files ?? []) {
      const target = path.join(caseDir, f.path);
      if (f.path.endsWith('/')) {
        fs.mkdirSync(target, { recursive: true });
      } else {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, f.content ?? '');
      }
    }
    return { ...g, source: 'generated' as const, file, otherTarget: null, baseDir: caseDir, checkPaths: false };
  });
}

// ---------------------------------------------------------------------------------------------
// The lint CLI

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code?: string | number;
  message: string;
}

function runLint(root: string, files: string[], version: string, checkPaths: boolean): Promise<Map<string, Diagnostic[]>> {
  return new Promise((resolve, reject) => {
    const cli = path.join(root, 'server', 'bin', 'mosquitto-lint');
    const child = spawn(
      process.execPath,
      [cli, '--format', 'json', '--broker-version', version, '--platform', 'linux', ...(checkPaths ? [] : ['--no-check-paths']), ...files],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.on('data', (d: string) => {
      stderr += d;
    });
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

/** Lints the cases' files with the release as target, in batches of 150 files per CLI run. */
async function lintAll(root: string, cases: readonly DiffCase[], version: string, jobs: number): Promise<Map<string, Diagnostic[]>> {
  const batches: { files: string[]; checkPaths: boolean }[] = [];
  for (const checkPaths of [false, true]) {
    const files = cases.filter((c) => c.checkPaths === checkPaths).map((c) => c.file);
    for (let k = 0; k < files.length; k += 150) {
      batches.push({ files: files.slice(k, k + 150), checkPaths });
    }
  }
  const all = new Map<string, Diagnostic[]>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const batch = batches[next++];
      for (const [file, diagnostics] of await runLint(root, batch.files, version, batch.checkPaths)) {
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
  const toError = (d: Diagnostic): CaseResult['errors'][number] => ({ line: d.range.start.line + 1, code: String(d.code ?? ''), message: d.message });
  const errors = main.filter((d) => d.severity === 'error').map(toError);
  // Errors the CLI put in an included file count for the case too.
  const included = verdict.includedFile !== null ? lint.get(path.resolve(c.baseDir, verdict.includedFile)) : undefined;
  const includedErrors = (included ?? []).filter((d) => d.severity === 'error').map(toError);
  if (c.otherTarget !== null) {
    return { outcome: 'not-asserted', errors, why: `fixture targets ${c.otherTarget}` };
  }
  if (verdict.verdict === 'accepted') {
    return errors.length === 0 ? { outcome: 'agree', errors, why: '' } : { outcome: 'false-error', errors, why: 'the broker starts, we report an error' };
  }
  if (verdict.kind === 'build' || (verdict.kind === 'environment' && !c.checkPaths)) {
    return { outcome: 'not-asserted', errors, why: `${verdict.kind} rejection` };
  }
  if (verdict.kind === 'unknown') {
    return { outcome: 'oracle-unknown', errors, why: `oracle could not classify: ${verdict.message || '(no message)'}` };
  }
  if (errors.length === 0 && includedErrors.length === 0) {
    return { outcome: 'missed-rejection', errors, why: `the broker refuses (${verdict.kind}), we report no error` };
  }
  if (verdict.includedFile !== null && verdict.includedLine !== null) {
    // The broker names a line of an included file: one of our errors is on that line of that file.
    if (!includedErrors.some((e) => e.line === verdict.includedLine)) {
      return {
        outcome: 'wrong-line',
        errors: [...errors, ...includedErrors.map((e) => ({ ...e, code: `${verdict.includedFile}:${e.code}` }))],
        why: `the broker names line ${verdict.includedLine} of ${verdict.includedFile}, our errors there are on ${includedErrors.map((e) => e.line).join(', ') || '(none)'}`,
      };
    }
  } else if (verdict.line !== null) {
    const onLine = (d: Diagnostic): boolean =>
      d.severity === 'error' && d.range.start.line + 1 <= verdict.line! && verdict.line! <= Math.max(d.range.start.line, d.range.end.line) + 1;
    if (!main.some(onLine)) {
      return {
        outcome: 'wrong-line',
        errors,
        why: `the broker names line ${verdict.line}, our errors are on ${errors.map((e) => e.line).join(', ') || '(none in this file)'}`,
      };
    }
  }
  return { outcome: 'agree', errors, why: '' };
}

function matchKnown(known: readonly KnownDifference[], r: { id: string; label: string; detail: string; outcome: Outcome }): KnownDifference | undefined {
  return known.find(
    (k) =>
      (k.id === undefined || k.id === r.id) &&
      (k.label === undefined || k.label === r.label) &&
      (k.detail === undefined || new RegExp(k.detail).test(r.detail)) &&
      (k.outcome === undefined || k.outcome === r.outcome) &&
      (k.id !== undefined || k.label !== undefined || k.detail !== undefined),
  );
}

// ---------------------------------------------------------------------------------------------
// One release

function pct(n: number, d: number): string {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`;
}

function loadKnown(root: string, release: string): KnownDifference[] {
  const file = path.join(root, 'test', 'broker', 'known-differences', `${release}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { differences: KnownDifference[] }).differences : [];
}

interface ReleaseRun {
  release: string;
  broker: string;
  seed: number;
  count: number;
  tableSource: string;
  results: CaseResult[];
  passed: number;
  failed: CaseResult[];
  notAsserted: CaseResult[];
  knownHit: CaseResult[];
  reasons: Map<string, number>;
  manifest: string;
  oracleMs: number;
  lintMs: number;
  totalMs: number;
  cached: number;
  /** Why the release could not run at all (then one failure). */
  problem: string | null;
}

function notAssertedReason(r: CaseResult): string {
  return r.verdict.kind === 'build'
    ? `build: ${r.verdict.note || r.verdict.message}`
    : r.why.startsWith('fixture targets')
      ? 'fixture written for another broker version/platform'
      : `${r.verdict.kind}: ${r.verdict.message.replace(/".*"|'.*'/g, '"…"').replace(/\d+/g, 'N')}`;
}

async function runRelease(
  release: string,
  options: Options,
  root: string,
  fixtures: Fixtures,
  table: ReturnType<typeof loadDirectiveTable>,
  workDir: string,
): Promise<ReleaseRun> {
  const started = Date.now();
  const seed = options.seeds.get(release) ?? DEFAULT_SEED;
  const count = options.generated ? (options.counts.get(release) ?? 300) : 0;
  const run: ReleaseRun = {
    release,
    broker: '',
    seed,
    count,
    tableSource: table.source,
    results: [],
    passed: 0,
    failed: [],
    notAsserted: [],
    knownHit: [],
    reasons: new Map(),
    manifest: '',
    oracleMs: 0,
    lintMs: 0,
    totalMs: 0,
    cached: 0,
    problem: null,
  };
  const broker = brokerFor(release);
  if (broker === null) {
    run.problem = `mosquitto ${release} is not available (scripts/broker/build-brokers.sh builds it)`;
    return run;
  }
  run.broker = broker;
  const known = loadKnown(root, release);
  const cases: DiffCase[] = [];
  const corpus = corpusDir();
  if (options.corpus) {
    cases.push(...corpusCases(corpus));
  }
  if (options.fixtures) {
    cases.push(...folderCases(path.join(root, 'test', 'fixtures'), 'fixture', release));
  }
  if (options.brokerCases) {
    cases.push(...folderCases(path.join(root, 'test', 'broker', 'cases'), 'case', release));
  }
  if (count > 0) {
    cases.push(...generatedCases(release, seed, count, fixtures, table, workDir));
  }
  const bySource = (s: Source): number => cases.filter((c) => c.source === s).length;
  process.stdout.write(
    `\n--- mosquitto ${release} (${broker}): ${cases.length} cases (${bySource('corpus')} corpus, ` +
      `${bySource('fixture')} fixtures, ${bySource('case')} broker cases, ${bySource('generated')} generated with seed ${seed}, ` +
      `directives from ${table.source}), ${options.jobs} jobs, cache ${options.cache ? defaultCacheDir() : 'off'}\n`,
  );

  // Lint and oracle run side by side: the CLI is quick, the broker runs are mostly waiting.
  const lintStarted = Date.now();
  const lintPromise = lintAll(root, cases, release, 2).then((result) => {
    run.lintMs = Date.now() - lintStarted;
    return result;
  });
  lintPromise.catch(() => undefined);
  const oracleStarted = Date.now();
  let done = 0;
  const verdicts = await verdictsOf(release, cases, {
    concurrency: options.jobs,
    cacheDir: options.cache ? defaultCacheDir() : null,
    onResult: (_c, _v, fromCache) => {
      done++;
      if (fromCache) {
        run.cached++;
      }
      if (options.verbose && done % 100 === 0) {
        process.stdout.write(`  oracle ${release}: ${done}/${cases.length}\n`);
      }
    },
  });
  run.oracleMs = Date.now() - oracleStarted;
  let lint: Map<string, Diagnostic[]>;
  try {
    lint = await lintPromise;
  } catch (error) {
    run.problem = `the lint CLI failed: ${error instanceof Error ? error.message : String(error)}`;
    return run;
  }

  run.results = cases.map((c) => {
    const verdict = verdicts.get(c.id) as OracleVerdict;
    const judged = judge(c, verdict, lint);
    const knownMatch =
      judged.outcome === 'agree' || judged.outcome === 'not-asserted'
        ? undefined
        : matchKnown(known, { id: c.id, label: c.label, detail: c.detail, outcome: judged.outcome });
    return { id: c.id, source: c.source, label: c.label, detail: c.detail, verdict, ...judged, known: knownMatch?.reason ?? null };
  });
  const results = run.results;
  run.failed = results.filter((r) => r.outcome !== 'agree' && r.outcome !== 'not-asserted' && r.known === null);
  run.knownHit = results.filter((r) => r.known !== null);
  run.notAsserted = results.filter((r) => r.outcome === 'not-asserted');
  // Cases rejected for environment/build reasons assert nothing, so they are not counted as passed.
  run.passed = results.length - run.failed.length - run.notAsserted.length;
  for (const r of run.notAsserted) {
    const key = notAssertedReason(r);
    run.reasons.set(key, (run.reasons.get(key) ?? 0) + 1);
  }

  // Figures
  const line = (label: string, rs: CaseResult[]): string => {
    const asserted = rs.filter((r) => r.outcome !== 'not-asserted');
    const agree = asserted.filter((r) => r.outcome === 'agree').length;
    const accepted = rs.filter((r) => r.verdict.verdict === 'accepted').length;
    const knownCount = rs.filter((r) => r.known !== null).length;
    const failing = rs.filter((r) => r.outcome !== 'agree' && r.outcome !== 'not-asserted' && r.known === null).length;
    return (
      `  ${label.padEnd(28)} ${String(rs.length).padStart(5)} ${String(accepted).padStart(8)} ${String(asserted.length).padStart(8)} ` +
      `${String(agree).padStart(6)} ${pct(agree, asserted.length).padStart(7)} ${String(knownCount).padStart(5)} ${String(failing).padStart(6)} ${String(rs.length - asserted.length).padStart(7)}`
    );
  };
  const header = `  ${'group'.padEnd(28)} ${'cases'.padStart(5)} ${'accepted'.padStart(8)} ${'asserted'.padStart(8)} ${'agree'.padStart(6)} ${'rate'.padStart(7)} ${'known'.padStart(5)} ${'failed'.padStart(6)} ${'env/bld'.padStart(7)}`;
  const out: string[] = [];
  out.push(`Agreement with mosquitto ${release} (asserted = config verdicts; env/bld = environment/build rejections, counted only):`, header);
  for (const source of ['corpus', 'fixture', 'case', 'generated'] as const) {
    const rs = results.filter((r) => r.source === source);
    if (rs.length > 0) {
      out.push(line(source, rs));
    }
  }
  out.push(line('all', results));
  const generated = results.filter((r) => r.source === 'generated');
  if (generated.length > 0 && options.verbose) {
    out.push('', 'Generated cases by mutation label:', header);
    for (const label of [...LABELS, 'listener-option-first']) {
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
  out.push(`Broker verdicts: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  if (run.reasons.size > 0) {
    out.push('Not asserted (reported separately):');
    for (const [reason, n] of [...run.reasons].sort((a, b) => b[1] - a[1]).slice(0, options.verbose ? undefined : 12)) {
      out.push(`  ${String(n).padStart(4)}  ${reason}`);
    }
  }
  // The oracle itself, against the reference verdicts recorded with the corpus (by Debian's 2.0.11).
  if (options.corpus && release === DEBIAN_RELEASE) {
    const rows = readManifest(corpus);
    const byFile = new Map<string, OracleVerdict>();
    for (const r of results.filter((x) => x.source === 'corpus')) {
      byFile.set(r.id.slice('corpus/'.length), r.verdict);
    }
    const comparison = compareWithManifest(rows, byFile);
    run.manifest = `Oracle vs corpus MANIFEST.tsv (verdict/kind/line): ${comparison.agree}/${comparison.total} agree`;
    out.push(run.manifest);
    for (const d of comparison.differences) {
      out.push(`  ${d.file}: manifest ${d.expected} | oracle ${d.actual} ${d.message}`);
    }
  }
  if (run.knownHit.length > 0) {
    out.push(`Known differences (test/broker/known-differences/${release}.json): ${run.knownHit.length}`);
    for (const r of run.knownHit) {
      out.push(`  ${r.id} [${r.label}] ${r.outcome}: ${r.known}`);
    }
  }
  const stale = known.filter((k) => !results.some((r) => r.known === k.reason && matchKnown([k], r) !== undefined));
  if (stale.length > 0 && options.corpus && options.fixtures && options.generated) {
    out.push(
      `Known differences of ${release} that did not occur in this run (remove them, or they need more generated cases): ` +
        `${stale.map((k) => k.id ?? k.label ?? k.detail).join(', ')}`,
    );
  }
  if (run.failed.length > 0) {
    out.push(`DISAGREEMENTS with ${release} (${run.failed.length}):`);
    for (const r of run.failed) {
      const v = r.verdict;
      out.push(`  ${r.id} [${r.label}] ${r.outcome}: ${r.why}`);
      if (r.detail) {
        out.push(`      case:   ${r.detail}`);
      }
      out.push(
        `      broker: ${v.verdict}${v.kind !== 'none' ? ` ${v.kind}` : ''}${v.line !== null ? ` line ${v.line}` : ''}${v.message ? `: ${v.message}` : ''}`,
      );
      out.push(`      ours:   ${r.errors.length === 0 ? 'no error' : r.errors.map((e) => `${e.line}:${e.code}`).join(', ')}`);
    }
  }
  run.totalMs = Date.now() - started;
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  out.push(
    `Time ${release}: total ${seconds(run.totalMs)}, oracle ${seconds(run.oracleMs)} (${run.cached} of ${cases.length} verdicts from cache), lint CLI ${seconds(run.lintMs)}`,
  );
  out.push(
    `mosquitto ${release}: ${run.passed} passed (${run.knownHit.length} of them known differences), ${run.failed.length} failed, ` +
      `${run.notAsserted.length} not asserted (environment or build rejections, listed above)`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
  return run;
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const root = repoRoot();
  const started = Date.now();
  const problem = sandboxProblem();
  if (problem !== null) {
    process.stdout.write(`broker layer: ${problem}\n`);
    return fail();
  }
  if (options.corpus && !fs.existsSync(corpusDir())) {
    process.stdout.write(`broker layer: corpus not found at ${corpusDir()} (expected ../shared next to the repository)\n`);
    return fail();
  }
  const buildProblem = buildBrokers(options.releases);
  if (buildProblem !== null) {
    process.stdout.write(`broker layer: ${buildProblem}\n`);
  }
  const table = loadDirectiveTable();
  const fixtures = makeFixtures();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosq-differential-'));
  const runs: ReleaseRun[] = [];
  try {
    for (const release of options.releases) {
      runs.push(await runRelease(release, options, root, fixtures, table, workDir));
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  const out = [
    '',
    'Broker layer by release:',
    `  ${'release'.padEnd(8)} ${'cases'.padStart(6)} ${'asserted'.padStart(8)} ${'agree'.padStart(6)} ${'rate'.padStart(7)} ${'known'.padStart(5)} ${'failed'.padStart(6)} ${'env/bld'.padStart(7)} ${'time'.padStart(8)}`,
  ];
  let passed = 0;
  let failed = 0;
  for (const run of runs) {
    if (run.problem !== null) {
      out.push(`  ${run.release.padEnd(8)} could not run: ${run.problem}`);
      failed++;
      continue;
    }
    const asserted = run.results.length - run.notAsserted.length;
    const agree = run.results.filter((r) => r.outcome === 'agree').length;
    out.push(
      `  ${run.release.padEnd(8)} ${String(run.results.length).padStart(6)} ${String(asserted).padStart(8)} ${String(agree).padStart(6)} ` +
        `${pct(agree, asserted).padStart(7)} ${String(run.knownHit.length).padStart(5)} ${String(run.failed.length).padStart(6)} ` +
        `${String(run.notAsserted.length).padStart(7)} ${`${(run.totalMs / 1000).toFixed(0)} s`.padStart(8)}`,
    );
    passed += run.passed;
    failed += run.failed.length;
  }
  out.push(`Time: ${((Date.now() - started) / 1000).toFixed(1)} s for ${runs.length} release(s)`);
  out.push(`broker layer: ${passed} passed, ${failed} failed`);
  process.stdout.write(`${out.join('\n')}\n`);

  if (options.jsonOut !== null) {
    const summary = {
      date: new Date().toISOString(),
      totalMs: Date.now() - started,
      jobs: options.jobs,
      releases: runs.map((run) => ({
        broker: run.release,
        executable: run.broker,
        problem: run.problem,
        seed: run.seed,
        count: run.count,
        tableSource: run.tableSource,
        cases: run.results.length,
        passed: run.passed,
        failed: run.failed.length,
        notAsserted: run.notAsserted.length,
        known: run.knownHit.length,
        manifest: run.manifest,
        oracleMs: run.oracleMs,
        lintMs: run.lintMs,
        totalMs: run.totalMs,
        cached: run.cached,
        results: run.results.map((r) => ({
          id: r.id,
          source: r.source,
          label: r.label,
          detail: r.detail,
          outcome: r.outcome,
          known: r.known,
          why: r.why,
          verdict: r.verdict.verdict,
          kind: r.verdict.kind,
          line: r.verdict.line,
          message: r.verdict.message,
          errors: r.errors,
        })),
        notAssertedReasons: Object.fromEntries(run.reasons),
      })),
    };
    fs.writeFileSync(options.jsonOut, `${JSON.stringify(summary, null, 1)}\n`);
  }
  process.stdout.write(`LAYER_RESULT broker ${passed} ${failed}\n`);
  return failed > 0 ? 1 : 0;
}

function fail(): number {
  process.stdout.write('LAYER_RESULT broker 0 1\n');
  return 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stdout.write(`broker layer: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = fail();
  },
);
