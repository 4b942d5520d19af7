import { describeSection, lastEntry, listenerProtocol } from '../model/config';
import { atName, sectionRule } from '../engine/rule';
import { insertLinesAfter } from '../model/lineEdits';
import { landsIn, sectionById } from '../model/fixSupport';
import { SINCE } from '../model/reading';
import { atLeast } from '../version';

/** The listener that lacks `socket_domain ipv4`. */
export interface ListenerRef {
  readonly section: string;
}

/**
 * Windows builds have bound websockets listeners to IPv6 only (`[::]`), so IPv4 clients
 * cannot connect; `socket_domain ipv4` (1.5.5+) forces IPv4.
 */
export default sectionRule<ListenerRef>({
  id: 'websockets-socket-domain',
  sections: 'active-listeners',
  // Reads only the section and the settings: kept across edits while its entries are the same.
  sectionLocal: true,
  title: "Websockets listener on Windows without 'socket_domain ipv4'",
  check(section, { settings, report }) {
    if (settings.platform !== 'windows' || !atLeast(settings.brokerVersion, SINCE.socketDomain)) {
      return;
    }
    if (listenerProtocol(section) !== 'websockets' || lastEntry(section, 'socket_domain')?.args[0]?.text === 'ipv4') {
      return;
    }
    const anchor = lastEntry(section, 'protocol') ?? section.header;
    if (anchor) {
      report(
        atName(
          anchor,
          `On Windows, mosquitto has bound websockets listeners to IPv6 only, so IPv4 clients cannot reach ${describeSection(section)}. Add 'socket_domain ipv4' to this listener.`,
          'information',
          { data: { section: section.id } },
        ),
      );
    }
  },
  fix(context) {
    const { diagnostic, file, model, payload } = context;
    const section = sectionById(model, payload?.section);
    const line = diagnostic.range.start.line;
    if (!section || !landsIn(context, 'socket_domain', line + 1, section)) {
      return [];
    }
    return [{ title: "Add 'socket_domain ipv4' to this listener", edits: [insertLinesAfter(file, line, ['socket_domain ipv4'])], preferred: true }];
  },
});
