import { DIRECTIVES } from './catalogue';
import type { DirectiveName } from './catalogue';
import type { DirectiveSpec } from './types';

export { DIRECTIVES } from './catalogue';
export type { DirectiveName } from './catalogue';
export type { ArgSpec, ArgType, BuildFeature, DirectiveSpec, DuplicatePolicy, Scope, ValueMode } from './types';

const byName = new Map<string, DirectiveSpec>();
const families: DirectiveSpec[] = [];
for (const spec of DIRECTIVES) {
  if (spec.prefix !== undefined) {
    families.push(spec);
  } else {
    byName.set(spec.name, spec);
  }
}

/** Looks a keyword up the way the broker matches it: exact, case-sensitive; prefix families by prefix. */
export function findDirective(name: string): DirectiveSpec | undefined {
  const exact = byName.get(name);
  if (exact) {
    return exact;
  }
  for (const family of families) {
    if (family.prefix !== undefined && name.startsWith(family.prefix)) {
      return family;
    }
  }
  return undefined;
}

/** Every plain directive name (families excluded), in catalogue order. */
export const DIRECTIVE_NAMES: readonly string[] = DIRECTIVES.filter((d) => d.prefix === undefined).map((d) => d.name);

/** The canonical directive a synonym stands for (itself when it is no synonym). */
export function canonicalName(spec: DirectiveSpec): string {
  return spec.aliasOf ?? spec.name;
}

/** The names rules dispatch on (`nameOf`) of every catalogue entry matching `test`: plain names and family patterns. */
export function directivesWhere(test: (spec: DirectiveSpec) => boolean): readonly DirectiveName[] {
  return DIRECTIVES.filter(test).map((spec) => spec.name as DirectiveName);
}

/** The dispatch name of every directive the catalogue knows (for rules that skip unknown lines). */
export const KNOWN_DIRECTIVES: readonly DirectiveName[] = directivesWhere(() => true);

/** A set of directive names, checked against the catalogue when it is written. */
export function directiveNames(...names: DirectiveName[]): ReadonlySet<string> {
  return new Set(names);
}
