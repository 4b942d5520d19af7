import { describeSection, lastEntry } from '../model/config';
import { atName, sectionRule } from '../engine/rule';
import { SINCE, atoi, readBool } from '../model/reading';
import { atLeast } from '../version';

/**
 * `enable_proxy_protocol 2` (2.1+): TLS ends at the proxy, so the broker refuses a listener
 * that also has its own `certfile`/`keyfile` or takes usernames from certificate subjects
 * (`config__check_proxy` in 2.1's src/conf.c, after the whole file is read).
 */
export default sectionRule({
  id: 'proxy-protocol-tls',
  title: 'Certificate options on a proxy protocol v2 listener',
  sections: 'active-listeners',
  sectionLocal: true,
  check(section, { settings, report }) {
    if (!atLeast(settings.brokerVersion, SINCE.release2_1)) {
      return;
    }
    const proxy = lastEntry(section, 'enable_proxy_protocol');
    if (!proxy || atoi(proxy.args[0]?.text) !== 2) {
      return;
    }
    const subject = lastEntry(section, 'use_subject_as_username');
    if (subject && readBool(subject.args[0]?.text) === true) {
      report(
        atName(
          subject,
          `${describeSection(section)} uses 'enable_proxy_protocol 2', where the proxy ends TLS, so there is no client certificate to take a username from: the broker refuses to start.`,
          'error',
        ),
      );
    }
    for (const name of ['certfile', 'keyfile'] as const) {
      const d = lastEntry(section, name);
      if (d) {
        report(
          atName(
            d,
            `${describeSection(section)} uses 'enable_proxy_protocol 2', where the proxy ends TLS; '${name}' cannot be set on it: the broker refuses to start. Remove it, or use 'enable_proxy_protocol 1'.`,
            'error',
          ),
        );
      }
    }
  },
});
