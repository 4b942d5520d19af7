import type { Version } from '../version';
import { atLeast } from '../version';
import { directiveRule, span } from '../engine/rule';
import { lineOf } from '../parser/parser';
import { SINCE, nameOf, tokensRead, valueModeOf } from '../model/reading';
import { changedPathIsFatal } from '../model/paths';
import { KNOWN_DIRECTIVES } from '../data';
import { insertLinesBefore } from '../model/lineEdits';

/** Directives whose optional words stop at a '#' (1.5.6+). */
function commentAware(name: string, version: Version): boolean {
  return ['listener', 'address', 'addresses', 'topic'].includes(name) && atLeast(version, SINCE.commentWordsSkipped);
}

/**
 * `value # comment`: mosquitto has no end-of-line comments. After a string value the text
 * becomes part of the value; after a one-word value it is ignored.
 */
export default directiveRule({
  id: 'trailing-comment',
  directives: KNOWN_DIRECTIVES,
  title: "'# text' after a value",
  check(d, context) {
    // The model is read only where it matters (context.model), so lines that do not need it keep their findings across edits.
    const { settings, report } = context;
    const version = settings.brokerVersion;
    const spec = d.spec;
    if (!spec) {
      return;
    }
    const hash = d.args.findIndex((t, i) => i > 0 && t.text.startsWith('#'));
    const firstHash = d.args[0]?.text.startsWith('#') ? 0 : hash;
    if (firstHash === -1) {
      return;
    }
    const token = d.args[firstHash];
    const at = span(d, token.start, d.text.length);
    const name = nameOf(d);
    const mode = valueModeOf(d, version);
    const stringValue = mode === 'string' || mode === 'raw' || (name === 'log_dest' && d.args[0]?.text === 'file');
    if (firstHash === 0 && !stringValue) {
      return;
    }
    if (stringValue) {
      // A path with the comment glued on names a file that is never there.
      const intended = d.value.slice(0, token.start - d.valueStart).trimEnd();
      const fatal = changedPathIsFatal(d, context.model, version, intended, d.value);
      report({
        file: d.file,
        at,
        severity: fatal ? 'error' : 'warning',
        message: `mosquitto has no end-of-line comments: '${d.value.slice(token.start - d.valueStart)}' becomes part of the value of '${d.name}'${fatal ? ', so the broker does not find the file and refuses to start' : ''}. Move the comment to its own line.`,
      });
    } else if (name === 'listener' && !atLeast(version, SINCE.commentWordsSkipped) && firstHash === 1) {
      report({
        file: d.file,
        at,
        severity: 'error',
        message:
          "Before 1.5.6 the broker takes this comment as the listener's bind address, and the listener fails to start. Move the comment to its own line.",
      });
    } else if (!commentAware(name, version) && firstHash < (tokensRead(d, version) ?? 0)) {
      // Only listener, address and topic skip a '#' word; elsewhere it is read as a value.
      report({
        file: d.file,
        at,
        severity: 'warning',
        message: `mosquitto has no end-of-line comments, and '${d.name}' reads this '#' as one of its values. Move the comment to its own line.`,
      });
    } else {
      report({
        file: d.file,
        at,
        severity: 'information',
        message:
          'mosquitto has no end-of-line comments; this text is ignored only because the broker stops reading after the value. Consider moving it to its own line.',
      });
    }
  },
  fix({ directive, diagnostic, file }) {
    if (!directive) {
      return [];
    }
    const text = directive.text;
    const hash = diagnostic.range.start.character;
    let end = hash;
    while (end > 0 && text.charCodeAt(end - 1) === 0x20) {
      end--;
    }
    if (end <= directive.nameEnd) {
      return []; // the comment is the whole value: moving it would leave the option empty
    }
    const line = lineOf(file, directive);
    return [
      {
        title: 'Move the comment to its own line',
        edits: [
          insertLinesBefore(file, line, [text.slice(hash)]),
          { range: { start: { line, character: end }, end: { line, character: text.length } }, newText: '' },
        ],
        preferred: true,
      },
    ];
  },
});
