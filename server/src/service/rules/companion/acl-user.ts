import { aclLineRule } from '../../engine/companionRule';
import { aclUserNameReading } from '../../companion/acl/acl';
import { spanRange } from '../../companion/reader';

/**
 * ACL line rule: a `user` line without a name. Error where the selected release refuses to start
 * (`user` alone; from 1.6 blanks only); warning on 1.5, which takes the blanks as a name no client
 * uses.
 */
export default aclLineRule({
  id: 'acl-user',
  title: 'ACL user line without a name',
  check(line, raw, { version, report }) {
    const reading = aclUserNameReading(line, raw, version);
    if (line.kind !== 'user' || reading === undefined) {
      return;
    }
    const range = spanRange(line.line, line.keyword);
    if (reading === 'blanks') {
      report({
        range,
        severity: 'warning',
        message: "This 'user' line has only blanks after it: the selected release takes them as the username, which no client uses.",
      });
      return;
    }
    report({ range, severity: 'error', message: "'user' needs a username: the broker refuses to start." });
  },
});
