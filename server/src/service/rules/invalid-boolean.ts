import { atLeast } from '../version';
import { directiveRule, tokenSpan } from '../engine/rule';
import { directivesWhere } from '../data';
import { SINCE } from '../model/reading';

const BOOLEANS = new Set(['true', 'false', '1', '0']);

/** The boolean the value most likely meant. */
export interface BooleanReplacement {
  readonly replacement: string;
}

/** A boolean option with something other than true/false/1/0. */
export default directiveRule<BooleanReplacement>({
  id: 'invalid-boolean',
  directives: directivesWhere((spec) => spec.valueMode === 'token' && spec.args[0]?.type === 'bool'),
  lineLocal: true,
  title: 'Boolean value other than true, false, 1 or 0',
  check(d, { settings, report }) {
    const fatal = atLeast(settings.brokerVersion, SINCE.strictBooleans);
    if (d.spec?.valueMode !== 'token' || d.spec.args[0]?.type !== 'bool') {
      return;
    }
    const token = d.args[0]?.text;
    if (token === undefined || BOOLEANS.has(token) || token === '=' || token === ':') {
      return;
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
      at: tokenSpan(d, 0),
      message: `'${shown}' is not a boolean for '${d.name}' (use true, false, 1 or 0; case matters): ${effect}.`,
      severity: fatal ? 'error' : 'warning',
      data: suggestion ? { replacement: suggestion } : undefined,
    });
  },
  fix({ diagnostic, payload }) {
    return payload
      ? [{ title: `Change to '${payload.replacement}'`, edits: [{ range: diagnostic.range, newText: payload.replacement }], preferred: true }]
      : [];
  },
});
