import { lastEntry } from '../model/config';
import { atName, sectionRule } from '../engine/rule';
import { nameOf, readBool } from '../model/reading';

/** Bridge TLS settings that cannot work or switch checks off. */
export default sectionRule({
  id: 'bridge-tls',
  sections: 'bridges',
  sectionLocal: true,
  title: 'Bridge TLS settings that cannot work or are insecure',
  check(bridge, { report }) {
    const name = `bridge '${bridge.name ?? ''}'`;
    const identity = lastEntry(bridge, 'bridge_identity');
    const psk = lastEntry(bridge, 'bridge_psk');
    if ((identity === undefined) !== (psk === undefined)) {
      const have = identity ?? psk;
      if (have) {
        report(
          atName(
            have,
            `${name} has '${have.name}' but not '${identity ? 'bridge_psk' : 'bridge_identity'}'; PSK needs both: the broker refuses to start.`,
            'error',
          ),
        );
      }
    }
    let pskSeen = false;
    let certSeen = false;
    for (const d of bridge.entries) {
      const option = nameOf(d);
      if (option === 'bridge_identity' || option === 'bridge_psk') {
        if (certSeen) {
          report(atName(d, `${name} already uses certificates; it cannot also use PSK: the broker refuses to start.`, 'error'));
        }
        pskSeen = true;
      } else if (['bridge_cafile', 'bridge_capath', 'bridge_certfile', 'bridge_keyfile'].includes(option)) {
        if (pskSeen) {
          report(atName(d, `${name} already uses PSK; it cannot also use certificates: the broker refuses to start.`, 'error'));
        }
        certSeen = true;
      }
    }
    const cert = lastEntry(bridge, 'bridge_certfile');
    const key = lastEntry(bridge, 'bridge_keyfile');
    if ((cert === undefined) !== (key === undefined)) {
      const have = cert ?? key;
      if (have) {
        report(
          atName(
            have,
            `${name} has '${have.name}' but not '${cert ? 'bridge_keyfile' : 'bridge_certfile'}': a client certificate needs both, so the bridge cannot authenticate with it.`,
            'warning',
          ),
        );
      }
    }
    if (cert && !lastEntry(bridge, 'bridge_cafile', 'bridge_capath') && !psk && !lastEntry(bridge, 'bridge_tls_use_os_certs')) {
      report(atName(cert, `${name} has a client certificate but no 'bridge_cafile' or 'bridge_capath', so TLS is not switched on for this bridge.`, 'warning'));
    }
    const insecure = lastEntry(bridge, 'bridge_insecure');
    if (insecure && readBool(insecure.args[0]?.text) === true) {
      report(
        atName(
          insecure,
          `${name} does not verify the remote broker's host name (bridge_insecure true): anyone in the middle can impersonate it. Use only for testing.`,
          'warning',
        ),
      );
    }
  },
});
