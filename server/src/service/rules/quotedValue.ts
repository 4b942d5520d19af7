import { atLeast } from '../version';
import { changedPathIsFatal } from './pathNotFound';
import type { Rule } from './rule';
import { atValue, nameOf, valueModeOf } from './rule';

/** Quotes around a string value are kept literally by the broker. */
export const quotedValue: Rule = {
  id: 'quoted-value',
  title: 'Quotes around a value',
  check({ model, settings, report }) {
    for (const d of model.order) {
      const mode = valueModeOf(d, settings.brokerVersion);
      if (mode !== 'string' && mode !== 'raw') {
        continue;
      }
      if (nameOf(d) === 'topic' && atLeast(settings.brokerVersion, '2.1.0')) {
        continue;
      }
      const m = /^(["'])(.*)\1$/.exec(d.value);
      if (m && d.value.length >= 2) {
        // A quoted path names a file that is never there.
        const fatal = changedPathIsFatal(d, model, settings.brokerVersion, m[2], d.value);
        report(atValue(d, `The broker keeps quotes as part of the value: '${d.name}' gets ${d.value} including the quotes${fatal ? ', does not find that file and refuses to start' : ''}. Remove them (spaces in the value need no quoting).`, fatal ? 'error' : 'warning', { data: { unquoted: m[2] } }));
      }
    }
  },
};
