/**
 * Counting work instead of timing it: how much the service's code does for an input, as a
 * number that is the same on every run and every machine, so that growth checks cannot be
 * flaky under load (speed itself is measured by `npm run bench`, never by timed tests).
 *
 * Work is the sum of
 * - V8's block coverage counts (`Profiler.startPreciseCoverage` with `detailed`) over the
 *   compiled service (out/server/src/): every call of a function and every run of a loop
 *   body or branch in our code, callbacks included;
 * - the elements or characters that scanning built-ins walk through when our code calls them
 *   (`indexOf`/`includes`/`lastIndexOf` of arrays and strings up to the hit, the subject of
 *   `split`, `replace`, `match`, `search` and of regular expression `exec`/`test`), which
 *   coverage cannot see: a loop calling `list.includes(x)` on a growing list is quadratic.
 *
 * Backtracking inside one regular expression match is not counted here: `regexBacktracking`
 * runs a workload under V8's backtrack limit instead. That limit covers the expressions V8's
 * linear-time engine can run (not back-references or lookaround; the service's one
 * back-reference, in quoted-value, is anchored at both ends). Quadratic work inside other
 * built-ins (sorting, copying) is not counted either.
 */
import { spawnSync } from 'node:child_process';
import { Session } from 'node:inspector';

let session: Session | undefined;

function post<T>(method: string, params?: object): T {
  let result: T | undefined;
  let failure: Error | null = null;
  // An in-thread session answers synchronously.
  session!.post(method, params, (error, value) => {
    failure = error;
    result = value as T;
  });
  if (failure) {
    throw failure;
  }
  return result as T;
}

interface Coverage {
  result: { url: string; functions: { ranges: { count: number }[] }[] }[];
}

/** The compiled language service and server (what the counts are about). */
export const SERVICE_SCRIPTS = /[\\/]out[\\/]server[\\/]src[\\/]/;

function takeCoverage(scripts: RegExp): number {
  const coverage = post<Coverage>('Profiler.takePreciseCoverage'); // also resets the counters
  let total = 0;
  for (const script of coverage.result) {
    if (!scripts.test(script.url)) {
      continue;
    }
    for (const f of script.functions) {
      for (const range of f.ranges) {
        total += range.count;
      }
    }
  }
  return total;
}

