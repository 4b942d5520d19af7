import { activeListeners, describeSection } from '../model/config';
import type { Section } from '../model/config';
import type { Rule } from './rule';
import { atName } from './rule';

function where(section: Section): string {
  return section.header ? `line ${section.header.line + 1}` : 'the default listener';
}

/** Two listeners on the same port and address: the second bind fails at start-up. */
export const duplicateListener: Rule = {
  id: 'duplicate-listener',
  title: 'Two listeners on the same port and address',
  check({ model, report }) {
    const seen = new Map<string, Section>();
    for (const section of activeListeners(model)) {
      if (section.port === undefined || section.port === 0) {
        continue;
      }
      const key = `${section.port}\u0000${section.address ?? ''}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, section);
        continue;
      }
      const anchor = section.header ?? model.defaultListener.entries[0];
      if (!anchor) {
        continue;
      }
      const other = first.kind === 'default-listener'
        ? `the ${describeSection(first)}${first.explicit ? '' : ', which the options before the first listener create,'}`
        : `the listener on ${where(first)}`;
      report(atName(anchor, `Port ${section.port}${section.address ? ` on ${section.address}` : ''} is already used by ${other}: the broker fails with "address already in use" at start-up.`, 'error', {
        related: first.header ? [{ file: first.header.file, range: first.header.nameRange, message: 'first listener on this port' }] : undefined,
      }));
    }
  },
};
