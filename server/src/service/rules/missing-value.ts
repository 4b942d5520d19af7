import { EMPTY_VALUE_FATAL_SINCE } from '../data/ranges';
import { atLeast } from '../version';
import type { Severity } from '../engine/rule';
import { atName, directiveRule } from '../engine/rule';
import { SINCE, nameOf, valueModeOf } from '../model/reading';
import { KNOWN_DIRECTIVES } from '../data';

/** A directive whose required value is missing or blank. */
export default directiveRule({
  id: 'missing-value',
  directives: KNOWN_DIRECTIVES,
  lineLocal: true,
  title: 'Directive without its value',
  check(d, { settings, report }) {
    const version = settings.brokerVersion;
    const spec = d.spec;
    if (spec && nameOf(d) === 'log_dest' && d.args[0]?.text === 'file') {
      const path = d.rest.slice(d.args[0].end - d.restStart).replace(/^[ \t]+/, '');
      if (path.length === 0) {
        report(atName(d, "'log_dest file' needs the path of the log file: the broker refuses to start.", 'error'));
      }
      return;
    }
    if (!spec || spec.valueMode === 'ignored' || spec.args.length === 0 || !spec.args[0].required) {
      return;
    }
    const name = nameOf(d);
    let missing: boolean;
    let severity: Severity = 'error';
    let effect = 'the broker refuses to start';
    switch (valueModeOf(d, version)) {
      case 'string':
        missing = d.value.length === 0;
        if (missing && d.rest.length > 0 && !atLeast(version, SINCE.trimmedStrings)) {
          severity = 'warning';
          effect = 'this broker version accepts it as an empty value';
        }
        break;
      case 'raw':
        missing = spec.prefix !== undefined ? d.rest.replace(/^[ \t]+/, '').length === 0 : d.rest.length === 0;
        if (missing && name === 'include_dir' && settings.platform === 'windows' && atLeast(version, SINCE.windowsEmptyIncludeDir)) {
          severity = 'warning';
          effect = 'the Windows broker ignores it';
        }
        break;
      default:
        missing = d.args.length === 0;
    }
    if (!missing) {
      return;
    }
    const fatalSince = EMPTY_VALUE_FATAL_SINCE[name];
    if (fatalSince !== undefined && !atLeast(version, fatalSince)) {
      severity = 'warning';
      effect = 'this broker version logs an error and ignores the line';
    }
    report(atName(d, `'${d.name}' needs a value (${spec.syntax}): ${effect}.`, severity));
  },
});
