import { passwordFileRule } from '../../engine/companionRule';
import { passwordFileRefuses } from '../../companion/passwd/passwd';
import { spanRange } from '../../companion/reader';

/**
 * Password file rule (across lines): a user listed a second time. Error on 2.1 (the broker
 * refuses to start); warning before (both entries are kept and only one password works).
 */
export default passwordFileRule({
  id: 'password-duplicate-user',
  title: 'User listed twice in the password file',
  check(lines, _file, { version, report }) {
    const refuses = passwordFileRefuses(version);
    for (const { line, repeatOf } of lines) {
      if (line.kind !== 'entry' || repeatOf === undefined) {
        continue;
      }
      report({
        range: spanRange(line.line, line.name),
        severity: refuses ? 'error' : 'warning',
        message: refuses
          ? `User '${line.name.text}' is already defined at line ${repeatOf + 1}: the broker refuses to start.`
          : `User '${line.name.text}' is already defined at line ${repeatOf + 1}: the broker keeps both entries and only one of the two passwords works. Keep one line per user.`,
      });
    }
  },
});
