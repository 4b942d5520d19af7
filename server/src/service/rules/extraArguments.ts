import type { Directive } from '../parser/parser';
import { atLeast } from '../version';
import type { Version } from '../version';
import type { Rule } from './rule';
import { nameOf, valueModeOf } from './rule';

/** Bridge string options that 1.4.0-1.4.8 cut at the first space (later releases read the rest of the line). */
const FIRST_TOKEN_BEFORE_1_4_9: ReadonlySet<string> = new Set([
  'bridge_cafile', 'bridge_capath', 'bridge_certfile', 'bridge_keyfile', 'bridge_identity', 'bridge_psk',
  'bridge_tls_version', 'clientid', 'remote_clientid', 'local_clientid', 'local_password', 'local_username',
  'password', 'remote_password',
]);

/** How many space-separated tokens the broker reads for a directive (undefined: the rest of the line). */
export function tokensRead(d: Directive, version: Version): number | undefined {
  const spec = d.spec;
  if (!spec) {
    return undefined;
  }
  const name = nameOf(d);
  if ((name === 'username' || name === 'remote_username') && !atLeast(version, '1.5.6')) {
    return 1;
  }
  if (FIRST_TOKEN_BEFORE_1_4_9.has(name) && !atLeast(version, '1.4.9')) {
    return 1;
  }
  if (name === 'log_dest') {
    return d.args[0]?.text === 'file' ? undefined : 1;
  }
  switch (valueModeOf(d, version)) {
    case 'token':
      return 1;
    case 'tokens':
      if (name === 'listener') {
        return atLeast(version, '1.5.0') ? 2 : undefined;
      }
      if (name === 'restart_timeout') {
        return atLeast(version, '2.1.0') ? 3 : atLeast(version, '1.6.0') ? 2 : 1;
      }
      if (name === 'bridge_tcp_keepalive') {
        return 3;
      }
      if (name === 'topic') {
        return 5;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Tokens after the value that the broker never reads (e.g. `log_dest stdout stderr`). */
export const extraArguments: Rule = {
  id: 'extra-arguments',
  title: 'Words after the value that the broker ignores',
  check({ model, settings, report }) {
    for (const d of model.order) {
      const read = tokensRead(d, settings.brokerVersion);
      if (read === undefined || d.args.length <= read) {
        continue;
      }
      const extra = d.args[read];
      if (d.args.slice(0, read + 1).some((t) => t.text.startsWith('#'))) {
        continue; // a comment (e.g. 'listener 1883 # plain'): reported by trailing-comment
      }
      if (nameOf(d) === 'topic' && d.args.length > 2) {
        continue; // checked by bridge-topic
      }
      const last = d.args[d.args.length - 1];
      const ignored = d.args.slice(read).map((t) => t.text).join(' ');
      report({
        file: d.file,
        range: { start: { line: d.line, character: extra.start }, end: { line: d.line, character: last.end } },
        severity: 'warning',
        message: `The broker reads only ${read === 1 ? 'one value' : `${read} values`} for '${d.name}' and silently ignores '${ignored}'.${read === 1 && ['log_dest', 'log_type'].includes(nameOf(d)) ? ` Put each ${nameOf(d)} on its own line.` : ''}`,
      });
    }
  },
};
