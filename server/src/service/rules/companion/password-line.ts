import { passwordLineRule } from '../../engine/companionRule';
import { passwordFileRefuses } from '../../companion/passwd/passwd';
import { spanRange } from '../../companion/reader';

/**
 * Password line rule: a line the reader skips or (2.1) refuses: no ':' (skipped by every
 * release, warning), a name or password over 65535 bytes, an empty user name, nothing after the
 * ':' on a last line without a line break. Error on 2.1 (the broker refuses to start), warning
 * before (the entry is dropped).
 */
export default passwordLineRule({
  id: 'password-line',
  title: 'Password file line the broker ignores or refuses',
  check({ line, tooLong }, { version, report }) {
    if (line.kind === 'no-colon') {
      report({
        range: spanRange(line.line, line.text),
        severity: 'warning',
        message: "This line has no ':' between user and password hash: the broker skips it, so it defines no user.",
      });
      return;
    }
    if (line.kind !== 'entry') {
      return;
    }
    const refuses = passwordFileRefuses(version);
    const severity = refuses ? 'error' : 'warning';
    const range = spanRange(line.line, line.name);
    if (tooLong) {
      report({
        range,
        severity,
        message: refuses
          ? 'A user name or password longer than 65535 bytes: the broker refuses to start.'
          : 'A user name or password longer than 65535 bytes: the broker skips this line.',
      });
      return;
    }
    if (line.name.text.length === 0) {
      report({
        range,
        severity,
        message: refuses ? 'The user name is empty: the broker refuses to start.' : 'The user name is empty; no real user is defined by this line.',
      });
      if (refuses) {
        return;
      }
    }
    if (!line.secret) {
      report({
        range,
        severity,
        message: refuses
          ? `Nothing follows the ':' on the last line, which has no line break: the broker refuses to start.`
          : `Nothing follows the ':' on the last line, which has no line break: the broker skips it, so '${line.name.text}' cannot log in.`,
      });
    }
  },
});
