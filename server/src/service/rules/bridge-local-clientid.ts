import { lastEntry } from '../model/config';
import type { Section } from '../model/config';
import type { Directive } from '../parser/parser';
import { atLeast } from '../version';
import { atName, configurationRule } from '../engine/rule';
import { SINCE } from '../model/reading';

/** A bridge's client id facts, worked out once per section object (its `perSection` work). */
interface BridgeClientId {
  /** The local client id the broker gives the bridge (undefined: no name or no header). */
  readonly id: string | undefined;
  /** Where a finding about it goes. */
  readonly anchor: Directive | undefined;
}

/**
 * Since 1.5 every bridge needs its own local client id. The id of each bridge is its `perSection`
 * work (kept while the bridge is untouched); `check` compares them.
 */
export default configurationRule<undefined, BridgeClientId>({
  id: 'bridge-local-clientid',
  title: 'Two bridges with the same local client id',
  sectionsOnly: true,
  perSection(bridge) {
    if (bridge.name === undefined || !bridge.header) {
      return { id: undefined, anchor: undefined };
    }
    const localEntry = lastEntry(bridge, 'local_clientid');
    const remoteEntry = lastEntry(bridge, 'remote_clientid');
    const local = localEntry?.value;
    const remote = remoteEntry?.value ?? `<hostname>.${bridge.name}`;
    return { id: local ?? `local.${remote}`, anchor: localEntry ?? remoteEntry ?? bridge.header };
  },
  check({ model, settings, report }, ofSection) {
    if (!atLeast(settings.brokerVersion, SINCE.release1_5)) {
      return;
    }
    const seen = new Map<string, Section>();
    for (const bridge of model.bridges) {
      const { id, anchor } = ofSection(bridge);
      if (id === undefined || anchor === undefined) {
        continue;
      }
      const first = seen.get(id);
      if (!first) {
        seen.set(id, bridge);
        continue;
      }
      report(
        atName(
          anchor,
          `Bridge '${bridge.name ?? ''}' gets the local client id '${id}', like bridge '${first.name ?? ''}': the broker refuses to start. Set a distinct 'local_clientid'.`,
          'error',
        ),
      );
    }
  },
});
