import { findDirective } from '../data';
import { atLeast } from '../version';
import { PATH_OPTIONS } from '../data/paths';
import { RANGE_CHECKS } from '../data/ranges';
import type { Directive } from '../parser/parser';
import { lineOf } from '../parser/parser';
import type { Version } from '../version';
import type { Severity } from '../engine/rule';
import { EVERY_DIRECTIVE, directiveRule, nameSpan, span } from '../engine/rule';
import { SINCE, nameOf } from '../model/reading';
import { changedPathIsFatal } from '../model/paths';

/** Whether a release before 2.1, reading '=' as 0 with atoi, refuses 0 for this option. */
function zeroRefused(d: Directive, version: Version): boolean {
  const name = nameOf(d);
  if (name === 'listener') {
    // Port 0 is a unix socket from 2.0 and then takes the next word as its path.
    return !atLeast(version, SINCE.release2_0) || d.args.length < 2;
  }
  return (RANGE_CHECKS[name] ?? []).some(
    (check) =>
      (check.arg ?? 0) === 0 &&
      atLeast(version, check.from) &&
      (check.until === undefined || !atLeast(version, check.until)) &&
      ((check.min !== undefined && check.min > 0) || (check.max !== undefined && check.max < 0)),
  );
}

/** The key as written before the '=' or ':'. */
export interface AssignmentKey {
  readonly key: string;
}

/** `key = value`, `key=value` or `key: value`, written as in other config formats. */
export default directiveRule<AssignmentKey>({
  id: 'assignment-syntax',
  directives: EVERY_DIRECTIVE,
  title: "'key = value' or 'key: value' instead of 'key value'",
  check(d, context) {
    // The model is read only where it matters (context.model), so lines that do not need it keep their findings across edits.
    const { report, settings } = context;
    // Most names have neither '=' nor ':': no need to run the pattern on them.
    const glued = d.name.includes('=') || d.name.includes(':') ? /^([A-Za-z_][A-Za-z0-9_.]*)\s*[=:]/.exec(d.name) : null;
    if (glued && findDirective(glued[1])) {
      report({
        file: d.file,
        at: nameSpan(d),
        message: `The broker reads '${d.name}' as one unknown directive and refuses to start. Write '${glued[1]} value', separated by a single space.`,
        severity: 'error',
        data: { key: glued[1] },
      });
      return;
    }
    const first = d.args[0]?.text;
    if (!d.spec || (first !== '=' && first !== ':')) {
      return;
    }
    const arg = d.spec.args[0];
    let severity: Severity = 'warning';
    let effect = `the value becomes '${d.value}'`;
    const intended = d.value.replace(/^[=:]\s*/, '');
    if (PATH_OPTIONS[nameOf(d)] && changedPathIsFatal(d, context.model, settings.brokerVersion, intended, d.value)) {
      // '= /etc/x' is a relative path starting with a folder named '='; it is never there.
      severity = 'error';
      effect = `the broker uses the path '${d.value}', which does not exist, and refuses to start`;
    } else if (arg?.type === 'bool' || arg?.type === 'enum') {
      severity = 'error';
      effect = `'${first}' is not a valid value and the broker refuses to start`;
    } else if (arg?.type === 'int' || arg?.type === 'int64') {
      if (atLeast(settings.brokerVersion, SINCE.release2_1)) {
        severity = 'error';
        effect = `'${first}' is not a number and the broker refuses to start`;
      } else if (zeroRefused(d, settings.brokerVersion)) {
        severity = 'error';
        effect = `the broker reads '${first}' as the number 0, which '${d.name}' does not accept, so it refuses to start`;
      } else {
        effect = `the broker reads '${first}' as the number 0`;
      }
    }
    report({
      file: d.file,
      at: span(d, d.nameEnd, d.args[0].end),
      message: `mosquitto.conf has no '${first}' between a directive and its value: ${effect}. Write '${d.name} value'.`,
      severity,
      data: { key: d.name },
    });
  },
  fix({ directive, file }) {
    if (!directive) {
      return [];
    }
    const start = directive.nameStart;
    const text = directive.text;
    const m = /^([A-Za-z_][A-Za-z0-9_.]*)[ \t]*[=:][ \t]*/.exec(text.slice(start));
    if (!m) {
      return [];
    }
    const hasValue = text.length > start + m[0].length;
    const line = lineOf(file, directive);
    return [
      {
        title: `Write '${m[1]} value'`,
        edits: [{ range: { start: { line, character: start }, end: { line, character: start + m[0].length } }, newText: hasValue ? `${m[1]} ` : m[1] }],
        preferred: true,
      },
    ];
  },
});
