import { activeListeners, describeSection, lastEntry, listenerProtocol } from '../model/config';
import { atLeast } from '../version';
import type { Rule } from './rule';
import { atName } from './rule';

/** Windows brokers before 1.5.4 bound websockets listeners to 127.0.0.1 only. */
export const websocketsWindowsLocalhost: Rule = {
  id: 'websockets-windows-localhost',
  title: 'Websockets on Windows before 1.5.4 (localhost only)',
  check({ model, settings, report }) {
    if (settings.platform !== 'windows' || atLeast(settings.brokerVersion, '1.5.4')) {
      return;
    }
    for (const section of activeListeners(model)) {
      if (listenerProtocol(section) !== 'websockets') {
        continue;
      }
      const anchor = lastEntry(section, 'protocol') ?? section.header;
      if (anchor) {
        report(atName(anchor, `Windows builds of mosquitto before 1.5.4 bind websockets listeners to 127.0.0.1 only: ${describeSection(section)} is unreachable from other machines. Upgrade to 1.5.4 or newer.`, 'warning'));
      }
    }
  },
};
