import { activeListeners, describeSection, lastEntry, listenerProtocol } from '../model/config';
import { atLeast } from '../version';
import type { Rule } from './rule';
import { atName } from './rule';

/**
 * Windows builds have bound websockets listeners to IPv6 only (`[::]`), so IPv4 clients
 * cannot connect; `socket_domain ipv4` (1.5.5+) forces IPv4.
 */
export const websocketsSocketDomain: Rule = {
  id: 'websockets-socket-domain',
  title: "Websockets listener on Windows without 'socket_domain ipv4'",
  check({ model, settings, report }) {
    if (settings.platform !== 'windows' || !atLeast(settings.brokerVersion, '1.5.5')) {
      return;
    }
    for (const section of activeListeners(model)) {
      if (listenerProtocol(section) !== 'websockets' || lastEntry(section, 'socket_domain')?.args[0]?.text === 'ipv4') {
        continue;
      }
      const anchor = lastEntry(section, 'protocol') ?? section.header;
      if (anchor) {
        report(atName(anchor, `On Windows, mosquitto has bound websockets listeners to IPv6 only, so IPv4 clients cannot reach ${describeSection(section)}. Add 'socket_domain ipv4' to this listener.`, 'information', { data: { section: section.id } }));
      }
    }
  },
};
