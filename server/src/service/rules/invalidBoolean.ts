import { atLeast } from '../version';
import type { Rule } from './rule';
import { tokenRange } from './rule';

const BOOLEANS = new Set(['true', 'false', '1', '0']);

/** A boolean option with something other than true/false/1/0. */
export const invalidBoolean: Rule = {
  id: 'invalid-boolean',
  title: 'Boolean value other than true, false, 1 or 0',
  check({ model, settings, report }) {
    const fatal = atLeast(settings.brokerVersion, '1.5.4');
    for (const d of model.order) {
      if (d.spec?.valueMode !== 'token' || d.spec.args[0]?.type !== 'bool') {
        continue;
      }
      const token = d.args[0]?.text;
      if (token === undefined || BOOLEANS.has(token) || token === '=' || token === ':') {
        continue;
      }
      const shown = token.replace(/\t/g, '\\t');
      const lower = token.trim().toLowerCase();
      const suggestion = ['yes', 'on', 'true', 'enabled', 'enable'].includes(lower)
        ? 'true'
        : ['no', 'off', 'false', 'disabled', 'disable'].includes(lower)
          ? 'false'
          : undefined;
      const effect = fatal ? 'the broker refuses to start' : 'this broker version logs an error and keeps the previous value';
      report({
        file: d.file,
        range: tokenRange(d, 0),
        message: `'${shown}' is not a boolean for '${d.name}' (use true, false, 1 or 0; case matters): ${effect}.`,
        severity: fatal ? 'error' : 'warning',
        data: suggestion ? { replacement: suggestion } : undefined,
      });
    }
  },
};
