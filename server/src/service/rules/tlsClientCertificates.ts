import { activeListeners, describeSection, lastEntry } from '../model/config';
import type { Rule } from './rule';
import { atName } from './rule';

function isTrue(text: string | undefined): boolean {
  return text === 'true' || text === '1';
}

/** Client-certificate options that cannot work as written. */
export const tlsClientCertificates: Rule = {
  id: 'tls-client-certificates',
  title: 'Client-certificate options that cannot work',
  check({ model, report }) {
    for (const section of activeListeners(model)) {
      const name = describeSection(section);
      const require = lastEntry(section, 'require_certificate');
      const requireOn = isTrue(require?.args[0]?.text);
      if (require && requireOn && !lastEntry(section, 'cafile', 'capath')) {
        report(atName(require, `${name} requires client certificates but has no 'cafile' or 'capath' to verify them: every client will fail the TLS handshake.`, 'warning'));
      }
      for (const option of ['use_identity_as_username', 'use_subject_as_username']) {
        const d = lastEntry(section, option);
        if (d && isTrue(d.args[0]?.text) && !requireOn && !(option === 'use_identity_as_username' && lastEntry(section, 'psk_hint'))) {
          report(atName(d, `'${option}' takes the username from the client certificate, but ${name} does not set 'require_certificate true', so clients send none and cannot log in this way.`, 'warning'));
        }
      }
    }
  },
};
