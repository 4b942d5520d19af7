import { activeListeners } from '../model/config';
import { atName, configurationRule } from '../engine/rule';

/**
 * A global option written inside a listener or bridge block. The broker applies it to the
 * whole broker; the placement suggests otherwise.
 */
// Not kept across edits (no `sectionsOnly`): it reads the placements and the files.
export default configurationRule({
  id: 'global-option-in-section',
  title: 'Global option written inside a listener or bridge block',
  check({ model, report }) {
    // With a single listener, "applies to every listener" changes nothing: only say it when it matters.
    const severalListeners = activeListeners(model).length > 1;
    for (const file of model.files) {
      let block: string | undefined;
      for (const d of file.directives) {
        if (d.name === 'listener') {
          block = `listener ${d.args.map((t) => t.text).join(' ')}`;
          continue;
        }
        if (d.name === 'connection') {
          block = `bridge ${d.args[0]?.text ?? ''}`;
          continue;
        }
        // Listener and bridge options never land globally: no placement lookup for them.
        const scope = d.spec?.scope;
        if (block === undefined || scope === undefined || scope === 'listener' || scope === 'bridge') {
          continue;
        }
        const kind = model.placements.get(d)?.kind;
        if (kind !== 'global' && kind !== 'security-global') {
          continue;
        }
        if (kind === 'security-global') {
          if (!severalListeners) {
            continue;
          }
          report(atName(d, `'${d.name}' is written under '${block}' but applies to every listener, because per_listener_settings is not true.`, 'information'));
        } else {
          report(atName(d, `'${d.name}' is a global option: it applies to the whole broker, not only to '${block}'.`, 'hint'));
        }
      }
    }
  },
});
