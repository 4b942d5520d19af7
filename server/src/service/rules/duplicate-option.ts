import type { Section } from '../model/config';
import type { Directive } from '../parser/parser';
import { atLeast } from '../version';
import { canonicalName } from '../data';
import { basename } from '../util/paths';
import type { LineNumber, RelatedLocation } from '../engine/rule';
import { atName, configurationRule, nameSpan } from '../engine/rule';
import { SINCE, nameOf } from '../model/reading';

/** The same single-valued option twice in one scope (global, one listener, one bridge). */
// Not kept across edits (no `sectionsOnly`): it reads the reading order and placements, lines outside any section included.
export default configurationRule({
  id: 'duplicate-option',
  title: 'The same option twice in one section',
  check({ model, settings, report }) {
    const is21 = atLeast(settings.brokerVersion, SINCE.release2_1);
    // Per section (by identity: one Section object per section), then by canonical name.
    // Nested maps rather than a 'section\0name' string key, which cost a string per line.
    const seen = new Map<Section, Map<string, Directive>>();
    let firstLogFile: Directive | undefined;
    for (const d of model.order) {
      const spec = d.spec;
      const placement = model.placements.get(d);
      if (!spec || !placement?.target) {
        continue;
      }
      const name = nameOf(d);
      if (name === 'log_dest' && d.args[0]?.text === 'file') {
        const first = firstLogFile;
        if (first) {
          report(
            atName(
              d,
              (lineNumber) => `Only one 'log_dest file' is allowed (the first is on line ${lineNumber(first)}${where(first, d)}): the broker refuses to start.`,
              'error',
              { related: [related(first)] },
            ),
          );
        }
        firstLogFile ??= d;
        continue;
      }
      if (spec.duplicate === 'accumulates' || spec.scope === 'structure') {
        continue;
      }
      let inSection = seen.get(placement.target);
      if (!inSection) {
        inSection = new Map<string, Directive>();
        seen.set(placement.target, inSection);
      }
      const key = canonicalName(spec);
      const first = inSection.get(key);
      inSection.set(key, d);
      if (!first) {
        continue;
      }
      const at = (lineNumber: LineNumber): string => `line ${lineNumber(first)}${where(first, d)}`;
      const policy = spec.duplicate;
      const scope = placement.target.kind === 'global' ? 'globally' : `in the same ${placement.target.kind === 'bridge' ? 'bridge' : 'listener'}`;
      const sameName = first.name === d.name ? `'${d.name}'` : `'${d.name}' (the same setting as '${first.name}')`;
      if (policy === 'error' || (policy === 'error-before-2.1' && !is21)) {
        const perListener =
          spec.scope === 'security' && !placement.perListenerSettings && model.listeners.length > 1
            ? ' Security options are global unless per_listener_settings is true.'
            : '';
        report(
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
      } else if (policy === 'error-before-2.1' || name === 'port') {
        report(
          atName(d, (lineNumber) => `${sameName} is already set ${scope} on ${at(lineNumber)}; only this last value is used.`, 'warning', {
            related: [related(first)],
          }),
        );
      } else {
        report(
          atName(d, (lineNumber) => `${sameName} is already set ${scope} on ${at(lineNumber)}; this later value replaces it.`, 'information', {
            related: [related(first)],
          }),
        );
      }
    }
  },
});

function where(first: Directive, current: Directive): string {
  return first.file === current.file ? '' : ` of ${basename(first.file)}`;
}

function related(d: Directive): RelatedLocation {
  return { file: d.file, at: nameSpan(d), message: `first '${d.name}'` };
}
