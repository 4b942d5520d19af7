import { atLeast } from '../version';
import { directiveRule, span } from '../engine/rule';
import { SINCE, integerArguments } from '../model/reading';
import { directivesWhere } from '../data';

/** Text where a number belongs: 2.1 refuses it, older brokers quietly read a number out of it. */
export default directiveRule({
  id: 'invalid-number',
  directives: directivesWhere((spec) => spec.args.some((arg) => arg.type === 'int' || arg.type === 'int64')),
  lineLocal: true,
  title: 'Value that is not a whole number',
  check(d, { settings, report }) {
    const strict = atLeast(settings.brokerVersion, SINCE.release2_1);
    for (const { token, reading } of integerArguments(d, settings.brokerVersion)) {
      const at = span(d, token.start, token.end);
      const shown = token.text.replace(/\t/g, '\\t');
      if (reading.status === 'invalid') {
        report({ file: d.file, at, severity: 'error', message: `'${shown}' is not a whole number: this broker version refuses to start.` });
      } else if (reading.status === 'overflow') {
        report({
          file: d.file,
          at,
          severity: 'error',
          message: `'${shown}' is too large for a number here (the limit is 2147483647): the broker refuses to start.`,
        });
      } else if (reading.status === 'lenient') {
        const note = strict ? '' : ' mosquitto 2.1 refuses this.';
        report({
          file: d.file,
          at,
          severity: 'warning',
          message: `'${shown}' is not a clean whole number: this broker version reads it as ${reading.value ?? 0}.${note}`,
        });
      } else if (reading.status === 'octal') {
        report({
          file: d.file,
          at,
          severity: 'warning',
          message: `A leading zero makes the broker read '${shown}' as an octal number (${reading.value ?? 0}). Remove the leading zero if you meant decimal.`,
        });
      }
    }
  },
});
