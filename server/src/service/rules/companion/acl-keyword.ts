import type { TextReplacement } from '../../engine/companionRule';
import { aclLineRule, replaceText } from '../../engine/companionRule';
import { suggestKeyword } from '../../companion/acl/acl';
import { lineRange, spanRange } from '../../companion/reader';

/**
 * ACL line rule: a line whose first word is not `topic`, `pattern` or `user` (an indented
 * comment, a tab after the keyword, a misspelt or upper-case keyword). Error: every release
 * refuses to start. Fix: the comment moved to the first column, tabs made spaces, or the keyword
 * it resembles.
 */
export default aclLineRule<TextReplacement>({
  id: 'acl-keyword',
  title: 'ACL line that does not start with topic, pattern or user',
  check(line, raw, { report }) {
    if (line.kind !== 'invalid') {
      return;
    }
    const keyword = line.keyword;
    if (keyword.text.startsWith('#')) {
      report({
        range: lineRange(raw),
        severity: 'error',
        message: "A comment must start in the first column: the broker reads an indented '#' line as an unknown keyword and refuses to start.",
        data: { replacement: raw.text.trimStart().replace(/\r$/, ''), title: 'Move the comment to the first column' },
      });
      return;
    }
    const range = spanRange(line.line, keyword);
    if (keyword.text.includes('\t')) {
      report({
        range,
        severity: 'error',
        message: 'The broker separates words with spaces only; with a tab this line starts with an unknown keyword and the broker refuses to start.',
        data: { replacement: keyword.text.replace(/\t+/g, ' '), title: 'Replace tabs with spaces' },
      });
      return;
    }
    const suggestion = suggestKeyword(keyword.text);
    report({
      range,
      severity: 'error',
      message: `'${keyword.text}' is not an ACL keyword (topic, pattern or user; lower case): the broker refuses to start.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
      data: suggestion ? { replacement: suggestion, title: `Change to '${suggestion}'` } : undefined,
    });
  },
  fix: replaceText,
});
