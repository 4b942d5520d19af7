import { activeListeners, describeSection, lastEntry } from '../model/config';
import { atLeast } from '../version';
import type { Rule } from './rule';
import { atName } from './rule';

/**
 * `cafile`/`capath` without `certfile` and `keyfile`: since 2.0 the CA only verifies client
 * certificates; it does not turn TLS on. Before 2.0, TLS also needed a CA.
 */
export const tlsCaWithoutCertificate: Rule = {
  id: 'tls-ca-without-certificate',
  title: "'cafile' or 'capath' without 'certfile' and 'keyfile'",
  check({ model, settings, report }) {
    const version = settings.brokerVersion;
    const refuses = atLeast(version, '2.0.21');
    for (const section of activeListeners(model)) {
      const ca = lastEntry(section, 'cafile', 'capath');
      const cert = lastEntry(section, 'certfile');
      const key = lastEntry(section, 'keyfile');
      const name = describeSection(section);
      if (ca && !cert && !key) {
        const effect = refuses
          ? 'the broker refuses to start'
          : atLeast(version, '2.0.0')
            ? `this broker version runs ${name} without TLS (since 2.0 a CA alone does not enable TLS)`
            : `this broker version runs ${name} without TLS`;
        report(atName(ca, `${name} has '${ca.name}' but neither 'certfile' nor 'keyfile': ${effect}. Add the server certificate and key.`, refuses ? 'error' : 'warning', { data: { missing: 'certfile', section: section.id } }));
      } else if (!ca && cert && key && !atLeast(version, '2.0.0')) {
        report(atName(cert, `Before mosquitto 2.0, ${name} enables TLS only when 'cafile' or 'capath' is set too: without one it runs unencrypted.`, 'warning', { data: { missing: 'cafile', section: section.id } }));
      }
    }
  },
};
