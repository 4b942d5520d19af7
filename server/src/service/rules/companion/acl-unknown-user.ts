import { aclFileRule } from '../../engine/companionRule';
import { spanRange } from '../../companion/reader';

/**
 * ACL file rule (against the configuration): a `user` line naming a user the configuration's
 * password file does not define (only when the configuration names exactly one password file).
 * Warning: no client can log in as this user.
 */
export default aclFileRule({
  id: 'acl-unknown-user',
  title: 'ACL user missing from the password file',
  check(file, { passwordUsers, report }) {
    if (!passwordUsers) {
      return;
    }
    for (const line of file.lines) {
      if (line.kind === 'user' && line.name && line.name.text.length > 0 && !passwordUsers.has(line.name.text)) {
        report({
          range: spanRange(line.line, line.name),
          severity: 'warning',
          message: `User '${line.name.text}' is not in the password file, so no client can log in as this user and these rules never apply.`,
        });
      }
    }
  },
});
