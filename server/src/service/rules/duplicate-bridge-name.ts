import type { Section } from '../model/config';
import { atLeast } from '../version';
import { atName, configurationRule, nameSpan } from '../engine/rule';
import { SINCE } from '../model/reading';

/** Two `connection` lines with the same name. */
export default configurationRule({
  id: 'duplicate-bridge-name',
  title: 'Two bridges with the same name',
  sectionsOnly: true,
  check({ model, settings, report }) {
    const refuses = atLeast(settings.brokerVersion, SINCE.duplicateBridgeNameRefused);
    const seen = new Map<string, Section>();
    for (const bridge of model.bridges) {
      if (bridge.name === undefined || !bridge.header) {
        continue;
      }
      const first = seen.get(bridge.name);
      if (!first) {
        seen.set(bridge.name, bridge);
        continue;
      }
      report(
        atName(
          bridge.header,
          (lineNumber) =>
            `A bridge named '${bridge.name}' already exists (line ${first.header ? lineNumber(first.header) : 1})${refuses ? ': the broker refuses to start' : '; both bridges would use the same client id'}.`,
          refuses ? 'error' : 'warning',
          {
            related: first.header ? [{ file: first.header.file, at: nameSpan(first.header), message: 'first bridge with this name' }] : undefined,
          },
        ),
      );
    }
  },
});
