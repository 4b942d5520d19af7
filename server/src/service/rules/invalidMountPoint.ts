import type { Rule } from './rule';
import { atValue, nameOf } from './rule';

/**
 * `mount_point` is a topic prefix put in front of every topic of the listener's clients; the
 * broker refuses one that contains a wildcard ('+' or '#'), which includes a trailing
 * "# comment" since the value runs to the end of the line.
 */
export const invalidMountPoint: Rule = {
  id: 'invalid-mount-point',
  title: "'mount_point' with a wildcard character",
  check({ model, report }) {
    for (const d of model.order) {
      if (nameOf(d) !== 'mount_point' || d.value.length === 0) {
        continue;
      }
      const wildcard = /[+#]/.exec(d.value);
      if (!wildcard) {
        continue;
      }
      const comment = /\s#/.test(d.value) ? " (a '# comment' after the value is part of it)" : '';
      report(atValue(d, `'${d.value}' contains the wildcard '${wildcard[0]}'${comment}; a mount point must be a plain topic prefix such as 'tenant-a/', so the broker refuses to start.`, 'error'));
    }
  },
};
