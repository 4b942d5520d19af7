import { atLeast } from '../version';
import type { Rule } from './rule';
import { valueModeOf } from './rule';

/** Tabs and other control characters inside a string value (refused from 1.6). */
export const controlCharacter: Rule = {
  id: 'control-character',
  title: 'Control character (such as a tab) inside a value',
  check({ model, settings, report }) {
    const version = settings.brokerVersion;
    if (!atLeast(version, '1.5.0')) {
      return;
    }
    const refusesControl = atLeast(version, '1.6.0');
    for (const d of model.order) {
      if (valueModeOf(d, version) !== 'string' || d.value.length === 0) {
        continue;
      }
      const control = /[\u0001-\u001f\u007f-\u009f]/.exec(d.value);
      const malformed = d.value.indexOf('\ufffd');
      const start = d.valueRange.start.character;
      if (control && refusesControl) {
        const at = start + control.index;
        report({
          file: d.file,
          range: { start: { line: d.line, character: at }, end: { line: d.line, character: at + 1 } },
          severity: 'error',
          message: `The value of '${d.name}' contains a ${control[0] === '\t' ? 'tab' : 'control character'}; the broker rejects it as malformed text and refuses to start.`,
        });
      } else if (malformed !== -1) {
        report({
          file: d.file,
          range: { start: { line: d.line, character: start + malformed }, end: { line: d.line, character: start + malformed + 1 } },
          severity: 'error',
          message: `The value of '${d.name}' is not valid UTF-8: the broker refuses to start. Save the file as UTF-8.`,
        });
      }
    }
  },
};
