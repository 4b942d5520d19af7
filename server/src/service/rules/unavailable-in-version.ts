import { atLeast, formatVersion } from '../version';
import { atName, directiveRule } from '../engine/rule';
import { KNOWN_DIRECTIVES } from '../data';

/** The release that added or removed the option. */
export interface Availability {
  readonly since?: string;
  readonly removed?: string;
}

/** Options the selected release does not have yet, or no longer has. */
export default directiveRule<Availability>({
  id: 'unavailable-in-version',
  directives: KNOWN_DIRECTIVES,
  lineLocal: true,
  title: 'Option not available in the selected mosquitto version',
  check(d, { settings, report }) {
    const version = settings.brokerVersion;
    const shown = formatVersion(version);
    const spec = d.spec;
    if (!spec) {
      return;
    }
    if (!atLeast(version, spec.since)) {
      report(
        atName(d, `'${d.name}' needs mosquitto ${spec.since} or newer; mosquitto ${shown} does not know it and refuses to start.`, 'error', {
          data: { since: spec.since },
        }),
      );
      return;
    }
    const removed = spec.removed;
    if (removed && atLeast(version, removed.version)) {
      if (removed.kind === 'unknown') {
        report(
          atName(
            d,
            `'${d.name}' was removed in mosquitto ${removed.version}: mosquitto ${shown} does not know it and refuses to start. Delete the line.`,
            'error',
            { data: { removed: removed.version } },
          ),
        );
      } else {
        report(
          atName(d, `'${d.name}' has no effect since mosquitto ${removed.version}; the broker only prints a warning. Delete the line.`, 'warning', {
            data: { removed: removed.version },
          }),
        );
      }
    }
  },
});
