import { activeListeners, describeSection, lastEntry, listenerProtocol } from '../model/config';
import { atLeast } from '../version';
import type { Rule } from './rule';
import { atName } from './rule';

/** `http_dir` only serves files on websockets (≤2.0) or http_api/websockets (2.1) listeners. */
export const httpDirWithoutWebsockets: Rule = {
  id: 'http-dir-without-websockets',
  title: "'http_dir' on a listener that serves no HTTP",
  check({ model, settings, report }) {
    const is21 = atLeast(settings.brokerVersion, '2.1.0');
    for (const section of activeListeners(model)) {
      const d = lastEntry(section, 'http_dir');
      const protocol = listenerProtocol(section);
      if (!d || protocol === 'websockets' || (is21 && protocol === 'http_api')) {
        continue;
      }
      report(atName(d, `${describeSection(section)} uses protocol ${protocol}, so 'http_dir' has no effect: only ${is21 ? 'http_api and websockets' : 'websockets'} listeners serve files.`, 'warning'));
    }
  },
};
