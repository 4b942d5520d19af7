import { EMPTY_VALUE_FATAL_SINCE } from '../data/ranges';
import { atLeast } from '../version';
import type { Rule, Severity } from './rule';
import { atName, nameOf } from './rule';

/** A directive whose required value is missing or blank. */
export const missingValue: Rule = {
  id: 'missing-value',
  title: 'Directive without its value',
  check({ model, settings, report }) {
    const version = settings.brokerVersion;
    for (const d of model.order) {
      const spec = d.spec;
      if (!spec || spec.valueMode === 'ignored' || spec.args.length === 0 || !spec.args[0].required) {
        continue;
      }
      const name = nameOf(d);
      let missing: boolean;
      let severity: Severity = 'error';
      let effect = 'the broker refuses to start';
      switch (spec.valueMode) {
        case 'string':
          missing = d.value.length === 0;
          if (missing && d.rest.length > 0 && !atLeast(version, '1.6.9')) {
            severity = 'warning';
            effect = 'this broker version accepts it as an empty value';
          }
          break;
        case 'raw':
          missing = spec.prefix !== undefined ? d.rest.replace(/^[ \t]+/, '').length === 0 : d.rest.length === 0;
          if (missing && name === 'include_dir' && settings.platform === 'windows' && atLeast(version, '1.5.3')) {
            severity = 'warning';
            effect = 'the Windows broker ignores it';
          }
          break;
        default:
          missing = d.args.length === 0;
      }
      if (!missing) {
        continue;
      }
      const fatalSince = EMPTY_VALUE_FATAL_SINCE[name];
      if (fatalSince !== undefined && !atLeast(version, fatalSince)) {
        severity = 'warning';
        effect = 'this broker version logs an error and ignores the line';
      }
      report(atName(d, `'${d.name}' needs a value (${spec.syntax}): ${effect}.`, severity));
    }
  },
};
