import { atLeast } from '../version';
import { directiveRule, span } from '../engine/rule';
import { SINCE, nameOf, valueModeOf } from '../model/reading';
import { changedPathIsFatal } from '../model/paths';
import { KNOWN_DIRECTIVES } from '../data';

/**
 * White space at the end of a value that the broker keeps: string values before 1.6.9, and
 * values it reads raw (include_dir, bridge_protocol_version, plugin paths in 2.1.1+, log file).
 */
export default directiveRule({
  id: 'trailing-whitespace',
  directives: KNOWN_DIRECTIVES,
  title: 'White space at the end of a value that the broker keeps',
  check(d, context) {
    // The model is read only where it matters (context.model), so lines that do not need it keep their findings across edits.
    const { settings, report } = context;
    const version = settings.brokerVersion;
    const trims = atLeast(version, SINCE.trimmedStrings);
    const spec = d.spec;
    if (!spec || !endsWithBlank(d.rest) || d.value.length === 0) {
      return;
    }
    const name = nameOf(d);
    const mode = valueModeOf(d, version);
    const raw = mode === 'raw' && name !== 'include_dir' && !spec.prefix;
    const logFile = name === 'log_dest' && d.args[0]?.text === 'file';
    const keeps = raw || logFile || (mode === 'string' && !trims);
    if (!keeps) {
      return;
    }
    const end = d.text.length;
    const trimmedEnd = d.valueEnd;
    // A path with blanks glued on names a file that is never there; other values just change.
    const fatal = changedPathIsFatal(d, context.model, version, d.value, d.rest.replace(/^[ \t]+/, ''));
    report({
      file: d.file,
      at: span(d, trimmedEnd, end),
      severity: fatal ? 'error' : 'warning',
      message: `The broker keeps the white space at the end of this line as part of the value of '${d.name}'${spec.args[0]?.type === 'path' || logFile ? ', so the file is not found' : ''}${fatal ? ' and the broker refuses to start' : ''}. Remove it.`,
    });
  },
  fix: ({ diagnostic }) => [{ title: 'Remove the trailing white space', edits: [{ range: diagnostic.range, newText: '' }], preferred: true }],
});

/**
 * Whether `text` ends in a space or tab. A character test, not `/[ \t]+$/`: that regex
 * backtracks quadratically on a long run of blanks followed by other text.
 */
function endsWithBlank(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 0x20 || last === 0x09;
}
