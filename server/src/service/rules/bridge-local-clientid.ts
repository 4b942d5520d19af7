import { lastEntry } from '../model/config';
import type { Section } from '../model/config';
import { atLeast } from '../version';
import { atName, configurationRule } from '../engine/rule';
import { SINCE } from '../model/reading';

/** Since 1.5 every bridge needs its own local client id. */
export default configurationRule({
  id: 'bridge-local-clientid',
  title: 'Two bridges with the same local client id',
  sectionsOnly: true,
  check({ model, settings, report }) {
    if (!atLeast(settings.brokerVersion, SINCE.release1_5)) {
      return;
    }
    const seen = new Map<string, Section>();
    for (const bridge of model.bridges) {
      if (bridge.name === undefined || !bridge.header) {
        continue;
      }
      const local = lastEntry(bridge, 'local_clientid')?.value;
      const remote = lastEntry(bridge, 'remote_clientid')?.value ?? `<hostname>.${bridge.name}`;
      const id = local ?? `local.${remote}`;
      const first = seen.get(id);
      if (!first) {
        seen.set(id, bridge);
        continue;
      }
      const anchor = lastEntry(bridge, 'local_clientid') ?? lastEntry(bridge, 'remote_clientid') ?? bridge.header;
      report(
        atName(
          anchor,
          `Bridge '${bridge.name}' gets the local client id '${id}', like bridge '${first.name ?? ''}': the broker refuses to start. Set a distinct 'local_clientid'.`,
          'error',
        ),
      );
    }
  },
});
