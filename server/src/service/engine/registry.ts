/**
 * The rule table as the rest of the service sees it: features look rules up here (ids,
 * titles, quick fixes) and never import a rule file.
 */
import { RULES } from '../rules';
import type { Rule } from './rule';

export { RULES };

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

/** The rule with this id (undefined for codes that are not rules, e.g. included-file-errors). */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
