import { findDirective } from '../data';
import { atLeast } from '../version';
import type { Rule, Severity } from './rule';

/** `key = value`, `key=value` or `key: value`, written as in other config formats. */
export const assignmentSyntax: Rule = {
  id: 'assignment-syntax',
  title: "'key = value' or 'key: value' instead of 'key value'",
  check({ model, report, settings }) {
    for (const d of model.order) {
      const glued = /^([A-Za-z_][A-Za-z0-9_.]*)\s*[=:]/.exec(d.name);
      if (glued && findDirective(glued[1])) {
        report({
          file: d.file,
          range: d.nameRange,
          message: `The broker reads '${d.name}' as one unknown directive and refuses to start. Write '${glued[1]} value', separated by a single space.`,
          severity: 'error',
          data: { key: glued[1] },
        });
        continue;
      }
      const first = d.args[0]?.text;
      if (!d.spec || (first !== '=' && first !== ':')) {
        continue;
      }
      const arg = d.spec.args[0];
      let severity: Severity = 'warning';
      let effect = `the value becomes '${d.value}'`;
      if (arg?.type === 'bool' || arg?.type === 'enum') {
        severity = 'error';
        effect = `'${first}' is not a valid value and the broker refuses to start`;
      } else if (arg?.type === 'int' || arg?.type === 'int64') {
        if (atLeast(settings.brokerVersion, '2.1.0')) {
          severity = 'error';
          effect = `'${first}' is not a number and the broker refuses to start`;
        } else {
          effect = `the broker reads '${first}' as the number 0`;
        }
      }
      report({
        file: d.file,
        range: { start: { line: d.line, character: d.nameRange.end.character }, end: { line: d.line, character: d.args[0].end } },
        message: `mosquitto.conf has no '${first}' between a directive and its value: ${effect}. Write '${d.name} value'.`,
        severity,
        data: { key: d.name },
      });
    }
  },
};
