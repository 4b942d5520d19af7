import { aclLineRule } from '../../engine/companionRule';
import { ACL_ACCESS_TYPES, aclAccessRefusal, aclTopicRefusal } from '../../companion/acl/acl';
import { spanRange } from '../../companion/reader';

/**
 * ACL line rule: the topic filter of a `topic`/`pattern` line. Error when it is missing or (from
 * 1.6) not a valid filter: the broker refuses to start. Warning when the only word after the
 * keyword is an access type, which the broker takes as the topic. A line whose access word is
 * refused is acl-access-type's (the broker stops there first).
 */
export default aclLineRule({
  id: 'acl-topic',
  title: 'ACL topic filter that is missing or invalid',
  check(line, _raw, { version, report }) {
    if (line.kind !== 'topic' && line.kind !== 'pattern') {
      return;
    }
    if (!line.topic) {
      report({ range: spanRange(line.line, line.keyword), severity: 'error', message: `'${line.kind}' needs a topic filter: the broker refuses to start.` });
      return;
    }
    if (aclAccessRefusal(line, version)) {
      return;
    }
    const problem = aclTopicRefusal(line, version);
    if (problem) {
      report({
        range: spanRange(line.line, line.topic),
        severity: 'error',
        message: `'${line.topic.text}' is not a valid topic filter (${problem}): the broker refuses to start.`,
      });
      return;
    }
    if (!line.accessWord && (ACL_ACCESS_TYPES as readonly string[]).includes(line.topic.text)) {
      report({
        range: spanRange(line.line, line.topic),
        severity: 'warning',
        message: `With one word after '${line.kind}' the broker takes it as the topic: this grants read and write on the topic '${line.topic.text}'. Add the topic filter after the access type.`,
      });
    }
  },
});
