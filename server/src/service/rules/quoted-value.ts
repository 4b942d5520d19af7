import { atLeast } from '../version';
import { atValue, directiveRule } from '../engine/rule';
import { SINCE, nameOf, valueModeOf } from '../model/reading';
import { changedPathIsFatal } from '../model/paths';
import { KNOWN_DIRECTIVES } from '../data';

/** The value without its quotes. */
export interface Unquoted {
  readonly unquoted: string;
}

/** Quotes around a string value are kept literally by the broker. */
export default directiveRule<Unquoted>({
  id: 'quoted-value',
  directives: KNOWN_DIRECTIVES,
  title: 'Quotes around a value',
  check(d, context) {
    // The model is read only where it matters (context.model), so lines that do not need it keep their findings across edits.
    const { settings, report } = context;
    const mode = valueModeOf(d, settings.brokerVersion);
    if (mode !== 'string' && mode !== 'raw') {
      return;
    }
    if (nameOf(d) === 'topic' && atLeast(settings.brokerVersion, SINCE.release2_1)) {
      return;
    }
    const m = /^(["'])(.*)\1$/.exec(d.value);
    if (m && d.value.length >= 2) {
      // A quoted path names a file that is never there.
      const fatal = changedPathIsFatal(d, context.model, settings.brokerVersion, m[2], d.value);
      report(
        atValue(
          d,
          `The broker keeps quotes as part of the value: '${d.name}' gets ${d.value} including the quotes${fatal ? ', does not find that file and refuses to start' : ''}. Remove them (spaces in the value need no quoting).`,
          fatal ? 'error' : 'warning',
          { data: { unquoted: m[2] } },
        ),
      );
    }
  },
  fix({ diagnostic, payload }) {
    return payload ? [{ title: 'Remove the quotes', edits: [{ range: diagnostic.range, newText: payload.unquoted }], preferred: true }] : [];
  },
});
