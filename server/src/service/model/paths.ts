/** What a missing or misread path does to the broker, decided from the model. */
import { PATH_OPTIONS } from '../data/paths';
import type { Directive } from '../parser/parser';
import { dirname } from '../util/paths';
import type { Version } from '../version';
import { atLeast } from '../version';
import type { ConfigModel } from './config';
import { activeListeners, listenerUsesTls } from './config';
import { nameOf } from './reading';

/**
 * Whether a missing file for this directive stops the selected broker from starting:
 * listener TLS files only matter when the listener switches TLS on (and is opened at all),
 * and options a release accepts but ignores never do.
 */
export function missingPathIsFatal(d: Directive, model: ConfigModel, version: Version): boolean {
  const use = PATH_OPTIONS[nameOf(d)];
  if (!use?.fatal) {
    return false;
  }
  const removed = d.spec?.removed;
  if (removed?.kind === 'ignored' && atLeast(version, removed.version)) {
    return false;
  }
  if (use.tlsListener) {
    const section = model.placements.get(d)?.target;
    return section !== undefined && activeListeners(model).includes(section) && listenerUsesTls(section, version);
  }
  return true;
}

/**
 * Whether a path the user meant (`intended`) but the broker reads differently (`read`, e.g.
 * with a comment, quotes or '= ' glued on) stops the broker. Files and folders that must
 * exist are never found under the changed name; a file the broker creates (pid file) only
 * fails when the change puts it into a folder that does not exist.
 */
export function changedPathIsFatal(d: Directive, model: ConfigModel, version: Version, intended: string, read: string): boolean {
  if (!missingPathIsFatal(d, model, version)) {
    return false;
  }
  return PATH_OPTIONS[nameOf(d)]?.kind !== 'parent' || dirname(read) !== dirname(intended);
}
