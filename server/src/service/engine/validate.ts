import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import type { Directive, ParsedFile, ParsedLine, Span } from '../parser/parser';
import { spanRange, toEditorPosition } from '../parser/parser';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { ConfigModel, Placement, Section } from '../model/config';
import { activeListeners, modelLineage } from '../model/config';
import { nameOf } from '../model/reading';
import { nameRangeIn } from '../model/positions';
import type { ConfigurationRule, DirectiveRule, Finding, LineNumber, Rule, RuleContext, SectionRule, Severity } from './rule';
import { EVERY_DIRECTIVE } from './rule';
import { RULES } from './registry';
import { DIAGNOSTIC_SOURCE, INCLUDED_FILE_ERRORS, SUPPRESSION_COMMENT } from './codes';
import type { AnalysisSettings, FileSystemAccess, PathInfo, RuleSeverity, TlsInspector } from '../types';
import { basename } from '../util/paths';
import { validateCompanionFiles } from './companion';

export { DIAGNOSTIC_SOURCE, INCLUDED_FILE_ERRORS, SUPPRESSION_COMMENT } from './codes';

const SUPPRESSION_PATTERN = new RegExp(`^#\\s*${SUPPRESSION_COMMENT}\\b(.*)$`);

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Diagnostics per file (main file and included files), keyed by the file's id. */
export type DiagnosticsByFile = Map<string, Diagnostic[]>;

/** Rule ids silenced per line (0-based) of one file by suppression comments. */
function suppressions(model: ConfigModel, file: string): Map<number, Set<string>> {
  const result = new Map<number, Set<string>>();
  const parsed = model.files.find((f) => f.uri === file);
  if (!parsed) {
    return result;
  }
  for (let i = 0; i < parsed.lines.length; i++) {
    const line = parsed.lines[i];
    if (line.kind !== 'comment') {
      continue;
    }
    const m = SUPPRESSION_PATTERN.exec(line.text);
    if (m) {
      const ids = m[1].split(/[\s,]+/).filter((id) => id.length > 0);
      result.set(i + 1, new Set(ids.length > 0 ? ids : ['*']));
    }
  }
  return result;
}

function applyOverride(severity: Severity, override: RuleSeverity | undefined): Severity | undefined {
  if (override === undefined) {
    return severity;
  }
  return override === 'off' ? undefined : override;
}

