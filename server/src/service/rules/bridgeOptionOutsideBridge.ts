import { atLeast } from '../version';
import type { Rule } from './rule';
import { atName } from './rule';

/** A bridge option with no `connection` line before it (in the same file). */
export const bridgeOptionOutsideBridge: Rule = {
  id: 'bridge-option-outside-bridge',
  title: "Bridge option before any 'connection'",
  check({ model, settings, report }) {
    for (const d of model.order) {
      if (model.placements.get(d)?.kind !== 'no-bridge') {
        continue;
      }
      const included = model.placements.get(d)?.included ? ' Each included file starts without a current bridge.' : '';
      const confusion = d.name === 'keepalive_interval' ? " (For the keepalive clients may use, the broker option is 'max_keepalive'.)" : '';
      report(atName(d, `'${d.name}' configures a bridge, but no 'connection' line comes before it${atLeast(settings.brokerVersion, '2.1.0') ? '' : ' (the broker says "Invalid bridge configuration")'}: the broker refuses to start.${included}${confusion}`, 'error'));
    }
  },
};
