import { atLeast, formatVersion } from '../version';
import type { Rule } from './rule';
import { atName } from './rule';

/** Options the selected release does not have yet, or no longer has. */
export const unavailableInVersion: Rule = {
  id: 'unavailable-in-version',
  title: 'Option not available in the selected mosquitto version',
  check({ model, settings, report }) {
    const version = settings.brokerVersion;
    const shown = formatVersion(version);
    for (const d of model.order) {
      const spec = d.spec;
      if (!spec) {
        continue;
      }
      if (!atLeast(version, spec.since)) {
        report(atName(d, `'${d.name}' needs mosquitto ${spec.since} or newer; mosquitto ${shown} does not know it and refuses to start.`, 'error', { data: { since: spec.since } }));
        continue;
      }
      const removed = spec.removed;
      if (removed && atLeast(version, removed.version)) {
        if (removed.kind === 'unknown') {
          report(atName(d, `'${d.name}' was removed in mosquitto ${removed.version}: mosquitto ${shown} does not know it and refuses to start. Delete the line.`, 'error', { data: { removed: removed.version } }));
        } else {
          report(atName(d, `'${d.name}' has no effect since mosquitto ${removed.version}; the broker only prints a warning. Delete the line.`, 'warning', { data: { removed: removed.version } }));
        }
      }
    }
  },
};
