import { tableOf } from './table';
import type { VersionedDefault } from './types';
import type { Version } from '../version';
import { atLeast } from '../version';

export type { VersionedDefault } from './types';

/** Defaults per directive (catalogue `default`), by dispatch name. */
export const DIRECTIVE_DEFAULTS: Readonly<Record<string, string | readonly VersionedDefault[]>> = tableOf((spec) => spec.default);

/** The default of a directive for one release, when it has one. */
export function defaultFor(name: string, version: Version): string | undefined {
  const entry = DIRECTIVE_DEFAULTS[name];
  if (entry === undefined || typeof entry === 'string') {
    return entry;
  }
  return entry.find((d) => atLeast(version, d.since))?.text ?? entry[entry.length - 1]?.text;
}
