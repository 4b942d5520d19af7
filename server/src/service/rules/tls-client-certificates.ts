import { describeSection, lastEntry } from '../model/config';
import { atName, sectionRule } from '../engine/rule';
import { readBool } from '../model/reading';

/** Client-certificate options that cannot work as written. */
export default sectionRule({
  id: 'tls-client-certificates',
  sections: 'active-listeners',
  sectionLocal: true,
  title: 'Client-certificate options that cannot work',
  check(section, { report }) {
    const name = describeSection(section);
    const require = lastEntry(section, 'require_certificate');
    const requireOn = readBool(require?.args[0]?.text) === true;
    if (require && requireOn && !lastEntry(section, 'cafile', 'capath')) {
      report(
        atName(
          require,
          `${name} requires client certificates but has no 'cafile' or 'capath' to verify them: every client will fail the TLS handshake.`,
          'warning',
        ),
      );
    }
    for (const option of ['use_identity_as_username', 'use_subject_as_username'] as const) {
      const d = lastEntry(section, option);
      if (d && readBool(d.args[0]?.text) === true && !requireOn && !(option === 'use_identity_as_username' && lastEntry(section, 'psk_hint'))) {
        report(
          atName(
            d,
            `'${option}' takes the username from the client certificate, but ${name} does not set 'require_certificate true', so clients send none and cannot log in this way.`,
            'warning',
          ),
        );
      }
    }
  },
});
