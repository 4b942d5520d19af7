import type { TextReplacement } from '../../engine/companionRule';
import { aclLineRule, replaceText } from '../../engine/companionRule';
import { aclAccessRefusal, aclTopicRefusal } from '../../companion/acl/acl';
import { spanRange } from '../../companion/reader';

/**
 * ACL line rule: a `pattern` line without `%c` or `%u`, which applies to every client alike (the
 * broker logs a warning and starts). Warning. Fix: make it a `topic` line. Lines the broker
 * refuses (access word, topic filter) are the other rules'.
 */
export default aclLineRule<TextReplacement>({
  id: 'acl-pattern-substitution',
  title: 'ACL pattern without %c or %u',
  check(line, _raw, { version, report }) {
    if (line.kind !== 'pattern' || !line.topic || aclAccessRefusal(line, version) || aclTopicRefusal(line, version)) {
      return;
    }
    if (!line.topic.text.includes('%c') && !line.topic.text.includes('%u')) {
      report({
        range: spanRange(line.line, line.keyword),
        severity: 'warning',
        message:
          "This pattern has no %c (client id) or %u (username), so it applies to every client the same way; the broker logs a warning. Use 'topic' for a fixed topic.",
        data: { replacement: 'topic', title: "Change to 'topic'" },
      });
    }
  },
  fix: replaceText,
});
