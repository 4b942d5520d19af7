import { DIRECTIVES } from './catalogue';
import type { DirectiveSpec } from './types';

/**
 * A view of one catalogue fact as a table by dispatch name (the entry's name; families by
 * their pattern), for the entries that have it. The catalogue stays the one source.
 */
export function tableOf<T>(fact: (spec: DirectiveSpec) => T | undefined): Readonly<Record<string, T>> {
  const table: Record<string, T> = {};
  for (const spec of DIRECTIVES) {
    const value = fact(spec);
    if (value !== undefined) {
      table[spec.name] = value;
    }
  }
  return table;
}
