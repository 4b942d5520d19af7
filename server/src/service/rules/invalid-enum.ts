import { ENUM_SOFT_FAILURE } from '../data/enums';
import { listenerProtocol, listenerUsesTls } from '../model/config';
import { atLeast, formatVersion } from '../version';
import type { Severity } from '../engine/rule';
import { directiveRule, span } from '../engine/rule';
import { SINCE, allowedValues, enumValue, nameOf } from '../model/reading';
import { directivesWhere } from '../data';
import { closestMatches } from '../util/editDistance';
import { replaceWithEach } from '../model/fixSupport';

/** The values the selected release accepts. */
export interface AllowedValues {
  readonly allowed: readonly string[];
}

/** A value that is not one of the option's keywords (for the selected release). */
export default directiveRule<AllowedValues>({
  id: 'invalid-enum',
  directives: directivesWhere((spec) => spec.args[0]?.type === 'enum' && spec.args[0].values !== undefined),
  title: 'Value that is not one of the accepted keywords',
  check(d, context) {
    // The model is read only where it matters (context.model), so lines that do not need it keep their findings across edits.
    const { settings, report } = context;
    const version = settings.brokerVersion;
    const arg = d.spec?.args[0];
    if (!d.spec || arg?.type !== 'enum' || !arg.values) {
      return;
    }
    const name = nameOf(d);
    const value = enumValue(d);
    if (!value || value.text === '=' || value.text === ':') {
      return;
    }
    const allowed = allowedValues(name, arg.values, version);
    if (allowed.includes(value.text)) {
      return;
    }
    const at = span(d, value.start, value.end);
    const shown = value.text.replace(/\t/g, '\\t');
    const known = arg.values.includes(value.text);
    let severity: Severity = 'error';
    let effect = 'the broker refuses to start';
    if (ENUM_SOFT_FAILURE[name] !== undefined) {
      severity = 'warning';
      effect = ENUM_SOFT_FAILURE[name];
    } else if (name === 'tls_version' && !atLeast(version, SINCE.release1_6)) {
      severity = 'warning';
      effect = 'this broker version ignores it and uses its default TLS versions';
    } else if (name === 'tls_version') {
      const section = context.model.placements.get(d)?.target;
      if (section && section.kind !== 'global' && !listenerUsesTls(section, version)) {
        // The value is only checked when the listener sets up TLS.
        severity = 'warning';
        effect = 'the broker checks it only on a TLS listener, and this one has no TLS, so it is ignored for now';
      } else if (section && section.kind !== 'global' && listenerProtocol(section) === 'websockets' && !atLeast(version, SINCE.release2_1)) {
        // Before 2.1, libwebsockets sets up TLS for websockets listeners and never reads tls_version.
        severity = 'warning';
        effect = 'websockets listeners of this broker version ignore tls_version, so it has no effect';
      } else {
        effect = 'the broker refuses to start when it opens the listener';
      }
    }
    const why = known ? `'${shown}' is not available in mosquitto ${formatVersion(version)}` : `'${shown}' is not a valid value for '${d.name}'`;
    report({
      file: d.file,
      at,
      severity,
      message: `${why} (accepted: ${allowed.join(', ')}): ${effect}.`,
      data: { allowed },
    });
  },
  fix({ diagnostic, file, payload }) {
    if (!payload || diagnostic.range.start.line !== diagnostic.range.end.line) {
      return [];
    }
    const value = file.lines[diagnostic.range.start.line].text.slice(diagnostic.range.start.character, diagnostic.range.end.character);
    return replaceWithEach(diagnostic.range, closestMatches(value, payload.allowed));
  },
});
