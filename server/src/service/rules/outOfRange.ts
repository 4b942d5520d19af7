import { RANGE_CHECKS } from '../data/ranges';
import { atLeast } from '../version';
import type { Rule } from './rule';
import { nameOf } from './rule';
import { integerArguments } from './integers';

function describe(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) {
    return `between ${min} and ${max}`;
  }
  return min !== undefined ? `at least ${min}` : `at most ${max ?? 0}`;
}

/** A number outside what the broker accepts for this option (per release). */
export const outOfRange: Rule = {
  id: 'out-of-range',
  title: 'Number outside the range the broker accepts',
  check({ model, settings, report }) {
    const version = settings.brokerVersion;
    for (const d of model.order) {
      const name = nameOf(d);
      const checks = RANGE_CHECKS[name];
      if (!checks) {
        continue;
      }
      for (const arg of integerArguments(d, version)) {
        const value = arg.reading.value;
        if (value === undefined) {
          continue;
        }
        if (name === 'listener' && value === 0 && arg.index === 0) {
          const range = { start: { line: d.line, character: arg.token.start }, end: { line: d.line, character: arg.token.end } };
          const readAs = arg.token.text !== '0' ? `The broker reads '${arg.token.text}' as port 0. ` : '';
          if (!atLeast(version, '2.0.0')) {
            report({ file: d.file, range, severity: 'error', message: `${readAs}Port 0 is not a valid listener port for this broker version: it refuses to start.` });
          } else if (d.args[1] === undefined || d.args[1].text.startsWith('#')) {
            report({ file: d.file, range, severity: 'error', message: `${readAs}A listener on port 0 is a unix socket and needs its socket path ('listener 0 /run/mosquitto.sock'): the broker refuses to start.` });
          } else if (settings.platform === 'windows') {
            report({ file: d.file, range, severity: 'error', message: 'Unix socket listeners (port 0) are not available in released Windows builds: the broker refuses to start.' });
          }
          continue;
        }
        for (const check of checks) {
          if ((check.arg ?? 0) !== arg.index || !atLeast(version, check.from) || (check.until !== undefined && atLeast(version, check.until))) {
            continue;
          }
          if ((check.min !== undefined && value < check.min) || (check.max !== undefined && value > check.max)) {
            const readAs = String(value) !== arg.token.text ? ` (the broker reads '${arg.token.text}' as ${value})` : '';
            report({
              file: d.file,
              range: { start: { line: d.line, character: arg.token.start }, end: { line: d.line, character: arg.token.end } },
              severity: 'error',
              message: `'${d.name}' must be ${describe(check.min, check.max)}${readAs}: the broker refuses to start.`,
            });
          }
        }
      }
    }
  },
};
