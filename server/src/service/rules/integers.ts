import { ATOI_IN_2_1 } from '../data/ranges';
import type { Directive, Token } from '../parser/parser';
import type { Version } from '../version';
import type { NumberReading } from '../util/numbers';
import { readInteger } from '../util/numbers';
import { tokensRead } from './extraArguments';
import { nameOf } from './rule';

/** One integer argument of a directive and how the broker reads it. */
export interface IntegerArgument {
  readonly index: number;
  readonly token: Token;
  readonly reading: NumberReading;
}

/** The integer arguments of a directive (the ones the broker reads as numbers). */
export function integerArguments(d: Directive, version: Version): IntegerArgument[] {
  const spec = d.spec;
  if (!spec) {
    return [];
  }
  const name = nameOf(d);
  const atoiOnly = ATOI_IN_2_1.has(name);
  const result: IntegerArgument[] = [];
  const consider = (index: number): void => {
    const token = d.args[index];
    const type = spec.args[index]?.type;
    if (token && (type === 'int' || type === 'int64') && !(index === 0 && (token.text === '=' || token.text === ':'))) {
      result.push({ index, token, reading: readInteger(token.text, version, atoiOnly) });
    }
  };
  if (spec.valueMode === 'token') {
    consider(0);
  } else if (name === 'listener') {
    consider(0);
  } else if (name === 'bridge_tcp_keepalive' || name === 'restart_timeout') {
    // Only the words this release reads (restart_timeout: 1 before 1.6, 2 before 2.1).
    const read = Math.min(spec.args.length, tokensRead(d, version) ?? spec.args.length);
    for (let i = 0; i < read; i++) {
      consider(i);
    }
  }
  return result;
}
