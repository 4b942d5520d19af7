import { describeSection, lastEntry, listenerProtocol } from '../model/config';
import { atName, sectionRule } from '../engine/rule';
import { SINCE } from '../model/reading';
import { atLeast } from '../version';

/** Windows brokers before 1.5.4 bound websockets listeners to 127.0.0.1 only. */
export default sectionRule({
  id: 'websockets-windows-localhost',
  sections: 'active-listeners',
  sectionLocal: true,
  title: 'Websockets on Windows before 1.5.4 (localhost only)',
  check(section, { settings, report }) {
    if (
      settings.platform !== 'windows' ||
      atLeast(settings.brokerVersion, SINCE.windowsWebsocketsAllInterfaces) ||
      listenerProtocol(section) !== 'websockets'
    ) {
      return;
    }
    const anchor = lastEntry(section, 'protocol') ?? section.header;
    if (anchor) {
      report(
        atName(
          anchor,
          `Windows builds of mosquitto before 1.5.4 bind websockets listeners to 127.0.0.1 only: ${describeSection(section)} is unreachable from other machines. Upgrade to 1.5.4 or newer.`,
          'warning',
        ),
      );
    }
  },
});
