// The `mosquitto.rules` settings of package.json as the rule table says they should be.
// Shared by scripts/generate-rule-settings.mjs and the unit test that keeps package.json current.

const SEVERITIES = ['default', 'off', 'hint', 'information', 'warning', 'error'];

/** One setting entry for a rule. */
export function ruleSetting(rule) {
  return {
    type: 'string',
    enum: [...SEVERITIES],
    default: 'default',
    markdownDescription: `${rule.title}. Rule id \`${rule.id}\` (see docs/rules.md).`,
  };
}

/** package.json text with its `mosquitto.rules` properties replaced by one entry per rule, in table order. */
export function ruleSettingsText(packageJsonText, rules) {
  const manifest = JSON.parse(packageJsonText);
  const block = manifest.contributes.configuration.properties['mosquitto.rules'];
  block.properties = Object.fromEntries(rules.map((rule) => [rule.id, ruleSetting(rule)]));
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
