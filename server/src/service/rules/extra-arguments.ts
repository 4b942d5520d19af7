import { directiveRule, span } from '../engine/rule';
import { nameOf, tokensRead } from '../model/reading';
import { KNOWN_DIRECTIVES } from '../data';

/** Tokens after the value that the broker never reads (e.g. `log_dest stdout stderr`). */
export default directiveRule({
  id: 'extra-arguments',
  directives: KNOWN_DIRECTIVES,
  lineLocal: true,
  title: 'Words after the value that the broker ignores',
  check(d, { settings, report }) {
    const read = tokensRead(d, settings.brokerVersion);
    if (read === undefined || d.args.length <= read) {
      return;
    }
    const extra = d.args[read];
    if (d.args.slice(0, read + 1).some((t) => t.text.startsWith('#'))) {
      return; // a comment (e.g. 'listener 1883 # plain'): reported by trailing-comment
    }
    if (nameOf(d) === 'topic' && d.args.length > 2) {
      return; // checked by bridge-topic
    }
    const last = d.args[d.args.length - 1];
    const ignored = d.args
      .slice(read)
      .map((t) => t.text)
      .join(' ');
    report({
      file: d.file,
      at: span(d, extra.start, last.end),
      severity: 'warning',
      message: `The broker reads only ${read === 1 ? 'one value' : `${read} values`} for '${d.name}' and silently ignores '${ignored}'.${read === 1 && ['log_dest', 'log_type'].includes(nameOf(d)) ? ` Put each ${nameOf(d)} on its own line.` : ''}`,
    });
  },
});
