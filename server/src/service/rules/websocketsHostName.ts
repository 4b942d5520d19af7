import { activeListeners, listenerProtocol } from '../model/config';
import { atLeast } from '../version';
import type { Rule } from './rule';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** libwebsockets-based brokers (before 2.1) cannot bind a websockets listener to a host name. */
export const websocketsHostName: Rule = {
  id: 'websockets-host-name',
  title: 'Websockets listener bound to a host name',
  check({ model, settings, report }) {
    if (atLeast(settings.brokerVersion, '2.1.0')) {
      return;
    }
    for (const section of activeListeners(model)) {
      const address = section.address;
      const header = section.header;
      if (!header || address === undefined || listenerProtocol(section) !== 'websockets' || IPV4.test(address) || address.includes(':')) {
        continue;
      }
      const token = header.args[1];
      report({
        file: header.file,
        range: { start: { line: header.line, character: token.start }, end: { line: header.line, character: token.end } },
        severity: 'warning',
        message: `Before mosquitto 2.1, websockets listeners (libwebsockets) cannot bind to a host name like '${address}': the listener fails to open. Use a numeric IPv4 address such as 127.0.0.1 or 0.0.0.0.`,
      });
    }
  },
};
