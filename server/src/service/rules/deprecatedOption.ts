import { DiagnosticTag } from 'vscode-languageserver-types';
import { atLeast } from '../version';
import type { Rule } from './rule';
import { atName } from './rule';

/** Options that still work but are on their way out, with their replacement. */
export const deprecatedOption: Rule = {
  id: 'deprecated-option',
  title: 'Deprecated option',
  check({ model, settings, report }) {
    for (const d of model.order) {
      const deprecated = d.spec?.deprecated;
      if (!deprecated || !atLeast(settings.brokerVersion, deprecated.version) || (d.spec?.removed && atLeast(settings.brokerVersion, d.spec.removed.version))) {
        continue;
      }
      const instead = deprecated.replacement ? ` Use ${deprecated.replacement.split(', ').map((r) => (/^[a-z_./<> *]+$/.test(r) ? `'${r}'` : r)).join(', ')} instead.` : '';
      report(atName(d, `'${d.name}' is deprecated since mosquitto ${deprecated.version}.${instead}`, 'information', { tags: [DiagnosticTag.Deprecated], data: { replacement: deprecated.replacement } }));
    }
  },
};
