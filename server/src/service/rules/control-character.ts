import { atLeast } from '../version';
import { directiveRule, span } from '../engine/rule';
import { SINCE, valueModeOf } from '../model/reading';
import { KNOWN_DIRECTIVES } from '../data';

/** Tabs and other control characters inside a string value (refused from 1.6). */
export default directiveRule({
  id: 'control-character',
  directives: KNOWN_DIRECTIVES,
  lineLocal: true,
  title: 'Control character (such as a tab) inside a value',
  check(d, { settings, report }) {
    const version = settings.brokerVersion;
    if (!atLeast(version, SINCE.release1_5)) {
      return;
    }
    const refusesControl = atLeast(version, SINCE.release1_6);
    if (valueModeOf(d, version) !== 'string' || d.value.length === 0) {
      return;
    }
    const control = /[\u0001-\u001f\u007f-\u009f]/.exec(d.value);
    const malformed = d.value.indexOf('\ufffd');
    const start = d.valueStart;
    if (control && refusesControl) {
      const at = start + control.index;
      report({
        file: d.file,
        at: span(d, at, at + 1),
        severity: 'error',
        message: `The value of '${d.name}' contains a ${control[0] === '\t' ? 'tab' : 'control character'}; the broker rejects it as malformed text and refuses to start.`,
      });
    } else if (malformed !== -1) {
      report({
        file: d.file,
        at: span(d, start + malformed, start + malformed + 1),
        severity: 'error',
        message: `The value of '${d.name}' is not valid UTF-8: the broker refuses to start. Save the file as UTF-8.`,
      });
    }
  },
});
