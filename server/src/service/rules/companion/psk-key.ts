import { pskLineRule } from '../../engine/companionRule';
import { isHexKey, pskKeyAsRead } from '../../companion/psk/psk';
import { spanRange } from '../../companion/reader';

/**
 * PSK line rule: the key of an identity the reader checks. Error when it is not hexadecimal
 * digits only (before 1.6 the blanks around it count): the broker refuses to start. Warning when
 * it is empty (the broker starts, but an empty key is a mistake).
 */
export default pskLineRule({
  id: 'psk-key',
  title: 'PSK key that is empty or not hexadecimal',
  check(reading, { version, report }) {
    const { line, checked } = reading;
    if (line.kind !== 'entry' || !checked || !line.secret) {
      return;
    }
    const identity = line.name.text;
    const key = line.secret;
    if (key.text.length === 0) {
      report({
        range: spanRange(line.line, line.name),
        severity: 'warning',
        message: `The key of '${identity}' is empty: the broker starts, but an empty pre-shared key is almost certainly a mistake.`,
      });
      return;
    }
    const asRead = pskKeyAsRead(reading, version);
    if (!asRead.trimmed && !isHexKey(asRead.text)) {
      report({
        range: spanRange(line.line, key),
        severity: 'error',
        message: `Before 1.6 the broker keeps the blanks around the key of '${identity}' (only the line break is dropped), and a blank is not a hexadecimal digit: it refuses to start. Remove the blanks.`,
      });
      return;
    }
    if (!isHexKey(key.text)) {
      report({
        range: spanRange(line.line, key),
        severity: 'error',
        message: `The key of '${identity}' contains characters that are not hexadecimal digits: the broker refuses to start.`,
      });
    }
  },
});
