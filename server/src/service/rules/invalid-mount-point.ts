import { atValue, directiveRule } from '../engine/rule';
import { nameOf } from '../model/reading';

/**
 * `mount_point` is a topic prefix put in front of every topic of the listener's clients; the
 * broker refuses one that contains a wildcard ('+' or '#'), which includes a trailing
 * "# comment" since the value runs to the end of the line.
 */
export default directiveRule({
  id: 'invalid-mount-point',
  directives: ['mount_point'],
  lineLocal: true,
  title: "'mount_point' with a wildcard character",
  check(d, { report }) {
    if (nameOf(d) !== 'mount_point' || d.value.length === 0) {
      return;
    }
    const wildcard = /[+#]/.exec(d.value);
    if (!wildcard) {
      return;
    }
    const comment = /\s#/.test(d.value) ? " (a '# comment' after the value is part of it)" : '';
    report(
      atValue(
        d,
        `'${d.value}' contains the wildcard '${wildcard[0]}'${comment}; a mount point must be a plain topic prefix such as 'tenant-a/', so the broker refuses to start.`,
        'error',
      ),
    );
  },
});
