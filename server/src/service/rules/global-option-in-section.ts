import { activeListeners } from '../model/config';
import type { Finding } from '../engine/rule';
import { atName, configurationRule } from '../engine/rule';

/**
 * A global option written inside a listener or bridge block. The broker applies it to the
 * whole broker; the placement suggests otherwise.
 */
// Its findings are all global entries (placed 'global' or 'security-global'). They are worked out
// as the global section's `perSection` work, kept across edits while the global section is the
// same object: besides the global entries and their placements it reads only the 'listener' and
// 'connection' lines above them and the number of listeners, which only a rebuilt model changes.
export default configurationRule<undefined, readonly Finding<undefined>[]>({
  id: 'global-option-in-section',
  title: 'Global option written inside a listener or bridge block',
  perSection(section, { model }) {
    if (section !== model.global) {
      return NOTHING;
    }
    const found: Finding<undefined>[] = [];
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
          found.push(
            atName(d, `'${d.name}' is written under '${block}' but applies to every listener, because per_listener_settings is not true.`, 'information'),
          );
        } else {
          found.push(atName(d, `'${d.name}' is a global option: it applies to the whole broker, not only to '${block}'.`, 'hint'));
        }
      }
    }
    return found.length === 0 ? NOTHING : found;
  },
  check({ model, report }, ofSection) {
    for (const finding of ofSection(model.global)) {
      report(finding);
    }
  },
});

const NOTHING: readonly Finding<undefined>[] = [];
