import { atLeast } from '../version';
import { atoi } from '../util/numbers';
import { directiveRule, tokenSpan } from '../engine/rule';
import { SINCE, nameOf } from '../model/reading';

/**
 * `persistent_client_expiration <n><unit>`: the broker takes the last character as the unit
 * (h, d, w, m, y; s from 2.1.0), reads the rest with atoi and refuses anything that does not
 * come out above zero. A bare number has no unit and is refused.
 */
export default directiveRule({
  id: 'invalid-duration',
  directives: ['persistent_client_expiration'],
  lineLocal: true,
  title: 'Duration without a valid unit or amount',
  check(d, { settings, report }) {
    const units = atLeast(settings.brokerVersion, SINCE.release2_1) ? 'shdwmy' : 'hdwmy';
    if (d.spec?.args[0]?.type !== 'duration' || nameOf(d) !== 'persistent_client_expiration') {
      return;
    }
    const token = d.args[0];
    if (!token) {
      return; // missing-value
    }
    const text = token.text;
    const unit = text.slice(-1);
    const amountText = text.slice(0, -1);
    const at = tokenSpan(d, 0);
    const shown = text.replace(/\t/g, '\\t');
    const accepted = units.split('').join(', ');
    if (!units.includes(unit)) {
      const why =
        unit === 's' ? "the unit 's' (seconds) needs mosquitto 2.1" : /\d/.test(unit) ? 'it has no unit' : `'${unit.replace(/\t/g, '\\t')}' is not a unit`;
      report({
        file: d.file,
        at,
        severity: 'error',
        message: `'${shown}' is not a valid duration: ${why} (write a number followed by one of ${accepted}, e.g. 30d), so the broker refuses to start.`,
      });
      return;
    }
    const amount = atoi(amountText);
    if (amount <= 0) {
      report({
        file: d.file,
        at,
        severity: 'error',
        message: `'${shown}' does not give a duration above zero (the broker reads the amount as ${amount}), so the broker refuses to start.`,
      });
    } else if (!/^\d+$/.test(amountText)) {
      report({
        file: d.file,
        at,
        severity: 'warning',
        message: `The broker reads only the leading digits of '${shown}', so the duration is ${amount}${unit}.`,
      });
    }
  },
});
