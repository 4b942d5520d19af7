import { describeSection, lastEntry, listenerProtocol } from '../model/config';
import { atName, sectionRule } from '../engine/rule';
import { SINCE } from '../model/reading';
import { atLeast } from '../version';

/** `http_dir` only serves files on websockets (≤2.0) or http_api/websockets (2.1) listeners. */
export default sectionRule({
  id: 'http-dir-without-websockets',
  sections: 'active-listeners',
  sectionLocal: true,
  title: "'http_dir' on a listener that serves no HTTP",
  check(section, { settings, report }) {
    const is21 = atLeast(settings.brokerVersion, SINCE.release2_1);
    const d = lastEntry(section, 'http_dir');
    const protocol = listenerProtocol(section);
    if (!d || protocol === 'websockets' || (is21 && protocol === 'http_api')) {
      return;
    }
    report(
      atName(
        d,
        `${describeSection(section)} uses protocol ${protocol}, so 'http_dir' has no effect: only ${is21 ? 'http_api and websockets' : 'websockets'} listeners serve files.`,
        'warning',
      ),
    );
  },
});