/** Replaces scanning built-ins with counting ones while `run` runs. */
function withScanCounting(run: () => void): number {
  let scanned = 0;
  const restore: (() => void)[] = [];
  const patch = <T extends object>(proto: T, name: string, cost: (self: never, args: unknown[], result: unknown) => number): void => {
    const original = (proto as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
    (proto as Record<string, unknown>)[name] = function (this: never, ...args: unknown[]): unknown {
      const result = original.apply(this, args);
      scanned += cost(this, args, result);
      return result;
    };
    restore.push(() => {
      (proto as Record<string, unknown>)[name] = original;
    });
  };
  const length = (self: { length: number }): number => self.length;
  /** From the start position to the hit, or to the end when there is none. */
  const arrayIndexOf = Array.prototype.indexOf as (this: unknown, x: unknown, from: number) => number;
  const stringIndexOf = String.prototype.indexOf as (this: unknown, x: unknown, from: number) => number;
  const fromStart = (self: { length: number }, args: unknown[]): number => {
    const from = typeof args[1] === 'number' ? Math.max(0, Math.min(self.length, args[1] < 0 ? self.length + args[1] : args[1])) : 0;
    const at = (typeof self === 'string' || self instanceof String ? stringIndexOf : arrayIndexOf).call(self, args[0], from);
    return at >= 0 ? at - from + 1 : self.length - from;
  };
  const originalExec = RegExp.prototype.exec;
  /** A match walks from where it starts (lastIndex for global and sticky expressions) to its end, or to the subject's end. */
  const matchCost = (regex: RegExp, subject: string, start: number, found: RegExpExecArray | null): number =>
    found ? found.index + found[0].length - start + 1 : regex.sticky ? 1 : subject.length - start;
  try {
    patch(Array.prototype, 'indexOf', fromStart);
    patch(Array.prototype, 'lastIndexOf', length);
    patch(Array.prototype, 'includes', fromStart);
    patch(String.prototype, 'indexOf', fromStart);
    patch(String.prototype, 'lastIndexOf', length);
    patch(String.prototype, 'includes', fromStart);
    for (const name of ['split', 'replace', 'replaceAll', 'match', 'matchAll', 'search']) {
      patch(String.prototype, name, length);
    }
    const execCounting = function (this: RegExp, subject: string): RegExpExecArray | null {
      const start = this.global || this.sticky ? this.lastIndex : 0;
      const found = originalExec.call(this, subject);
      scanned += typeof subject === 'string' ? matchCost(this, subject, start, found) : 0;
      return found;
    };
    RegExp.prototype.exec = execCounting;
    // `test` is `exec` that answers true or false (lastIndex moves the same way).
    const originalTest = RegExp.prototype.test;
    RegExp.prototype.test = function (this: RegExp, subject: string): boolean {
      return execCounting.call(this, subject) !== null;
    };
    restore.push(() => {
      RegExp.prototype.exec = originalExec;
      RegExp.prototype.test = originalTest;
    });
    run();
  } finally {
    for (const undo of restore.reverse()) {
      undo();
    }
  }
  return scanned;
}

/** The work `run` does in the service's code (see the file comment); the same on every run. */
export function countWork(run: () => void, scripts: RegExp = SERVICE_SCRIPTS): number {
  if (!session) {
    session = new Session();
    session.connect();
    post('Profiler.enable');
    post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  }
  takeCoverage(scripts);
  const scanned = withScanCounting(run);
  return takeCoverage(scripts) + scanned;
}

export interface WorkRatio {
  readonly small: number;
  readonly large: number;
  readonly ratio: number;
}

/** Work for the large input over work for the small one. */
export function workRatio(small: () => void, large: () => void, scripts: RegExp = SERVICE_SCRIPTS): WorkRatio {
  small(); // compile and warm every path once, outside the counts
  const s = countWork(small, scripts);
  const l = countWork(large, scripts);
  return { small: s, large: l, ratio: l / Math.max(s, 1) };
}

/** Fails when the large input costs more than `bound` times the small one. */
export function assertWorkRatioBelow(what: string, bound: number, small: () => void, large: () => void, note?: (m: string) => void): WorkRatio {
  const r = workRatio(small, large);
  note?.(`${what}: work ${r.small} → ${r.large} (${r.ratio.toFixed(1)}×, bound ${bound}×)`);
  if (r.ratio > bound) {
    throw new Error(`${what}: the work grew ${r.ratio.toFixed(1)}× (${r.small} → ${r.large}), more than ${bound}×: not linear in the input`);
  }
  return r;
}

/**
 * Runs `script` (a compiled test module, with `args`) in a Node.js process where V8 hands a
 * regular expression match to its linear-time engine after `limit` backtracks, and reports
 * every expression that got there (V8 traces each hand-over). Empty: no match backtracked
 * more than `limit` times.
 */
export function regexBacktracking(script: string, args: readonly string[], limit: number): string[] {
  const result = spawnSync(
    process.execPath,
    [
      '--enable-experimental-regexp-engine-on-excessive-backtracks',
      `--regexp-backtracks-before-fallback=${limit}`,
      '--trace-experimental-regexp-engine',
      script,
      ...args,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    throw new Error(`${script} failed (${result.status}): ${result.stderr.slice(-2000)}`);
  }
  return `${result.stdout}${result.stderr}`
    .split('\n')
    .filter((l) => l.startsWith('Experimental execution'))
    .map((l) => l.replace(/0x[0-9a-f]+ /, ''));
}
