import { pskLineRule } from '../../engine/companionRule';
import { pskSkipsIdentities } from '../../companion/psk/psk';
import { spanRange } from '../../companion/reader';

/**
 * PSK line rule: a line the reader skips or that gives no key: no ':', an identity or key over
 * 65535 bytes, an empty identity, nothing after the ':' on a last line without a line break.
 * Warning: the broker starts.
 */
export default pskLineRule({
  id: 'psk-line',
  title: 'PSK file line the broker ignores',
  check({ line, tooLong, checked }, { version, report }) {
    if (line.kind === 'no-colon') {
      report({ range: spanRange(line.line, line.text), severity: 'warning', message: "This line has no ':' between identity and key: the broker skips it." });
      return;
    }
    if (line.kind !== 'entry') {
      return;
    }
    const identity = line.name;
    const range = spanRange(line.line, identity);
    if (tooLong) {
      report({ range, severity: 'warning', message: 'An identity or key longer than 65535 bytes: the broker skips this line.' });
      return;
    }
    if (identity.text.length === 0) {
      report({
        range,
        severity: 'warning',
        message: pskSkipsIdentities(version) ? 'The identity is empty: the broker skips this line.' : 'The identity is empty: no client can use this key.',
      });
    }
    if (checked && !line.secret) {
      report({
        range,
        severity: 'warning',
        message: `Nothing follows the ':' on the last line, which has no line break: the broker skips it, so '${identity.text}' has no key.`,
      });
    }
  },
});
