import { aclFileRule } from '../../engine/companionRule';
import { spanRange } from '../../companion/reader';

/** ACL file rule (across lines): a user named by a second `user` line; the broker merges both blocks. Information. */
export default aclFileRule({
  id: 'acl-duplicate-user',
  title: 'ACL user named in two blocks',
  check(file, { report }) {
    const first = new Map<string, number>();
    for (const line of file.lines) {
      if (line.kind !== 'user' || !line.name || line.name.text.length === 0) {
        continue;
      }
      const earlier = first.get(line.name.text);
      if (earlier === undefined) {
        first.set(line.name.text, line.line);
        continue;
      }
      report({
        range: spanRange(line.line, line.name),
        severity: 'information',
        message: `User '${line.name.text}' already has a block at line ${earlier + 1}; the broker merges both blocks. Keeping one block per user is easier to read.`,
      });
    }
  },
});
