/** What a missing or misread path does to the broker, decided from the model. */
import { PATH_OPTIONS } from '../data/paths';
import type { Directive } from '../parser/parser';
import { dirname } from '../util/paths';
import type { Version } from '../version';
import { atLeast } from '../version';
import type { ConfigModel } from './config';
import { isActiveListener, lastEntry } from './config';
import { nameOf, SINCE } from './reading';
import { loadFailureIsFatal, slotFailureEffect, TLS_SLOT_OPTIONS } from './tls';

/**
 * Whether a missing file for this directive stops the selected broker from starting:
 * listener TLS files only matter when the listener switches TLS on (and is opened at all),
 * and options a release accepts but ignores never do.
 */
export function missingPathIsFatal(d: Directive, model: ConfigModel, version: Version): boolean {
  const use = PATH_OPTIONS[nameOf(d)];
  const fatal = use?.fatal;
  if (
    !use ||
    !fatal ||
    (typeof fatal === 'object' &&
      ((fatal.since !== undefined && !atLeast(version, fatal.since)) || (fatal.before !== undefined && atLeast(version, fatal.before))))
  ) {
    return false;
  }
  const removed = d.spec?.removed;
  if (removed?.kind === 'ignored' && atLeast(version, removed.version)) {
    return false;
  }
  if (inUnopenedDefaultListener(d, model)) {
    return false;
  }
  if (use.tlsListener) {
    // The TLS model's answer: does this release load the file for this listener at all.
    const section = model.placements.get(d)?.target;
    const slot = TLS_SLOT_OPTIONS[nameOf(d)];
    return section !== undefined && slot !== undefined && loadFailureIsFatal(slot, section, model, version);
  }
  return true;
}

/**
 * A listener option before the first listener belongs to the default listener; when the file
 * does not make the broker open it (releases up to 2.0), the broker never reads the path
 * (e.g. `acl_file` there with `per_listener_settings true`; checked with 1.5.11 to 2.0.22).
 */
function inUnopenedDefaultListener(d: Directive, model: ConfigModel): boolean {
  const target = model.placements.get(d)?.target;
  return target?.kind === 'default-listener' && !isActiveListener(model, target);
}

/**
 * The listener's TLS options are incomplete in a way this release refuses at start-up: one of
 * certfile/keyfile, or a cafile/capath with neither (tls-certfile-without-keyfile,
 * tls-keyfile-without-certfile, tls-ca-without-certificate).
 */
function incompleteTlsRefused(d: Directive, model: ConfigModel, version: Version): boolean {
  const section = model.placements.get(d)?.target;
  if (!section || !atLeast(version, SINCE.incompleteTlsRefused)) {
    return false;
  }
  const cert = lastEntry(section, 'certfile') !== undefined;
  const key = lastEntry(section, 'keyfile') !== undefined;
  return cert !== key || (!cert && lastEntry(section, 'cafile', 'capath') !== undefined);
}

/** What goes wrong when this directive's path is missing, in the selected release. */
export function missingPathEffect(d: Directive, model: ConfigModel, version: Version): { fatal: boolean; effect: string } {
  const use = PATH_OPTIONS[nameOf(d)];
  const fatal = missingPathIsFatal(d, model, version);
  const section = model.placements.get(d)?.target;
  const slot = TLS_SLOT_OPTIONS[nameOf(d)];
  const effect = fatal
    ? 'the broker refuses to start'
    : inUnopenedDefaultListener(d, model)
      ? 'it belongs to the default listener, which this file does not open, so the broker never reads it'
      : use?.tlsListener && incompleteTlsRefused(d, model, version)
        ? // A tls-* finding already says the broker refuses to start: tell the same story.
          'the broker stops at the incomplete TLS options of this listener before it gets to this file; once certfile and keyfile are both set, the missing file stops it'
        : use?.tlsListener && section !== undefined && slot !== undefined
          ? slotFailureEffect(slot, section, model, version)
          : (use?.effect ?? 'the broker does not use it');
  return { fatal, effect };
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