/** Runs every rule on a built configuration and returns LSP diagnostics per file. */
export function validateConfig(model: ConfigModel, settings: AnalysisSettings, fs: FileSystemAccess, cache?: FindingsCache): DiagnosticsByFile {
  const result: DiagnosticsByFile = new Map();
  for (const file of model.files) {
    result.set(file.uri, []);
  }
  const suppressed = new Map<string, Map<number, Set<string>>>();
  const isSuppressed = (file: string, line: number, id: string): boolean => {
    let map = suppressed.get(file);
    if (!map) {
      map = suppressions(model, file);
      suppressed.set(file, map);
    }
    const ids = map.get(line);
    return ids !== undefined && (ids.has(id) || ids.has('*'));
  };
  const positions = positionsOf(model);
  const toDiagnostic = (rule: Rule, finding: Finding<unknown>): void => {
    const severity = applyOverride(finding.severity, settings.rules[rule.id]);
    if (severity === undefined) {
      return;
    }
    const range = positions.range(finding.file, finding);
    if (isSuppressed(finding.file, range.start.line, rule.id)) {
      return;
    }
    const diagnostic: Diagnostic = {
      range,
      severity: SEVERITY[severity],
      code: rule.id,
      source: DIAGNOSTIC_SOURCE,
      message: typeof finding.message === 'string' ? finding.message : finding.message(positions.lineNumber),
    };
    if (finding.tags) {
      diagnostic.tags = [...finding.tags];
    }
    if (finding.related) {
      diagnostic.relatedInformation = finding.related.map((r): DiagnosticRelatedInformation => ({
        location: { uri: r.file, range: positions.range(r.file, r) },
        message: r.message,
      }));
    }
    if (finding.data !== undefined) {
      diagnostic.data = finding.data;
    }
    let list = result.get(finding.file);
    if (!list) {
      list = [];
      result.set(finding.file, list);
    }
    list.push(diagnostic);
  };
  // Findings are kept per rule and listed in table order, whatever order the pass visits them in.
  for (const { rule, findings } of runRules(RULES, model, settings, fs, cache)) {
    for (const finding of findings) {
      toDiagnostic(rule, finding);
    }
  }
  summariseIncludedErrors(model, settings, result);
  validateCompanionFiles(model, settings, fs, result, DIAGNOSTIC_SOURCE);
  mapToEditorLines(model, result);
  for (const list of result.values()) {
    list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
  return result;
}

/**
 * Where findings are: turns spans (line objects + columns) into ranges through the position
 * maps of the model's files, when diagnostics are assembled.
 */
function positionsOf(model: ConfigModel): { range(file: string, where: { readonly at?: Span; readonly range?: Range }): Range; lineNumber: LineNumber } {
  // A file read twice (two include_dir lines naming one folder) has a parse per reading.
  const byUri = new Map<string, ParsedFile[]>();
  for (const file of model.files) {
    const list = byUri.get(file.uri);
    if (list) {
      list.push(file);
    } else {
      byUri.set(file.uri, [file]);
    }
  }
  // Which parse holds a line object: searched file by file while there are few files, else
  // indexed once (a folder read by thousands of include_dir lines must not make this quadratic).
  let owners: Map<Directive | ParsedLine, ParsedFile> | undefined;
  const ownerOf = (at: Directive | ParsedLine): ParsedFile | undefined => {
    if (model.files.length <= 16) {
      return model.files.find((f) => f.positions.has(at));
    }
    if (owners === undefined) {
      owners = new Map();
      for (const file of model.files) {
        for (const line of file.lines) {
          if (!owners.has(line)) {
            owners.set(line, file);
          }
          if (line.directive && !owners.has(line.directive)) {
            owners.set(line.directive, file);
          }
        }
      }
    }
    return owners.get(at);
  };
  const parsed = (uri: string, at: Directive | ParsedLine): ParsedFile => {
    const list = byUri.get(uri);
    const file = list?.length === 1 ? list[0] : ownerOf(at);
    if (file === undefined) {
      throw new Error(`finding in a file that is not part of the configuration: ${uri}`);
    }
    return file;
  };
  return {
    range(file, where) {
      if (where.at !== undefined) {
        return spanRange(parsed(file, where.at.on), where.at);
      }
      if (where.range !== undefined) {
        return where.range;
      }
      throw new Error('finding without a place (neither a span nor a range)');
    },
    lineNumber(at: Directive | ParsedLine) {
      const line = ownerOf(at)?.positions.get(at);
      if (line !== undefined) {
        return line + 1;
      }
      throw new Error('line object not in the configuration');
    },
  };
}

/**
 * Rules work on the broker's lines; editors also break lines at a lone carriage return. Moves
 * every range of files that have such line breaks to the editor's lines.
 */
function mapToEditorLines(model: ConfigModel, result: DiagnosticsByFile): void {
  const byId = new Map(model.files.filter((f) => f.editorLineBreaks.length > 0).map((f) => [f.uri, f]));
  if (byId.size === 0) {
    return;
  }
  const mapRange = (file: ParsedFile, range: Range): Range => ({ start: toEditorPosition(file, range.start), end: toEditorPosition(file, range.end) });
  for (const [id, list] of result) {
    const file = byId.get(id);
    for (const d of list) {
      if (file) {
        d.range = mapRange(file, d.range);
      }
      for (const related of d.relatedInformation ?? []) {
        const target = byId.get(related.location.uri);
        if (target) {
          related.location.range = mapRange(target, related.location.range);
        }
      }
    }
  }
}

function summariseIncludedErrors(model: ConfigModel, settings: AnalysisSettings, result: DiagnosticsByFile): void {
  const severity = applyOverride('error', settings.rules[INCLUDED_FILE_ERRORS]);
  if (severity === undefined) {
    return;
  }
  // The first error of each file, looked up once: thousands of include_dir lines may name one folder.
  const firstErrors = new Map<string, Diagnostic | undefined>();
  const firstError = (file: string): Diagnostic | undefined => {
    if (!firstErrors.has(file)) {
      firstErrors.set(
        file,
        (result.get(file) ?? []).find((x) => x.severity === DiagnosticSeverity.Error),
      );
    }
    return firstErrors.get(file);
  };
  for (const info of model.includes) {
    const broken = info.files.filter((f) => firstError(f) !== undefined);
    if (broken.length === 0) {
      continue;
    }
    const d = info.directive;
    const nameRange = nameRangeIn(model, d);
    const diagnostic: Diagnostic = {
      range: nameRange,
      severity: SEVERITY[severity],
      code: INCLUDED_FILE_ERRORS,
      source: DIAGNOSTIC_SOURCE,
      message: `Included file${broken.length > 1 ? 's' : ''} ${broken.map((f) => `'${basename(f)}'`).join(', ')} ha${broken.length > 1 ? 've' : 's'} errors: the broker refuses to start.`,
      relatedInformation: broken.map((f) => {
        const first = firstError(f);
        return { location: { uri: f, range: first?.range ?? nameRange }, message: typeof first?.message === 'string' ? first.message : 'error' };
      }),
    };
    const list = result.get(d.file);
    list?.push(diagnostic);
    firstErrors.delete(d.file); // it may have just got its first error
  }
}

/** Shared by every line a line-local rule finds nothing on (never written to). */
const NO_FINDINGS: Finding<unknown>[] = [];

/** The findings of the line-local rules on one directive: rule index, findings, rule index, … (only rules that found something). */
type LineFindings = readonly (number | Finding<unknown>[])[];

/** Shared by every directive the line-local rules find nothing on. */
const NO_LINE_FINDINGS: LineFindings = [];

/** What is kept of the directive rules on one directive (see runRules). */
interface LineRecord {
  /** Findings of the rules that need not run again on this directive object. */
  readonly found: LineFindings;
  /** Rules that read the model or files on it: they run on every analysis. */
  readonly again: readonly number[];
  /**
   * Rules that read only the directive's own placement on it (`context.placement(d)`): their
   * findings (`placedFound`) hold while the model is of the lineage they were found in.
   */
  readonly placed: readonly number[];
  readonly placedFound: LineFindings;
  /** The model lineage of `placedFound` (undefined when no rule is in `placed`). */
  readonly lineage: object | undefined;
}

const NO_RULES: readonly number[] = [];

/** Records with no findings, shared by the lists of rules (most lines have one of a few), per model lineage when some rule read a placement. */
const NOTHING_FOUND = new Map<string, LineRecord>();
const NOTHING_FOUND_IN = new WeakMap<object, Map<string, LineRecord>>();

function lineRecord(
  found: LineFindings,
  again: readonly number[] | undefined,
  placed: readonly number[] | undefined,
  placedFound: LineFindings | undefined,
  lineage: object | undefined,
): LineRecord {
  const inLineage = placed === undefined ? undefined : lineage;
  if (found.length > 0 || (placedFound !== undefined && placedFound.length > 0)) {
    return { found, again: again ?? NO_RULES, placed: placed ?? NO_RULES, placedFound: placedFound ?? NO_LINE_FINDINGS, lineage: inLineage };
  }
  let shared = NOTHING_FOUND;
  if (inLineage !== undefined) {
    let map = NOTHING_FOUND_IN.get(inLineage);
    if (map === undefined) {
      map = new Map();
      NOTHING_FOUND_IN.set(inLineage, map);
    }
    shared = map;
  }
  const key = `${again === undefined ? '' : again.join(',')}/${placed === undefined ? '' : placed.join(',')}`;
  let record = shared.get(key);
  if (record === undefined) {
    record = { found, again: again ?? NO_RULES, placed: placed ?? NO_RULES, placedFound: NO_LINE_FINDINGS, lineage: inLineage };
    shared.set(key, record);
  }
  return record;
}

/** The directive rules that inspect a directive: line-local ones and the others, by rule index. */
interface LineRules {
  readonly local: readonly number[];
  readonly other: readonly number[];
}

/** Which directive rules inspect a directive of each name, worked out once per rule table. */
interface Dispatch {
  /** Some rule inspects directives. */
  readonly any: boolean;
  forName(name: string): LineRules;
}

const DISPATCH = new WeakMap<readonly Rule[], Dispatch>();

function dispatchOf(rules: readonly Rule[]): Dispatch {
  let dispatch = DISPATCH.get(rules);
  if (dispatch !== undefined) {
    return dispatch;
  }
  const everyLine: number[] = [];
  const byName = new Map<string, number[]>();
  rules.forEach((rule, index) => {
    if (rule.kind !== 'directive') {
      return;
    }
    if (rule.directives === EVERY_DIRECTIVE) {
      everyLine.push(index);
      return;
    }
    for (const name of rule.directives) {
      const list = byName.get(name);
      if (list) {
        list.push(index);
      } else {
        byName.set(name, [index]);
      }
    }
  });
  const split = (indices: readonly number[]): LineRules => ({
    local: indices.filter((index) => (rules[index] as DirectiveRule<unknown>).lineLocal === true),
    other: indices.filter((index) => (rules[index] as DirectiveRule<unknown>).lineLocal !== true),
  });
  const forEveryLine = split(everyLine);
  const merged = new Map<string, LineRules>();
  dispatch = {
    any: everyLine.length > 0 || byName.size > 0,
    forName(name: string): LineRules {
      let found = merged.get(name);
      if (found === undefined) {
        const named = byName.get(name);
        found = named === undefined ? forEveryLine : split([...everyLine, ...named]);
        merged.set(name, found);
      }
      return found;
    },
  };
  DISPATCH.set(rules, dispatch);
  return dispatch;
}

/** `ofSection` of a configuration rule without `perSection`. */
const NO_SECTION_WORK = (): undefined => undefined;

/** The findings of one rule over one configuration. */
export interface RuleFindings {
  readonly rule: Rule;
  readonly findings: readonly Finding<unknown>[];
}

/**
 * Runs rules over a configuration: directive rules from one pass over the reading order
 * (dispatched by canonical name), section rules once per selected section, configuration
 * rules once. A rule that throws stops being asked for this analysis and gets one finding
 * that names it: a rule bug never takes the whole analysis down.
 */
export function runRules(
  rules: readonly Rule[],
  model: ConfigModel,
  settings: AnalysisSettings,
  files: FileSystemAccess,
  cache?: FindingsCache,
): RuleFindings[] {
  const fs = statOncePerPath(files);
  const kept = cache?.forRun(rules, settings);
  const buckets: Finding<unknown>[][] = rules.map(() => []);
  const failed: boolean[] = rules.map(() => false);
  const placementOf = (d: Directive): Placement | undefined => model.placements.get(d);
  const contexts: RuleContext<unknown>[] = buckets.map((bucket) => ({
    model,
    settings,
    fs,
    placement: placementOf,
    report: (finding) => bucket.push(finding),
  }));
  const fail = (index: number, error: unknown): void => {
    failed[index] = true;
    buckets[index].push({
      file: model.main.uri,
      at: { on: model.main.lines[0], start: 0, end: 0 },
      severity: 'warning',
      message: `Internal error in rule ${rules[index].id}: ${error instanceof Error ? error.message : String(error)}`,
    });
  };
  const guard = (index: number, run: () => void): void => {
    if (failed[index]) {
      return;
    }
    try {
      run();
    } catch (error) {
      fail(index, error);
    }
  };
  // The hot path: no closure per directive and rule.
  const check = (index: number, d: Directive): void => {
    if (failed[index]) {
      return;
    }
    try {
      (rules[index] as DirectiveRule<unknown>).check(d, contexts[index]);
    } catch (error) {
      fail(index, error);
    }
  };
  // The other directive rules may read the model or the file system. Run with a context that
  // notes whether they did: when a rule read neither for a directive, its findings there depend
  // only on the directive and the settings, and are kept like those of line-local rules; when it
  // read only the directive's own placement, they are kept while the model is of this lineage.
  let touched = false;
  let placementRead = false;
  let current: Directive | undefined;
  const lineage = kept === undefined ? undefined : modelLineage(model);
  const tracking: RuleContext<unknown>[] = contexts.map((context) => ({
    get model() {
      touched = true;
      return model;
    },
    get fs() {
      touched = true;
      return fs;
    },
    placement(d: Directive) {
      if (d === current) {
        placementRead = true;
      } else {
        touched = true;
      }
      return model.placements.get(d);
    },
    settings,
    report: context.report,
  }));
  // The directive rules of one directive, run once: what the kept ones found (rule index,
  // findings, rule index, … for the rules that found something) and the rules that must run
  // again on every analysis (they read the model or files); undefined when a rule failed (the
  // next analysis asks them all again).
  const checkOnce = (rulesOfLine: LineRules, d: Directive, keep?: LineRecord): LineRecord | undefined => {
    let found: (number | Finding<unknown>[])[] | undefined;
    let again: number[] | undefined;
    let placed: number[] | undefined;
    let placedFound: (number | Finding<unknown>[])[] | undefined;
    let complete = true;
    current = d;
    const run = (index: number, tracked: boolean): void => {
      if (failed[index]) {
        complete = false;
        return;
      }
      const bucket = buckets[index];
      const before = bucket.length;
      touched = false;
      placementRead = false;
      try {
        (rules[index] as DirectiveRule<unknown>).check(d, tracked ? tracking[index] : contexts[index]);
      } catch (error) {
        fail(index, error);
        complete = false;
        return;
      }
      if (tracked && touched) {
        (again ??= []).push(index);
      } else if (tracked && placementRead) {
        (placed ??= []).push(index);
        if (bucket.length !== before) {
          (placedFound ??= []).push(index, bucket.slice(before));
        }
      } else if (bucket.length !== before) {
        (found ??= []).push(index, bucket.slice(before));
      }
    };
    for (const index of rulesOfLine.local) {
      run(index, false);
    }
    for (const index of rulesOfLine.other) {
      run(index, true);
    }
    current = undefined;
    if (!complete) {
      return undefined;
    }
    if (keep !== undefined) {
      // Only the placement readers were asked again (a model of another lineage): the rest of
      // the record stands.
      const allAgain = again === undefined ? keep.again : [...keep.again, ...again];
      return lineRecord(keep.found, allAgain.length > 0 ? allAgain : undefined, placed, placedFound ?? NO_LINE_FINDINGS, lineage);
    }
    return lineRecord(found ?? NO_LINE_FINDINGS, again, placed, placedFound ?? NO_LINE_FINDINGS, lineage);
  };
  const replay = (known: LineFindings): void => {
    for (let i = 0; i < known.length; i += 2) {
      const index = known[i] as number;
      if (failed[index]) {
        continue;
      }
      const findings = known[i + 1] as Finding<unknown>[];
      const bucket = buckets[index];
      for (let k = 0; k < findings.length; k++) {
        bucket.push(findings[k]);
      }
    }
  };

  // Directive rules: one pass, each directive handed to the rules that name it. With a cache,
  // each rule runs once per directive object and its findings are replayed after, except where
  // it read the model or files (it runs again every time).
  const dispatch = dispatchOf(rules);
  if (dispatch.any) {
    // With a cache: the records of the last pass by position, so that a directive at the same
    // place in the reading order as last time (most of them, in a patched model) costs an
    // identity check instead of a WeakMap lookup.
    const last = kept?.lastPass;
    const lastOrder = last?.order;
    const lastRecords = last?.records;
    const order = model.order;
    const records: (LineRecord | undefined)[] | undefined = kept === undefined ? undefined : new Array<LineRecord | undefined>(order.length);
    for (let at = 0; at < order.length; at++) {
      const d = order[at];
      if (kept && records) {
        const known = lastOrder !== undefined && lastOrder[at] === d ? (lastRecords?.[at] ?? kept.get(d)) : kept.get(d);
        records[at] = known;
        if (known !== undefined) {
          // A kept line needs no dispatch: its record names the rules to ask again.
          replay(known.found);
          if (known.placed.length > 0) {
            if (known.lineage === lineage) {
              replay(known.placedFound);
            } else {
              // Found in a model of another lineage: placements may differ, ask those rules again.
              const record = checkOnce({ local: NO_RULES, other: known.placed }, d, known);
              if (record !== undefined) {
                kept.set(d, record);
              }
              records[at] = record;
            }
          }
          for (const index of known.again) {
            check(index, d);
          }
        } else {
          const record = checkOnce(dispatch.forName(nameOf(d)), d);
          if (record !== undefined) {
            kept.set(d, record);
          }
          records[at] = record;
        }
        continue;
      }
      const rulesOfLine = dispatch.forName(nameOf(d));
      for (const index of rulesOfLine.local) {
        check(index, d);
      }
      for (const index of rulesOfLine.other) {
        check(index, d);
      }
    }
    if (kept && records) {
      kept.lastPass = { order, records };
    }
  }

  // Section rules and configuration rules; the cacheable ones reuse the findings of the last
  // analysis for a section (or a set of sections) whose key did not change.
  let listeners: Section[] | undefined;
  const reuse = (index: number, key: string, run: () => void): void => {
    const store = kept?.keyed(index);
    const known = store?.get(key);
    const bucket = buckets[index];
    if (known !== undefined) {
      for (let i = 0; i < known.length; i++) {
        bucket.push(known[i]);
      }
      return;
    }
    const before = bucket.length;
    run();
    if (store && !failed[index]) {
      store.set(key, bucket.length === before ? NO_FINDINGS : bucket.slice(before));
    }
  };
  let allSections: string | undefined;
  rules.forEach((rule, index) => {
    if (rule.kind === 'section') {
      guard(index, () => {
        const sectionRule = rule as SectionRule<unknown, unknown>;
        const local = kept !== undefined && sectionRule.sectionLocal === true;
        const prepared = sectionRule.prepare?.(contexts[index]);
        const sections = sectionRule.sections === 'bridges' ? model.bridges : (listeners ??= activeListeners(model));
        if (!local) {
          for (const section of sections) {
            sectionRule.check(section, contexts[index], prepared);
          }
          return;
        }
        // The same section object (a patched model keeps untouched sections): the same findings,
        // without working out its key; found by position when it is where it was last time.
        const bySection = kept.perSection(index);
        const last = kept.lastSections(index);
        const found: Finding<unknown>[][] = new Array<Finding<unknown>[]>(sections.length);
        const bucket = buckets[index];
        for (let at = 0; at < sections.length; at++) {
          const section = sections[at];
          const known = last.sections[at] === section ? last.found[at] : (bySection.get(section) as Finding<unknown>[] | undefined);
          if (known !== undefined) {
            for (let i = 0; i < known.length; i++) {
              bucket.push(known[i]);
            }
            found[at] = known;
            continue;
          }
          const before = bucket.length;
          reuse(index, kept.sectionKey(section), () => sectionRule.check(section, contexts[index], prepared));
          const now = bucket.length === before ? NO_FINDINGS : bucket.slice(before);
          bySection.set(section, now);
          found[at] = now;
        }
        kept.setLastSections(index, { sections, found });
      });
    } else if (rule.kind === 'configuration') {
      const configurationRule = rule as ConfigurationRule<unknown, unknown>;
      const perSection = configurationRule.perSection;
      let ofSection: (section: Section) => unknown = NO_SECTION_WORK;
      if (perSection !== undefined) {
        const memo = kept?.perSection(index);
        ofSection = memo
          ? (section) => {
              if (memo.has(section)) {
                return memo.get(section);
              }
              const work = perSection.call(configurationRule, section, contexts[index]);
              memo.set(section, work);
              return work;
            }
          : (section) => perSection.call(configurationRule, section, contexts[index]);
      }
      if (kept !== undefined && configurationRule.sectionsOnly === true) {
        allSections ??= [model.global, model.defaultListener, ...model.listeners, ...model.bridges].map((s) => kept.sectionKey(s)).join(',');
        guard(index, () => reuse(index, allSections ?? '', () => configurationRule.check(contexts[index], ofSection)));
      } else {
        guard(index, () => configurationRule.check(contexts[index], ofSection));
      }
    }
  });
  return rules.map((rule, index) => ({ rule, findings: buckets[index] }));
}

/** A memo of answers by key: `ask` runs for the first question of each key only. */
function once<T>(): (key: string, ask: () => T) => T {
  const answers = new Map<string, T>();
  return (key, ask) => {
    if (answers.has(key)) {
      return answers.get(key) as T;
    }
    const answer = ask();
    answers.set(key, answer);
    return answer;
  };
}

/**
 * Configurations name the same certificate files over and over (every TLS listener): rules
 * ask the file system and the TLS inspector once per path and analysis, not once per line and
 * rule (six TLS rules look at every certificate file a listener names).
 */
function statOncePerPath(fs: FileSystemAccess): FileSystemAccess {
  const stat = once<PathInfo | undefined>();
  return {
    hostPlatform: fs.hostPlatform,
    stat: (path) => stat(path, () => fs.stat(path)),
    readDirectory: (path) => fs.readDirectory(path),
    readFile: (path) => fs.readFile(path),
    ...(fs.tls ? { tls: inspectOncePerPath(fs.tls) } : {}),
  };
}

/** The TLS inspector's answers, once per path (and question) and analysis. */
function inspectOncePerPath(tls: TlsInspector): TlsInspector {
  const inspect = once<ReturnType<TlsInspector['inspect']>>();
  const inspectCaPath = once<ReturnType<TlsInspector['inspectCaPath']>>();
  const userAccess = once<ReturnType<TlsInspector['userAccess']>>();
  const verifyChain = once<ReturnType<TlsInspector['verifyChain']>>();
  return {
    inspect: (path) => inspect(path, () => tls.inspect(path)),
    inspectCaPath: (folder) => inspectCaPath(folder, () => tls.inspectCaPath(folder)),
    userAccess: (path, user) => userAccess(`${user}\0${path}`, () => tls.userAccess(path, user)),
    verifyChain: (certfile, trust) => verifyChain(`${certfile}\0${trust.cafile ?? ''}\0${trust.capath ?? ''}`, () => tls.verifyChain(certfile, trust)),
  };
}

/**
 * Findings kept across analyses of one document: those of line-local directive rules
 * (`lineLocal`) per directive object (the parser reuses the objects of unchanged lines, so an
 * edit re-checks only the lines it touched), and those of section-local section rules and
 * sections-only configuration rules per key of their sections (`sectionKey`). Valid for one
 * rule table and one settings object; anything else starts afresh.
 */
export class FindingsCache {
  private rules: readonly Rule[] | undefined;
  /** The settings of the last run, as text: callers may build an equal settings object per run. */
  private settings: string | undefined;
  private store = new RunStore();
  /** The section model of the last analysis with this cache (`analyze` patches it: model/config.ts updateConfig). */
  model: ConfigModel | undefined;

  /** The store for one run (emptied when the rules or the settings are not the last ones). */
  forRun(rules: readonly Rule[], settings: AnalysisSettings): RunStore {
    const key = JSON.stringify(settings);
    if (rules !== this.rules || key !== this.settings) {
      this.rules = rules;
      this.settings = key;
      this.store = new RunStore();
    } else {
      this.store.startRun();
    }
    return this.store;
  }
}

const NO_SECTIONS_RUN = { sections: [], found: [] };

/** One cache's findings for one rule table and settings (see FindingsCache). */
class RunStore {
  private readonly byDirective = new WeakMap<Directive, LineRecord>();
  /** Per rule index: findings by key from the last run, and those used in this run. */
  private last = new Map<number, Map<string, Finding<unknown>[]>>();
  private current = new Map<number, Map<string, Finding<unknown>[]>>();
  /**
   * Per rule index: a configuration rule's `perSection` work, or a section-local section rule's
   * findings, by section object.
   */
  private readonly sectionWork = new Map<number, WeakMap<Section, unknown>>();

  /** The directives of the last pass over the reading order and their records, by position. */
  lastPass: { readonly order: readonly Directive[]; readonly records: readonly (LineRecord | undefined)[] } | undefined;

  /** Per section rule: the sections of its last run and their findings, by position. */
  private readonly sectionsRun = new Map<number, { readonly sections: readonly Section[]; readonly found: readonly Finding<unknown>[][] }>();

  lastSections(index: number): { readonly sections: readonly Section[]; readonly found: readonly Finding<unknown>[][] } {
    return this.sectionsRun.get(index) ?? NO_SECTIONS_RUN;
  }

  setLastSections(index: number, run: { readonly sections: readonly Section[]; readonly found: readonly Finding<unknown>[][] }): void {
    this.sectionsRun.set(index, run);
  }

  /** The kept per-section work (or section-local findings) of one rule. */
  perSection(index: number): WeakMap<Section, unknown> {
    let memo = this.sectionWork.get(index);
    if (memo === undefined) {
      memo = new WeakMap();
      this.sectionWork.set(index, memo);
    }
    return memo;
  }

  get(d: Directive): LineRecord | undefined {
    return this.byDirective.get(d);
  }

  set(d: Directive, findings: LineRecord): void {
    this.byDirective.set(d, findings);
  }

  /** Keys not used by the last run are dropped: an edited document does not grow the cache. */
  startRun(): void {
    let used = 0;
    for (const keys of this.current.values()) {
      used = Math.max(used, keys.size);
    }
    this.last = this.current;
    this.current = new Map();
    // Every edit of a section adds a key: forget them all once they far outnumber the sections
    // (the next run then finds nothing kept, as after a change of settings).
    if (this.interned.size > 4 * used + 1000) {
      this.interned = new Map();
      this.sectionKeys = new WeakMap();
      this.last = new Map();
    }
  }

  /** The findings by key of one rule: a lookup falls back to the last run's findings. */
  keyed(index: number): { get(key: string): Finding<unknown>[] | undefined; set(key: string, findings: Finding<unknown>[]): void } {
    let now = this.current.get(index);
    if (!now) {
      now = new Map();
      this.current.set(index, now);
    }
    const current = now;
    const last = this.last.get(index);
    return {
      get: (key) => {
        const found = current.get(key) ?? last?.get(key);
        if (found !== undefined) {
          current.set(key, found);
        }
        return found;
      },
      set: (key, findings) => void current.set(key, findings),
    };
  }

  /**
   * Everything a section-local finding may depend on (the section's fields and entry objects),
   * as a short key: sections with the same fields and entries get the same number. A built
   * section never changes (a patched model copies the sections it changes), so the fields are
   * read once per section object.
   */
  sectionKey(section: Section): string {
    let key = this.sectionKeys.get(section);
    if (key === undefined) {
      const full = this.computeSectionKey(section);
      key = this.interned.get(full);
      if (key === undefined) {
        key = String(this.nextKey++);
        this.interned.set(full, key);
      }
      this.sectionKeys.set(section, key);
    }
    return key;
  }

  /** Section object -> short key. */
  private sectionKeys = new WeakMap<Section, string>();
  /** Full section key -> short key; started again when it holds many more keys than a run uses. */
  private interned = new Map<string, string>();
  private nextKey = 1;

  private computeSectionKey(section: Section): string {
    // A directive's serial names the object, not only its text.
    const id = (d: Directive | undefined): number => (d === undefined ? 0 : d.serial);
    return JSON.stringify([
      section.kind,
      section.id,
      id(section.header),
      section.port,
      section.address,
      section.name,
      section.explicit,
      section.entries.map(id),
    ]);
  }
}
