import type { ConfigModel } from '../model/config';
import { lineIn } from '../model/positions';
import type { Directive } from '../parser/parser';
import { atLeast } from '../version';
import { canonicalName } from '../data';
import { basename } from '../util/paths';
import type { Finding, LineNumber, RelatedLocation } from '../engine/rule';
import { atName, configurationRule, nameSpan } from '../engine/rule';
import { SINCE, nameOf } from '../model/reading';

/** What duplicate-option finds in one section: its findings, and its 'log_dest file' lines. */
interface SectionDuplicates {
  readonly findings: readonly Finding<undefined>[];
  readonly logFiles: readonly Directive[];
}

/** The same single-valued option twice in one scope (global, one listener, one bridge). */
// Duplicates within a section are found per section (kept across edits for untouched sections);
// only 'log_dest file' is compared across sections.
export default configurationRule<undefined, SectionDuplicates>({
  id: 'duplicate-option',
  title: 'The same option twice in one section',
  perSection(section, { model, settings }) {
    const is21 = atLeast(settings.brokerVersion, SINCE.release2_1);
    const found: Finding<undefined>[] = [];
    const logFiles: Directive[] = [];
    const inSection = new Map<string, Directive>();
    for (const d of section.entries) {
      const spec = d.spec;
      if (!spec) {
        continue;
      }
      if (nameOf(d) === 'log_dest' && d.args[0]?.text === 'file') {
        logFiles.push(d);
        continue;
      }
      if (spec.duplicate === 'accumulates' || spec.scope === 'structure') {
        continue;
      }
      const key = canonicalName(spec);
      const first = inSection.get(key);
      inSection.set(key, d);
      if (!first) {
        continue;
      }
      const placement = model.placements.get(d);
      const at = (lineNumber: LineNumber): string => `line ${lineNumber(first)}${where(first, d)}`;
      const policy = spec.duplicate;
      const scope = section.kind === 'global' ? 'globally' : `in the same ${section.kind === 'bridge' ? 'bridge' : 'listener'}`;
      const sameName = first.name === d.name ? `'${d.name}'` : `'${d.name}' (the same setting as '${first.name}')`;
      if (policy === 'error' || (policy === 'error-before-2.1' && !is21)) {
        const perListener =
          spec.scope === 'security' && !placement?.perListenerSettings && model.listeners.length > 1
            ? ' Security options are global unless per_listener_settings is true.'
            : '';
        found.push(
          atName(
            d,
            (lineNumber) =>
              `${sameName} is already set ${scope} on ${at(lineNumber)}: the broker refuses to start (values cannot be overridden).${perListener}`,
            'error',
            {
              related: [related(first)],
            },
          ),
        );
      } else if (policy === 'error-before-2.1' || nameOf(d) === 'port') {
        found.push(
          atName(d, (lineNumber) => `${sameName} is already set ${scope} on ${at(lineNumber)}; only this last value is used.`, 'warning', {
            related: [related(first)],
          }),
        );
      } else {
        found.push(
          atName(d, (lineNumber) => `${sameName} is already set ${scope} on ${at(lineNumber)}; this later value replaces it.`, 'information', {
            related: [related(first)],
          }),
        );
      }
    }
    return found.length === 0 && logFiles.length === 0 ? NOTHING : { findings: found, logFiles };
  },
  check({ model, report }, ofSection) {
    const findings: Finding<undefined>[] = [];
    const logFiles: Directive[] = [];
    let parts = 0;
    let logParts = 0;
    for (const section of [model.global, model.defaultListener, ...model.listeners, ...model.bridges]) {
      const work = ofSection(section);
      // One push per item: a spread of a section's list would overflow the stack for a huge section.
      if (work.findings.length > 0) {
        parts++;
        for (const finding of work.findings) {
          findings.push(finding);
        }
      }
      if (work.logFiles.length > 0) {
        logParts++;
        for (const d of work.logFiles) {
          logFiles.push(d);
        }
      }
    }
    // Findings in reading order, as a pass over the lines would report them (the first error
    // of an included file is the one its include_dir line names).
    const inReadingOrder = readingOrder(model);
    if (logParts > 1) {
      logFiles.sort((a, b) => inReadingOrder(a, b));
    }
    const first = logFiles[0];
    for (let i = 1; i < logFiles.length; i++) {
      const d = logFiles[i];
      findings.push(
        atName(
          d,
          (lineNumber) => `Only one 'log_dest file' is allowed (the first is on line ${lineNumber(first)}${where(first, d)}): the broker refuses to start.`,
          'error',
          { related: [related(first)] },
        ),
      );
    }
    if (parts > 1 || (parts > 0 && logFiles.length > 1)) {
      findings.sort((a, b) => inReadingOrder(a.at?.on as Directive, b.at?.on as Directive));
    }
    for (const finding of findings) {
      report(finding);
    }
  },
});

const NOTHING: SectionDuplicates = { findings: [], logFiles: [] };

/** Compares two directives of the configuration by reading order (file reading, then line). */
function readingOrder(model: ConfigModel): (a: Directive, b: Directive) => number {
  const position = new Map<Directive, number>();
  const of = (d: Directive): number => {
    let at = position.get(d);
    if (at === undefined) {
      const file = model.files.findIndex((f) => f.uri === d.file && f.positions.has(d));
      at = file * 2 ** 32 + lineIn(model, d);
      position.set(d, at);
    }
    return at;
  };
  return (a, b) => of(a) - of(b);
}

function where(first: Directive, current: Directive): string {
  return first.file === current.file ? '' : ` of ${basename(first.file)}`;
}

function related(d: Directive): RelatedLocation {
  return { file: d.file, at: nameSpan(d), message: `first '${d.name}'` };
}
