import { aclFileRule } from '../../engine/companionRule';
import { spanRange } from '../../companion/reader';

/**
 * ACL file rule (the first such line only): `topic` lines before any `user` line apply to
 * anonymous clients, not to every user. Information.
 */
export default aclFileRule({
  id: 'acl-anonymous',
  title: 'ACL topic lines before any user line (they apply to anonymous clients)',
  check(file, { report }) {
    const first = file.lines.find((l) => l.kind === 'topic' && l.user === undefined && l.topic !== undefined);
    if (first?.kind !== 'topic') {
      return;
    }
    report({
      range: spanRange(first.line, first.keyword),
      severity: 'information',
      message:
        "This 'topic' line comes before any 'user' line, so it applies to clients that connect without a username (anonymous clients), not to every user.",
    });
  },
});
