import { lastEntry } from '../model/config';
import type { Rule } from './rule';
import { atName } from './rule';

/** A bridge without remote address or without any topic: the broker refuses to start. */
export const bridgeIncomplete: Rule = {
  id: 'bridge-incomplete',
  title: "Bridge without 'address' or without 'topic'",
  check({ model, report }) {
    for (const bridge of model.bridges) {
      const header = bridge.header;
      if (!header || header.args.length === 0) {
        continue;
      }
      const missing: string[] = [];
      if (!lastEntry(bridge, 'address')) {
        missing.push("an 'address' line (the remote broker)");
      }
      if (!lastEntry(bridge, 'topic')) {
        missing.push("at least one 'topic' line (what to bridge)");
      }
      if (missing.length > 0) {
        report(atName(header, `Bridge '${bridge.name ?? ''}' needs ${missing.join(' and ')}: the broker refuses to start.`, 'error', { data: { missing: missing.map((m) => m.split("'")[1]) } }));
      }
    }
  },
};
