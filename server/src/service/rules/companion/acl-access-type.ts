import type { TextReplacement } from '../../engine/companionRule';
import { aclLineRule, replaceText } from '../../engine/companionRule';
import { aclAccessRefusal, suggestAccess } from '../../companion/acl/acl';
import { spanRange } from '../../companion/reader';

/**
 * ACL line rule: the access word of a `topic`/`pattern` line that the selected release refuses
 * (`deny` before 2.0, or no access type at all). Error: the broker refuses to start. Fix: the
 * access type the word resembles (`rw` → `readwrite`).
 */
export default aclLineRule<TextReplacement>({
  id: 'acl-access-type',
  title: 'ACL access type other than read, write, readwrite or deny',
  check(line, _raw, { version, report }) {
    const refusal = aclAccessRefusal(line, version);
    if ((line.kind !== 'topic' && line.kind !== 'pattern') || !line.accessWord || !refusal) {
      return;
    }
    const range = spanRange(line.line, line.accessWord);
    if (refusal === 'deny-before-2.0') {
      report({
        range,
        severity: 'error',
        message: "'deny' is an access type from 2.0 on: the selected release refuses to start. It knows read, write and readwrite.",
      });
      return;
    }
    const suggestion = suggestAccess(line.accessWord.text);
    report({
      range,
      severity: 'error',
      message: `'${line.accessWord.text}' is not an access type (read, write, readwrite or deny): the broker refuses to start.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
      data: suggestion ? { replacement: suggestion, title: `Change to '${suggestion}'` } : undefined,
    });
  },
  fix: replaceText,
});
