import { atLeast } from '../version';
import { atName, directiveRule } from '../engine/rule';
import { directivesWhere } from '../data';
import { SINCE } from '../model/reading';

/** A bridge option with no `connection` line before it (in the same file). */
export default directiveRule({
  id: 'bridge-option-outside-bridge',
  directives: directivesWhere((spec) => spec.scope === 'bridge'),
  title: "Bridge option before any 'connection'",
  // Reads only the line's own placement (kind, included): kept while the model is patched.
  check(d, { placement, settings, report }) {
    const placed = placement(d);
    if (placed?.kind !== 'no-bridge') {
      return;
    }
    const included = placed.included ? ' Each included file starts without a current bridge.' : '';
    const confusion = d.name === 'keepalive_interval' ? " (For the keepalive clients may use, the broker option is 'max_keepalive'.)" : '';
    report(
      atName(
        d,
        `'${d.name}' configures a bridge, but no 'connection' line comes before it${atLeast(settings.brokerVersion, SINCE.release2_1) ? '' : ' (the broker says "Invalid bridge configuration")'}: the broker refuses to start.${included}${confusion}`,
        'error',
      ),
    );
  },
});
