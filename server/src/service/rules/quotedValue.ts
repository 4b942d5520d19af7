import { atLeast } from '../version';
import type { Rule } from './rule';
import { atValue, nameOf } from './rule';

/** Quotes around a string value are kept literally by the broker. */
export const quotedValue: Rule = {
  id: 'quoted-value',
  title: 'Quotes around a value',
  check({ model, settings, report }) {
    for (const d of model.order) {
      const mode = d.spec?.valueMode;
      if (mode !== 'string' && mode !== 'raw') {
        continue;
      }
      if (nameOf(d) === 'topic' && atLeast(settings.brokerVersion, '2.1.0')) {
        continue;
      }
      const m = /^(["'])(.*)\1$/.exec(d.value);
      if (m && d.value.length >= 2) {
        report(atValue(d, `The broker keeps quotes as part of the value: '${d.name}' gets ${d.value} including the quotes. Remove them (spaces in the value need no quoting).`, 'warning', { data: { unquoted: m[2] } }));
      }
    }
  },
};
