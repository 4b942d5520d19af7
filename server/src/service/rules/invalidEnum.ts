import { ENUM_BUILD_ONLY, ENUM_SOFT_FAILURE, ENUM_VALUE_SINCE, ENUM_VALUE_UNTIL } from '../data/enums';
import { listenerProtocol, listenerUsesTls } from '../model/config';
import type { Directive } from '../parser/parser';
import type { Version } from '../version';
import { atLeast, formatVersion } from '../version';
import type { Rule, Severity } from './rule';
import { nameOf } from './rule';

/** The values of an enum option that a given release accepts. */
export function allowedValues(name: string, values: readonly string[], version: Version): string[] {
  const since = ENUM_VALUE_SINCE[name] ?? {};
  const until = ENUM_VALUE_UNTIL[name] ?? {};
  const buildOnly = ENUM_BUILD_ONLY[name] ?? [];
  return values.filter((value) => {
    if (buildOnly.includes(value)) {
      return false;
    }
    const from = since[value];
    const to = until[value];
    return (from === undefined || atLeast(version, from)) && (to === undefined || !atLeast(version, to));
  });
}

/** The value text the broker compares for an enum option, with its columns. */
function enumValue(d: Directive): { text: string; start: number; end: number } | undefined {
  const mode = d.spec?.valueMode;
  if (mode === 'token' || nameOf(d) === 'log_dest') {
    return d.args[0];
  }
  if (mode === 'string') {
    return d.value.length > 0 ? { text: d.value, start: d.valueRange.start.character, end: d.valueRange.end.character } : undefined;
  }
  if (mode === 'raw') {
    return d.rest.length > 0 ? { text: d.rest, start: d.restStart, end: d.restStart + d.rest.length } : undefined;
  }
  return undefined;
}

/** A value that is not one of the option's keywords (for the selected release). */
export const invalidEnum: Rule = {
  id: 'invalid-enum',
  title: 'Value that is not one of the accepted keywords',
  check({ model, settings, report }) {
    const version = settings.brokerVersion;
    for (const d of model.order) {
      const arg = d.spec?.args[0];
      if (!d.spec || arg?.type !== 'enum' || !arg.values) {
        continue;
      }
      const name = nameOf(d);
      const value = enumValue(d);
      if (!value || value.text === '=' || value.text === ':') {
        continue;
      }
      const allowed = allowedValues(name, arg.values, version);
      if (allowed.includes(value.text)) {
        continue;
      }
      const range = { start: { line: d.line, character: value.start }, end: { line: d.line, character: value.end } };
      const shown = value.text.replace(/\t/g, '\\t');
      const known = arg.values.includes(value.text);
      let severity: Severity = 'error';
      let effect = 'the broker refuses to start';
      if (ENUM_SOFT_FAILURE[name] !== undefined) {
        severity = 'warning';
        effect = ENUM_SOFT_FAILURE[name];
      } else if (name === 'tls_version' && !atLeast(version, '1.6.0')) {
        severity = 'warning';
        effect = 'this broker version ignores it and uses its default TLS versions';
      } else if (name === 'tls_version') {
        const section = model.placements.get(d)?.target;
        if (section && section.kind !== 'global' && !listenerUsesTls(section, version)) {
          // The value is only checked when the listener sets up TLS.
          severity = 'warning';
          effect = 'the broker checks it only on a TLS listener, and this one has no TLS, so it is ignored for now';
        } else if (section && section.kind !== 'global' && listenerProtocol(section) === 'websockets' && !atLeast(version, '2.1.0')) {
          // Before 2.1, libwebsockets sets up TLS for websockets listeners and never reads tls_version.
          severity = 'warning';
          effect = 'websockets listeners of this broker version ignore tls_version, so it has no effect';
        } else {
          effect = 'the broker refuses to start when it opens the listener';
        }
      }
      const why = known
        ? `'${shown}' is not available in mosquitto ${formatVersion(version)}`
        : `'${shown}' is not a valid value for '${d.name}'`;
      report({
        file: d.file,
        range,
        severity,
        message: `${why} (accepted: ${allowed.join(', ')}): ${effect}.`,
        data: { allowed },
      });
    }
  },
};
