import { listenerProtocol } from '../model/config';
import { sectionRule, tokenSpan } from '../engine/rule';
import { SINCE } from '../model/reading';
import { atLeast } from '../version';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** libwebsockets-based brokers (before 2.1) cannot bind a websockets listener to a host name. */
export default sectionRule({
  id: 'websockets-host-name',
  sections: 'active-listeners',
  sectionLocal: true,
  title: 'Websockets listener bound to a host name',
  check(section, { settings, report }) {
    if (atLeast(settings.brokerVersion, SINCE.release2_1)) {
      return;
    }
    const address = section.address;
    const header = section.header;
    if (!header || address === undefined || listenerProtocol(section) !== 'websockets' || IPV4.test(address) || address.includes(':')) {
      return;
    }
    report({
      file: header.file,
      at: tokenSpan(header, 1),
      severity: 'warning',
      message: `Before mosquitto 2.1, websockets listeners (libwebsockets) cannot bind to a host name like '${address}': the listener fails to open. Use a numeric IPv4 address such as 127.0.0.1 or 0.0.0.0.`,
    });
  },
});
