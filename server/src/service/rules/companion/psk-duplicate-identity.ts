import { pskFileRule } from '../../engine/companionRule';
import { pskSkipsIdentities } from '../../companion/psk/psk';
import { spanRange } from '../../companion/reader';

/**
 * PSK file rule (across lines): an identity listed a second time. Warning: 2.1 ignores the
 * second line; before, both are kept and only one key is used.
 */
export default pskFileRule({
  id: 'psk-duplicate-identity',
  title: 'PSK identity listed twice',
  check(lines, _file, { version, report }) {
    const skips = pskSkipsIdentities(version);
    for (const { line, repeatOf } of lines) {
      if (line.kind !== 'entry' || repeatOf === undefined) {
        continue;
      }
      report({
        range: spanRange(line.line, line.name),
        severity: 'warning',
        message: skips
          ? `Identity '${line.name.text}' is already defined at line ${repeatOf + 1}: the broker ignores this line.`
          : `Identity '${line.name.text}' is already defined at line ${repeatOf + 1}: the broker keeps both and only one of the keys is used. Keep one line per identity.`,
      });
    }
  },
});
