import type { Rule } from './rule';

/** `#` starts a comment only in the first column. */
export const indentedComment: Rule = {
  id: 'indented-comment',
  title: 'Comment that does not start in the first column',
  check({ model, report }) {
    for (const d of model.order) {
      if (d.name.startsWith('#')) {
        report({
          file: d.file,
          range: d.range,
          message: "The broker treats '#' as a comment only in the first column: this indented line is read as the unknown directive '#' and the broker refuses to start. Remove the leading spaces.",
          severity: 'error',
        });
      }
    }
  },
};
