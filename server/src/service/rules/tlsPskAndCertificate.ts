import { activeListeners, describeSection } from '../model/config';
import type { Rule } from './rule';
import { atName, nameOf } from './rule';

/** `psk_hint` followed by `certfile`/`cafile` in one listener: the broker refuses to start. */
export const tlsPskAndCertificate: Rule = {
  id: 'tls-psk-and-certificate',
  title: 'Certificate and PSK encryption in one listener',
  check({ model, report }) {
    for (const section of activeListeners(model)) {
      let psk = false;
      for (const d of section.entries) {
        const name = nameOf(d);
        if (name === 'psk_hint') {
          psk = true;
        } else if (psk && (name === 'certfile' || name === 'cafile')) {
          report(atName(d, `${describeSection(section)} already uses PSK encryption ('psk_hint' above); a listener cannot also use certificates: the broker refuses to start. Use a separate listener.`, 'error'));
        }
      }
    }
  },
};
