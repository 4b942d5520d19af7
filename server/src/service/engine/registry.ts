/**
 * The rule table as the rest of the service sees it: features look rules up here (ids,
 * titles, quick fixes) and never import a rule file.
 */
import { RULES } from '../rules';
import { INCLUDED_FILE_ERRORS } from './codes';
import { COMPANION_RULES } from './companion';
import type { Rule } from './rule';

export { RULES };

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

/** The rule with this id (undefined for codes that are not rules, e.g. included-file-errors). */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** A diagnostic code users can configure (`mosquitto.rules.<id>`), with its one-line title. */
export interface ConfigurableRule {
  readonly id: string;
  readonly title: string;
}

/**
 * Every configurable rule id, in the order of the settings: the rule table, the include_dir
 * summary, then the companion-file rules. `scripts/generate-rule-settings.mjs` writes the
 * `mosquitto.rules` settings of package.json from this list.
 */
export const CONFIGURABLE_RULES: readonly ConfigurableRule[] = [
  ...RULES.map(({ id, title }) => ({ id, title })),
  { id: INCLUDED_FILE_ERRORS, title: 'An included file has errors (shown on the include_dir line)' },
  ...COMPANION_RULES.map(({ id, title }) => ({ id, title })),
];
