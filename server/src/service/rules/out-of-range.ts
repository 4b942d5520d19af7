import { directivesWhere } from '../data';
import { RANGE_CHECKS } from '../data/ranges';
import { atLeast } from '../version';
import { atoi } from '../util/numbers';
import type { Directive, Span } from '../parser/parser';
import type { Version } from '../version';
import type { Finding } from '../engine/rule';
import { directiveRule, span } from '../engine/rule';
import { SINCE, integerArguments, nameOf } from '../model/reading';

function describe(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) {
    return `between ${min} and ${max}`;
  }
  return min !== undefined ? `at least ${min}` : `at most ${max ?? 0}`;
}

/** `restart_timeout <base> <cap> [<stable>]`: the cap may not be below the base (1.6+), the stable period not negative (2.1). */
function checkRestartTimeout(d: Directive, version: Version, report: (finding: Finding) => void): void {
  if (!atLeast(version, SINCE.release1_6) || d.args.length < 2) {
    return;
  }
  const at = (i: number): Span => span(d, d.args[i].start, d.args[i].end);
  const base = Math.max(1, atoi(d.args[0].text));
  const cap = atoi(d.args[1].text);
  if (cap < base) {
    report({
      file: d.file,
      at: at(1),
      severity: 'error',
      message: `The backoff cap (${cap}) is lower than the base (${base}) in 'restart_timeout': the broker refuses to start.`,
    });
  }
  if (atLeast(version, SINCE.release2_1) && d.args.length >= 3 && !d.args[2].text.startsWith('#') && atoi(d.args[2].text) < 0) {
    report({
      file: d.file,
      at: at(2),
      severity: 'error',
      message: "The stable period in 'restart_timeout' cannot be negative: the broker refuses to start.",
    });
  }
}

/** A number outside what the broker accepts for this option (per release). */
export default directiveRule({
  id: 'out-of-range',
  directives: directivesWhere((spec) => spec.ranges !== undefined || spec.name === 'restart_timeout'),
  lineLocal: true,
  title: 'Number outside the range the broker accepts',
  check(d, { settings, report }) {
    const version = settings.brokerVersion;
    const name = nameOf(d);
    if (name === 'restart_timeout') {
      checkRestartTimeout(d, version, report);
      return;
    }
    const checks = RANGE_CHECKS[name];
    if (!checks) {
      return;
    }
    for (const arg of integerArguments(d, version)) {
      const value = arg.reading.value;
      if (value === undefined) {
        continue;
      }
      if (name === 'listener' && value === 0 && arg.index === 0) {
        const at = span(d, arg.token.start, arg.token.end);
        const readAs = arg.token.text !== '0' ? `The broker reads '${arg.token.text}' as port 0. ` : '';
        if (!atLeast(version, SINCE.release2_0)) {
          report({
            file: d.file,
            at,
            severity: 'error',
            message: `${readAs}Port 0 is not a valid listener port for this broker version: it refuses to start.`,
          });
        } else if (d.args[1] === undefined || d.args[1].text.startsWith('#')) {
          report({
            file: d.file,
            at,
            severity: 'error',
            message: `${readAs}A listener on port 0 is a unix socket and needs its socket path ('listener 0 /run/mosquitto.sock'): the broker refuses to start.`,
          });
        } else if (settings.platform === 'windows') {
          report({
            file: d.file,
            at,
            severity: 'error',
            message: 'Unix socket listeners (port 0) are not available in released Windows builds: the broker refuses to start.',
          });
        } else {
          // sockaddr_un.sun_path holds 108 bytes on Linux, 104 on macOS, with the final NUL.
          const limit = settings.platform === 'macos' ? 103 : 107;
          const socketPath = d.args[1];
          const bytes = new TextEncoder().encode(socketPath.text).length;
          if (bytes > limit) {
            report({
              file: d.file,
              at: span(d, socketPath.start, socketPath.end),
              severity: 'error',
              message: `The unix socket path is ${bytes} bytes long; the system allows at most ${limit}: the broker refuses to start.`,
            });
          }
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
            at: span(d, arg.token.start, arg.token.end),
            severity: 'error',
            message: `'${d.name}' must be ${describe(check.min, check.max)}${readAs}: the broker refuses to start.`,
          });
        }
      }
    }
  },
});
